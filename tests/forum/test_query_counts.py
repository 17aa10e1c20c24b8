"""The busiest pages cost a fixed, small number of SQL queries, however many topics and posts there are.

Each page is requested once before it is counted, so that what is cached between requests (the
help settings, Wagtail's site) is cached, as it is on a running site. Pages are counted for a member
(never served from the page cache) and for a visitor (from the page cache: no query at all), and on
the first visitor's request, which renders them. Speed itself is measured by `make bench-web`, never
asserted here.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.forum.factories import BoardFactory, MemberFactory, PostFactory, TopicFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 8
HOME_MAX_QUERIES = 11
SEARCH_ANEW_MAX_QUERIES = 9


@pytest.fixture
def busy_forum(board):
    """30 topics on one board and a topic of 60 posts by as many members, besides a second board."""
    BoardFactory(name="Thuis", slug="thuis")
    now = timezone.now()
    for number in range(30):
        topic = TopicFactory(board=board, last_activity_at=now - dt.timedelta(hours=number))
        PostFactory(topic=topic, author=topic.author, is_opening=True)
    long_topic = TopicFactory(board=board, title="Het grote kletstopic", reply_count=59)
    for number in range(60):
        PostFactory(
            topic=long_topic,
            author=MemberFactory(),
            is_opening=number == 0,
            created_at=now - dt.timedelta(minutes=60 - number),
        )
    return long_topic


def _count(client, django_assert_max_num_queries, url: str) -> str:
    client.get(url)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _count_first_visit(django_assert_max_num_queries, url: str, limit: int = MAX_QUERIES) -> str:
    """The queries of a visitor's request that finds nothing in the page cache and renders the page."""
    from django.test import Client

    from config.page_cache import page_cache_bump

    Client().get(url)  # fills the caches other than the page cache (help settings, Wagtail's site)
    page_cache_bump(forum=True, pages=True)  # what that request put in the page cache is stale now
    with django_assert_max_num_queries(limit):
        response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("name", ["index", "board", "topic", "topic page 2"])
def test_a_visitors_first_request_of_a_forum_page_needs_few_queries(
    django_assert_max_num_queries, busy_forum, board, name
):
    url = {
        "index": reverse("forum:index"),
        "board": reverse("forum:board", args=[board.slug]),
        "topic": busy_forum.get_absolute_url(),
        "topic page 2": busy_forum.get_absolute_url(),
    }[name]
    if name == "topic page 2":
        from django.test import Client

        cursor = Client().get(url).content.decode().split('href="?na=')[1].split('"')[0]
        url = f"{url}?na={cursor}"
    _count_first_visit(django_assert_max_num_queries, url)


def test_forum_pages_for_visitors_come_from_the_cache_without_queries(
    client, django_assert_num_queries, busy_forum, board
):
    for url in [
        reverse("forum:index"),
        reverse("forum:board", args=[board.slug]),
        busy_forum.get_absolute_url(),
    ]:
        client.get(url)
        with django_assert_num_queries(0):
            assert client.get(url).status_code == 200


def test_board_topic_list_of_a_member_needs_few_queries(
    client, member, django_assert_max_num_queries, busy_forum, board
):
    client.force_login(member)

    _count(client, django_assert_max_num_queries, reverse("forum:board", args=[board.slug]))


def test_search_needs_few_queries_whatever_the_number_of_posts(
    client, django_assert_max_num_queries, busy_forum, information_pages
):
    from config.page_cache import page_cache_bump

    client.get("/zoeken/", {"q": "herkenbaar"})  # the layout's caches; today's hit for these words
    with django_assert_max_num_queries(MAX_QUERIES):  # found before: today's hit and the promotions
        again = client.get("/zoeken/", {"q": "herkenbaar"})
    page_cache_bump(forum=True, pages=True)
    # Searched anew (the forum or the pages changed): besides those 2, information pages (at most 4)
    # and the forum (topics, posts, opening posts of title-only matches).
    with django_assert_max_num_queries(SEARCH_ANEW_MAX_QUERIES):
        anew = client.get("/zoeken/", {"q": "herkenbaar"})

    assert again.status_code == anew.status_code == 200
    assert (
        anew.content.decode().count('class="result"') == again.content.decode().count('class="result"') == 10
    )


def test_board_topic_list_needs_few_queries(client, django_assert_max_num_queries, busy_forum, board):
    page = _count(client, django_assert_max_num_queries, reverse("forum:board", args=[board.slug]))

    assert page.count('class="muted"') >= 25  # a full page of topics, each with its author


def test_topic_with_50_posts_needs_few_queries(client, django_assert_max_num_queries, busy_forum):
    page = _count(client, django_assert_max_num_queries, busy_forum.get_absolute_url())

    assert page.count('class="post-meta"') == 50
    assert "?na=" in page


def test_topic_page_of_a_member_needs_few_queries(client, member, django_assert_max_num_queries, busy_forum):
    client.force_login(member)

    page = _count(client, django_assert_max_num_queries, busy_forum.get_absolute_url())

    assert page.count("Herkenbaar") >= 50


def test_forum_index_needs_few_queries(client, django_assert_max_num_queries, busy_forum, board):
    page = _count(client, django_assert_max_num_queries, reverse("forum:index"))

    assert board.name in page


@pytest.fixture
def information_pages(db) -> list[str]:
    """An information overview with three published pages under the home page."""
    from cms.models import HomePage, TopicIndexPage, TopicPage
    from tests.cms.conftest import publish_child

    overview = publish_child(HomePage.objects.get(), TopicIndexPage(title="Informatie", slug="informatie"))
    return [
        publish_child(
            overview, TopicPage(title=title, slug=title.lower(), intro=f"Over {title.lower()}.")
        ).title
        for title in ("Pesten", "Thuis", "Rouw")
    ]


def test_home_page_needs_few_queries(
    client, django_assert_max_num_queries, busy_forum, board, information_pages
):
    # Visitors get it from the page cache.
    client.get("/")
    with django_assert_max_num_queries(0):
        response = client.get("/")

    page = response.content.decode()
    assert board.name in page
    assert all(title in page for title in information_pages)


def test_home_page_rendered_anew_needs_a_fixed_number_of_queries(
    django_assert_max_num_queries, busy_forum, information_pages
):
    # Rendered (the first visitor after a change): Wagtail's routing (site, page, aliases, view
    # restrictions) and one view-restriction check per `.public()` listing take it above MAX_QUERIES.
    _count_first_visit(django_assert_max_num_queries, "/", limit=HOME_MAX_QUERIES)


def test_chat_entry_needs_few_queries(client, django_assert_max_num_queries, busy_forum):
    _count(client, django_assert_max_num_queries, reverse("chat:entry"))


def test_chat_entry_from_a_topic_needs_few_queries(client, django_assert_max_num_queries, busy_forum):
    _count(client, django_assert_max_num_queries, f"{reverse('chat:entry')}?onderwerp={busy_forum.pk}")
