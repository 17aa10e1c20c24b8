"""What readers notice of the stored board figures and of the cache: visitors get cached pages, members
the pages all members share (forum.fragments); both change at once."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from forum import services
from forum.models import Board, Post, RejectReason, Status
from tests.forum.factories import MemberFactory, PostFactory, TopicFactory

pytestmark = pytest.mark.django_db
READERS = ["visitor", "member"]


def _reader(kind: str) -> Client:
    """A visitor without a session, or another member logged in."""
    client = Client()
    if kind == "member":
        client.force_login(MemberFactory())
    return client


def _topic_count_on_index(html: str, board: Board) -> str:
    entry = html[html.index(f'href="{reverse("forum:board", args=[board.slug])}"') :]
    return re.search(r"(\d+) onderwerp", entry).group(1)


@pytest.mark.parametrize("reader", READERS)
def test_a_newly_published_topic_appears_on_the_forum_index_and_its_count_changes(
    member_client, board, submit, reader
):
    visitor = _reader(reader)
    before = visitor.get(reverse("forum:index")).content.decode()  # now in the cache
    assert _topic_count_on_index(before, board) == "0"

    submit(
        member_client,
        reverse("forum:topic_new", args=[board.slug]),
        {"title": "Spijbelen", "text": "Mijn vriend spijbelt elke week. Wat kan ik doen?"},
    )

    after = visitor.get(reverse("forum:index")).content.decode()
    assert _topic_count_on_index(after, board) == "1"
    assert "laatst actief" in after
    board_page = visitor.get(reverse("forum:board", args=[board.slug])).content.decode()
    assert "Spijbelen" in board_page


@pytest.mark.parametrize("reader", READERS)
def test_a_rejected_topic_leaves_the_index_count_board_and_search_at_once(board, topic, reader):
    visitor = _reader(reader)
    assert _topic_count_on_index(visitor.get(reverse("forum:index")).content.decode(), board) == "1"
    assert topic.title in visitor.get(reverse("forum:board", args=[board.slug])).content.decode()

    services.post_reject(post=topic.posts.get(is_opening=True), reason=RejectReason.HURTFUL)

    assert _topic_count_on_index(visitor.get(reverse("forum:index")).content.decode(), board) == "0"
    assert topic.title not in visitor.get(reverse("forum:board", args=[board.slug])).content.decode()
    assert visitor.get(topic.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("reader", READERS)
def test_a_hidden_reply_disappears_from_the_cached_topic_page_at_once(topic, reader):
    reply = PostFactory(topic=topic, body="Dit bericht wordt gemeld door drie leden.")
    visitor = _reader(reader)
    assert reply.body in visitor.get(topic.get_absolute_url()).content.decode()

    services.post_hide(post=reply)

    assert reply.body not in visitor.get(topic.get_absolute_url()).content.decode()


@pytest.mark.parametrize("reader", READERS)
def test_a_reply_published_by_screening_shows_on_the_cached_topic_page(member_client, topic, submit, reader):
    visitor = _reader(reader)
    visitor.get(topic.get_absolute_url())

    submit(member_client, topic.get_absolute_url(), {"text": "Ik leer altijd met kaartjes, dat helpt mij."})

    assert "kaartjes" in visitor.get(topic.get_absolute_url()).content.decode()


def test_herkenbaar_counts_on_the_cached_page_follow_the_reactions(member_client, member, topic):
    opening = topic.posts.get(is_opening=True)
    visitor = Client()
    assert "Herkenbaar: 0" in visitor.get(topic.get_absolute_url()).content.decode()

    services.reaction_toggle(member=member, post=opening)

    assert "Herkenbaar: 1" in visitor.get(topic.get_absolute_url()).content.decode()


def test_a_member_never_gets_a_visitors_page_nor_leaves_theirs_in_the_cache(member_client, member, topic):
    visitor = Client()
    visitor.get(topic.get_absolute_url())

    members_page = member_client.get(topic.get_absolute_url()).content.decode()
    visitors_page = visitor.get(topic.get_absolute_url()).content.decode()

    assert "Uitloggen" in members_page and "Herkenbaar (" in members_page
    assert "Uitloggen" not in visitors_page and member.username not in visitors_page


def test_cached_pages_carry_each_visitors_own_csrf_token(topic):
    first, second = Client(), Client()
    first_page = first.get(topic.get_absolute_url())
    second_page = second.get(topic.get_absolute_url())  # from the cache

    tokens = [
        set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()))
        for page in (first_page, second_page)
    ]
    assert all(tokens) and not tokens[0] & tokens[1]
    assert first_page.cookies["csrftoken"].value != second_page.cookies["csrftoken"].value
    assert "\x00" not in second_page.content.decode()
    # The language switch on a cached page still works with the visitor's own token.
    second.cookies["csrftoken"] = second_page.cookies["csrftoken"].value
    enforcing = Client(enforce_csrf_checks=True)
    enforcing.cookies = second.cookies
    response = enforcing.post(
        "/i18n/setlang/", {"language": "en", "csrfmiddlewaretoken": next(iter(tokens[1]))}
    )
    assert response.status_code in (204, 302)


def test_stored_board_figures_match_a_recount(board, topic):
    TopicFactory(board=board, status=Status.QUEUED)
    Board.objects.filter(pk=board.pk).update(topic_count=99, last_activity_at=None)

    services.boards_recount()

    board.refresh_from_db()
    assert board.topic_count == 1
    assert board.last_activity_at == topic.last_activity_at
    assert Post.objects.filter(topic__board=board).exists()


@pytest.mark.parametrize("reader", READERS)
def test_posts_read_as_a_moderator_hides_one_are_not_kept_as_the_current_page(topic, reader, monkeypatch):
    """A page that read the posts just before a moderator hid one is not kept as current: the hidden
    post does not come back for the next reader. A HEAD request, or a reply sent back with an error,
    reads the posts as a page rendered anew does."""
    from forum import selectors

    reply = PostFactory(topic=topic, body="Mijn echte naam is Noor van Dam, ik zit op het Da Vinci.")
    read_posts = selectors.topic_public_posts

    def read_then_hidden(**kwargs):
        found = read_posts(**kwargs)
        services.post_hide(post=reply)  # committed while the page is being made
        return found

    monkeypatch.setattr(selectors, "topic_public_posts", read_then_hidden)
    if reader == "visitor":
        Client().head(topic.get_absolute_url())
    else:
        writer = _reader("member")
        assert writer.post(topic.get_absolute_url(), {"text": ""}).status_code == 400
    monkeypatch.setattr(selectors, "topic_public_posts", read_posts)

    for next_reader in READERS:
        assert reply.body not in _reader(next_reader).get(topic.get_absolute_url()).content.decode()
