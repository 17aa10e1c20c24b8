"""The Wagtail image and document choosers answer 404 for an id that is no number (issue 13; was 500)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["images", "documents"])
@pytest.mark.parametrize("pk", ["abc", "1abc", "%20", "-1"])
def test_a_chooser_asked_for_a_non_numeric_id_answers_not_found(client, editor, kind, pk):
    client.raise_request_exception = False
    client.force_login(editor)

    response = client.get(f"/beheer/{kind}/chooser/chosen/{pk}/")

    assert response.status_code == 404


@pytest.mark.parametrize("kind", ["images", "documents"])
def test_a_chooser_asked_for_a_missing_numeric_id_still_answers_not_found(client, editor, kind):
    client.force_login(editor)

    assert client.get(f"/beheer/{kind}/chooser/chosen/999999/").status_code == 404
