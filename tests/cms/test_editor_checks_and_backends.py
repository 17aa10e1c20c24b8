"""Editors get Wagtail's accessibility checks with our extra rules; Elasticsearch is chosen by configuration."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_editors_see_the_accessibility_checker_with_the_alt_text_rule(client, editor, bullying_page):
    client.force_login(editor)

    html = client.get(bullying_page.url).content.decode()

    assert "w-userbar" in html
    assert "image-alt" in html and "Afbeelding zonder alt-tekst" in html


def test_visitors_get_no_editor_tools(client, bullying_page):
    assert "w-userbar" not in client.get(bullying_page.url).content.decode()


def test_elasticsearch_is_used_with_the_dutch_analyzer_when_configured():
    code = (
        "import django, json; django.setup();"
        "from wagtail.search.backends import get_search_backend;"
        "b = get_search_backend();"
        "print(json.dumps([type(b).__module__, b.settings['settings']['analysis']['analyzer']['default']]))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "ELASTICSEARCH_URL": "http://127.0.0.1:9",
    }

    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)

    module, analyzer = json.loads(out.stdout.strip().splitlines()[-1])
    assert module.endswith("elasticsearch9")
    assert analyzer == {"type": "dutch"}


def test_without_elasticsearch_the_database_backend_searches():
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "wagtail.search.backends.database"
