"""Information pages come from the cache for visitors without a session, and never stale after a publish."""

from __future__ import annotations

import pytest
from django.test import Client

from cms.models import TopicPage

from .conftest import publish_child

pytestmark = pytest.mark.django_db


def test_an_editors_publish_shows_on_the_next_visitors_request(client, bullying_page):
    assert "nooit jouw schuld" in client.get(bullying_page.url).content.decode()  # now in the cache

    bullying_page.intro = "Word je gepest? Praat erover, je staat er niet alleen voor."
    bullying_page.save_revision().publish()

    html = client.get(bullying_page.url).content.decode()
    assert "je staat er niet alleen voor" in html
    assert "nooit jouw schuld" not in html


def test_a_new_page_shows_on_the_cached_home_page_and_an_unpublished_one_leaves(client, topics_index):
    client.get("/")
    page = publish_child(topics_index, TopicPage(title="Rouw", slug="rouw", intro="Over verlies."))

    assert "Rouw" in client.get("/").content.decode()

    page.unpublish()

    assert "Rouw" not in client.get("/").content.decode()
    assert client.get("/informatie/rouw/").status_code == 404


def test_a_cached_page_costs_no_query(client, bullying_page, django_assert_num_queries):
    client.get(bullying_page.url)

    with django_assert_num_queries(0):
        response = client.get(bullying_page.url)

    assert response.status_code == 200
    assert response["Content-Language"] == "nl"
    assert "Content-Security-Policy" in response
    assert "Cookie" in response["Vary"]


def test_an_editor_sees_the_live_page_not_the_visitors_copy(bullying_page, editor):
    Client().get(bullying_page.url)
    editors = Client()
    editors.force_login(editor)

    html = editors.get(bullying_page.url).content.decode()

    assert "Uitloggen" in html


def test_english_visitors_get_their_own_copy(client, bullying_page):
    client.get(bullying_page.url)
    english = Client()
    english.cookies["django_language"] = "en"

    assert 'lang="en"' in english.get(bullying_page.url).content.decode()
    assert 'lang="nl"' in client.get(bullying_page.url).content.decode()
