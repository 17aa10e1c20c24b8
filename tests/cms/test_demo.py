"""The demo content: every main topic in plain Dutch, the rules, and loading it twice changes nothing."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.utils.module_loading import import_string

from cms.models import RulesPage, TopicPage

pytestmark = pytest.mark.django_db

MAIN_TOPICS = ["pesten", "thuis", "seksualiteit", "verliefd", "lichaam", "school", "vriendschap", "rouw"]


def test_demo_creates_the_main_topics_and_the_rules_once(client):
    assert "cms.demo.load" in settings.DEMO_LOADERS
    import_string("forum.demo.load")(io.StringIO())
    load = import_string("cms.demo.load")
    load(io.StringIO())
    load(io.StringIO())

    assert sorted(TopicPage.objects.live().values_list("slug", flat=True)) == sorted(MAIN_TOPICS)
    assert RulesPage.objects.live().count() == 1
    assert TopicPage.objects.get(slug="pesten").boards.filter(slug="pesten").exists()
    html = client.get("/informatie/pesten/").content.decode()
    assert "<details" in html
    assert "Ze lachen me uit in de groepsapp" in html
