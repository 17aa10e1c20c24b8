"""One search over information pages and the forum's published topics and posts (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from django.db import connection
from wagtail.contrib.search_promotions.models import Query

from cms.models import TopicPage
from forum.models import Status
from tests.forum.factories import PostFactory, TopicFactory

from .conftest import publish_child

pytestmark = pytest.mark.django_db


@pytest.fixture
def bullying_topic(bullying_board):
    topic = TopicFactory(board=bullying_board, title="Ik word gepest in de groepsapp")
    PostFactory(topic=topic, is_opening=True, body="Ze sturen foto's van mij. Wat moet ik doen?")
    PostFactory(topic=topic, body="Pesten is nooit oké. Maak screenshots.")
    return topic


def _search(client, q: str, page: int = 1) -> str:
    response = client.get("/zoeken/", {"q": q, "pagina": page})
    assert response.status_code == 200
    return response.content.decode()


def test_pesten_finds_the_information_page_and_the_forum_topic_grouped_and_highlighted(
    client, bullying_page, bullying_topic
):
    html = _search(client, "pesten")

    info, forum = html.index('id="informatie-kop"'), html.index('id="forum-kop"')
    assert info < html.index(f'href="{bullying_page.url}"') < forum
    assert forum < html.index(f'href="{bullying_topic.get_absolute_url()}"')
    assert "<mark>Pesten</mark> is nooit oké" in html


def test_held_and_rejected_forum_content_is_never_found(client, bullying_board):
    held = TopicFactory(board=bullying_board, title="Pesten op straat", status=Status.QUEUED)
    PostFactory(topic=held, is_opening=True, body="pesten pesten", status=Status.QUEUED)
    open_topic = TopicFactory(board=bullying_board, title="Over de klas")
    PostFactory(topic=open_topic, body="Ik werd ook gepest, dit is het origineel", status=Status.REJECTED)

    html = _search(client, "pesten")

    assert "Pesten op straat" not in html
    assert "origineel" not in html


def test_an_unpublished_page_is_not_found(client, topics_index):
    topics_index.add_child(instance=TopicPage(title="Pesten concept", slug="concept", intro="x", live=False))

    assert "Pesten concept" not in _search(client, "pesten")


def test_a_search_that_finds_nothing_offers_the_chat(client, bullying_page):
    html = _search(client, "xylofoonles")

    assert "We vonden niets" in html
    assert 'href="/chat/"' in html


def test_a_promoted_page_comes_first(client, bullying_page, topics_index):
    other = publish_child(topics_index, TopicPage(title="Thuis", slug="thuis", intro="Thuis en ruzie."))
    Query.get("ruzie").editors_picks.create(
        page=bullying_page, description="Ruzie met klasgenoten?", sort_order=0
    )

    html = _search(client, "ruzie")

    assert "Tip van de redactie" in html
    assert html.index(bullying_page.url) < html.index(other.url)


def test_many_results_are_paginated(client, bullying_board):
    for number in range(12):
        TopicFactory(board=bullying_board, title=f"Pesten verhaal {number}")

    first, second = _search(client, "pesten"), _search(client, "pesten", page=2)

    assert "Pagina 1 van 2" in first and "Volgende" in first
    assert first.count('class="result"') == 10
    assert second.count('class="result"') == 2


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Dutch stemming needs PostgreSQL (or Elasticsearch)"
)
def test_dutch_stemming_finds_other_forms_of_a_word(client, bullying_board):
    TopicFactory(board=bullying_board, title="Mijn ouders gaan scheiden")

    assert "Mijn ouders gaan scheiden" in _search(client, "ouder")


@pytest.mark.parametrize("q", ["de", "ik", "!!!", "a" * 300])
def test_odd_searches_answer_calmly(client, bullying_page, q):
    html = _search(client, q)

    assert "Zoeken" in html


def test_every_search_counts_for_the_editors_popular_searches(client, bullying_page):
    _search(client, "Pesten")
    _search(client, "pesten")

    assert Query.get("pesten").hits == 2
