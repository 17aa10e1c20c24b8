"""The test database is restored whole after every transactional test (serialized rollback), so
that a chat, fault or browser test sees the site as migrations left it, in any order of tests."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from cms.models import HomePage


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_site_is_restored_after_a_transactional_test_even_when_content_types_are_not_cached():
    serialized = getattr(connection, "_test_serialized_contents", None)
    if serialized is None:
        pytest.skip("this test database keeps no serialized copy (seen on PostgreSQL)")
    # What a transactional test's teardown leaves: empty tables; and what create_permissions
    # (run by the moderators' groups fixture) leaves: an empty content-type cache.
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    ContentType.objects.clear_cache()

    connection.creation.deserialize_db_from_string(serialized)

    assert HomePage.objects.exists()
    assert ContentType.objects.filter(app_label="cms", model="homepage").count() == 1
