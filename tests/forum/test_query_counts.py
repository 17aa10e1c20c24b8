"""The busiest pages cost a fixed, small number of SQL queries, however many topics and posts there are.

Each page is requested once before it is counted, so that what is cached between requests (the
help settings, Wagtail's site) is cached, as it is on a running site. Speed itself is measured by
`make bench-web`, never asserted here.
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
    # Wagtail's routing (site, page, aliases, view restrictions) and one view-restriction check per
    # `.public()` listing the page shows take the home page above MAX_QUERIES (see README, "Benchmarks").
    client.get("/")
    with django_assert_max_num_queries(HOME_MAX_QUERIES):
        response = client.get("/")

    page = response.content.decode()
    assert board.name in page
    assert all(title in page for title in information_pages)


def test_chat_entry_needs_few_queries(client, django_assert_max_num_queries, busy_forum):
    _count(client, django_assert_max_num_queries, reverse("chat:entry"))


def test_chat_entry_from_a_topic_needs_few_queries(client, django_assert_max_num_queries, busy_forum):
    _count(client, django_assert_max_num_queries, f"{reverse('chat:entry')}?onderwerp={busy_forum.pk}")
