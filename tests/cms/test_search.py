"""One search over information pages and the forum's published topics and posts (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
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


def test_pesten_lists_the_topics_of_the_pesten_board_beside_the_information_pages(client, bullying_page):
    # The demo's conversation on the Pesten board: not one form of "pesten" in its words.
    topic = TopicFactory(board=bullying_page.boards.first(), title="Ze lachen me uit in de groepsapp")
    PostFactory(topic=topic, is_opening=True, body="Ze sturen steeds foto's van mij met rare teksten.")

    html = _search(client, "pesten")

    assert html.index(f'href="{bullying_page.url}"') < html.index('id="forum-kop"')
    assert html.index('id="forum-kop"') < html.index(f'href="{topic.get_absolute_url()}"')


@pytest.mark.parametrize("q", ["gepest", "pesten", "pest"])
def test_every_form_of_pesten_finds_the_others_and_is_highlighted(client, board, q):
    said = TopicFactory(board=board, title="In de klas")
    PostFactory(topic=said, is_opening=True, body="Ik word gepest, sinds de zomer.")
    told = TopicFactory(board=board, title="Iemand helpen")
    PostFactory(topic=told, is_opening=True, body="Wat doe je tegen pesten?")

    html = _search(client, q)

    assert said.get_absolute_url() in html and told.get_absolute_url() in html
    assert "<mark>gepest</mark>" in html and "<mark>pesten</mark>" in html


def test_what_the_filter_removed_is_never_found_but_the_word_itself_is(client, bullying_board):
    board = bullying_board
    removed = TopicFactory(board=board, title="Wie wil er chatten?")
    PostFactory(
        topic=removed, is_opening=True, body="Bel me op [telefoonnummer], ik ben [naam] van [school], *** zeg"
    )
    spoken = TopicFactory(board=board, title="Mijn telefoonnummer geef ik nooit")
    PostFactory(topic=spoken, is_opening=True, body="Dat houd ik voor mezelf.")

    html = _search(client, "telefoonnummer")

    assert spoken.get_absolute_url() in html
    assert removed.get_absolute_url() not in html
    for q in ["[naam]", "naam", "school", "[school]", "***"]:
        assert removed.get_absolute_url() not in _search(client, q), q


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def elasticsearch_down(settings):
    """Elasticsearch configured at a port where nothing listens, the database backend beside it."""
    import cms.search

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            "URLS": [f"http://127.0.0.1:{_closed_port()}"],
            "INDEX": "praatplein-test",
            "TIMEOUT": 2,
            "OPTIONS": {"max_retries": 0},
        },
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }
    yield
    cms.search._elasticsearch_down_until = 0.0


def test_search_answers_from_the_database_when_elasticsearch_does_not(client, board, elasticsearch_down):
    topic = TopicFactory(board=board, title="In de pauze")
    PostFactory(topic=topic, is_opening=True, body="Pesten: ze pakken mijn tas af.")

    html = _search(client, "gepest")

    assert topic.get_absolute_url() in html
    assert "<mark>Pesten</mark>" in html
    health = client.get("/healthz").json()
    assert health["status"] == "ok"
    assert health["search"] == "database (Elasticsearch unreachable: ConnectionError)"
