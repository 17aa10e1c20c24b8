"""Members' forum pages: a fixed number of queries however much there is, and what is theirs at once.

What every reader sees alike comes from the cache (forum.fragments); what is a member's own (their held
posts, their "herkenbaar", their token) is read on every request, so these tests warm the cache first
and then change something, as a member does between two pages.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forum import services
from forum.models import Post, Status
from tests.forum.factories import BoardFactory, MemberFactory, PostFactory, TopicFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 8


def _grow(board, topic, member, *, posts: int) -> None:
    """More boards, topics, posts by others, and the member's own held posts and reactions."""
    BoardFactory()
    now = timezone.now()
    for number in range(posts):
        other = PostFactory(
            topic=topic, author=MemberFactory(), created_at=now - dt.timedelta(minutes=posts - number)
        )
        TopicFactory(board=board, last_activity_at=now - dt.timedelta(hours=number))
        if number % 3 == 0:
            services.reaction_toggle(member=member, post=other)
    for status in (Status.PENDING, Status.QUEUED, Status.REJECTED):
        PostFactory(
            topic=topic, author=member, status=status, created_at=now - dt.timedelta(minutes=posts // 2)
        )


def _queries(client, django_assert_max_num_queries, url: str) -> int:
    client.get(url)  # the shared parts are in the cache now, as on a running site
    with django_assert_max_num_queries(MAX_QUERIES) as counted:
        response = client.get(url)
    assert response.status_code == 200
    return len(counted)


def _page_url(page: str, board, topic) -> str:
    return {
        "index": reverse("forum:index"),
        "board": reverse("forum:board", args=[board.slug]),
        "topic": topic.get_absolute_url(),
    }[page]


@pytest.mark.parametrize("page", ["index", "board", "topic"])
def test_a_members_forum_page_needs_the_same_few_queries_however_much_there_is(
    member_client, member, board, topic, django_assert_max_num_queries, page
):
    url = _page_url(page, board, topic)
    _grow(board, topic, member, posts=3)
    small = _queries(member_client, django_assert_max_num_queries, url)

    _grow(board, topic, member, posts=60)
    large = _queries(member_client, django_assert_max_num_queries, url)

    assert large == small


def test_a_full_topic_page_of_a_member_shows_fifty_posts_their_held_ones_and_their_reactions(
    member_client, member, board, topic, django_assert_max_num_queries
):
    _grow(board, topic, member, posts=60)

    _queries(member_client, django_assert_max_num_queries, topic.get_absolute_url())
    page = member_client.get(topic.get_absolute_url()).content.decode()

    assert page.count('class="post-meta"') >= 50
    assert "Je bericht wordt gecontroleerd. Alleen jij ziet het nu." in page
    assert "Dit bericht is niet geplaatst. Alleen jij ziet het." in page
    assert 'aria-pressed="true"' in page
    assert "\x00" not in page


def test_a_member_sees_their_reply_being_checked_right_after_sending_it(member_client, member, topic):
    member_client.get(topic.get_absolute_url())  # the topic's posts are in the cache now

    response = member_client.post(topic.get_absolute_url(), {"text": "Ik maak altijd een planning per week."})
    page = member_client.get(response["Location"]).content.decode()

    held = Post.objects.get(author=member)
    assert held.status == Status.PENDING
    assert f'id="bericht-{held.pk}"' in page
    assert "Je bericht wordt gecontroleerd. Alleen jij ziet het nu." in page
    assert "js/pending.js" in page
    # Only they see it: not another member, nor a visitor.
    other = Client()
    other.force_login(MemberFactory())
    assert f'id="bericht-{held.pk}"' not in other.get(topic.get_absolute_url()).content.decode()
    assert f'id="bericht-{held.pk}"' not in Client().get(topic.get_absolute_url()).content.decode()


def _herkenbaar_button(page: str, post: Post) -> str:
    entry = page[page.index(f'id="bericht-{post.pk}"') :]
    return re.search(r"<button[^>]*aria-pressed=\"(\w+)\"[^>]*>[^<]*\((\d+)\)", entry).group(0)


def test_a_member_sees_their_herkenbaar_pressed_right_after_pressing_it(member_client, topic):
    opening = topic.posts.get(is_opening=True)
    before = member_client.get(topic.get_absolute_url()).content.decode()
    assert 'aria-pressed="false"' in _herkenbaar_button(before, opening)

    member_client.post(reverse("forum:post_recognise", args=[opening.pk]))

    after = member_client.get(topic.get_absolute_url()).content.decode()
    assert 'aria-pressed="true"' in _herkenbaar_button(after, opening)
    assert "(1)" in _herkenbaar_button(after, opening)
    # Another member sees the new count, but not pressed for them.
    other = Client()
    other.force_login(MemberFactory())
    theirs = _herkenbaar_button(other.get(topic.get_absolute_url()).content.decode(), opening)
    assert 'aria-pressed="false"' in theirs and "(1)" in theirs


def test_the_writer_of_a_post_gets_its_count_and_others_its_buttons_from_the_same_cached_page(
    member_client, other_member, topic
):
    opening = topic.posts.get(is_opening=True)
    readers_page = member_client.get(topic.get_absolute_url()).content.decode()  # now in the cache
    writer = Client()
    writer.force_login(other_member)

    writers_page = writer.get(topic.get_absolute_url()).content.decode()

    assert reverse("forum:post_report", args=[opening.pk]) in readers_page
    assert reverse("forum:post_report", args=[opening.pk]) not in writers_page
    assert "Herkenbaar: 0" in writers_page
    # Each with their own CSRF token in their forms.
    tokens = [
        set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))
        for page in (readers_page, writers_page)
    ]
    assert all(tokens) and not tokens[0] & tokens[1]


def _entries() -> int:
    return len(cache._cache)  # type: ignore[attr-defined] (the tests' local-memory cache)


@pytest.mark.parametrize("name", ["index", "topic", "search", "chat entry"])
def test_a_random_query_string_gets_the_cached_page_and_adds_no_cache_entry(
    topic, django_assert_max_num_queries, name
):
    url = {
        "index": reverse("forum:index"),
        "topic": topic.get_absolute_url(),
        "search": f"{reverse('cms:search')}?q=toetsen",
        "chat entry": reverse("chat:entry"),
    }[name]
    visitor = Client()
    first = visitor.get(url).content.decode()
    stored = _entries()

    # No query but, for search, today's count of the search (written at once in tests).
    with django_assert_max_num_queries(1 if name == "search" else 0):
        again = visitor.get(url + ("&" if "?" in url else "?") + "utm_source=x7f3q&_=1733212345")

    assert again.status_code == 200
    assert _entries() == stored
    assert re.sub(r'value="[^"]+"', "", again.content.decode()) == re.sub(r'value="[^"]+"', "", first)


def test_a_member_sees_their_held_reply_placed_once_a_moderator_publishes_it(member_client, member, topic):
    response = member_client.post(topic.get_absolute_url(), {"text": "Ik leer met een vriendin samen."})
    held = Post.objects.get(author=member)
    assert "Alleen jij ziet het nu." in member_client.get(response["Location"]).content.decode()

    services.post_publish(post=held, text="Ik leer met een vriendin samen.")

    page = member_client.get(topic.get_absolute_url()).content.decode()
    entry = page[page.index(f'id="bericht-{held.pk}"') :].split("</li>")[0]
    assert "Ik leer met een vriendin samen." in entry
    assert "Alleen jij ziet het nu." not in entry
    assert "Herkenbaar: 0" in entry  # their own post: the count, not the button
    assert "js/pending.js" not in page


def test_a_members_reported_reply_shows_to_them_as_waiting_once_it_is_hidden(member_client, member, topic):
    reply = PostFactory(topic=topic, author=member, body="Dit schreef ik eerder al.")
    assert "Herkenbaar: 0" in member_client.get(topic.get_absolute_url()).content.decode()

    services.post_hide(post=reply)

    page = member_client.get(topic.get_absolute_url()).content.decode()
    entry = page[page.index(f'id="bericht-{reply.pk}"') :].split("</li>")[0]
    assert "Je bericht wacht op een moderator. Alleen jij ziet het nu." in entry
    assert reply.body not in Client().get(topic.get_absolute_url()).content.decode()


def test_a_board_edited_by_an_editor_shows_its_new_description_to_members_at_once(member_client, board):
    member_client.get(reverse("forum:board", args=[board.slug]))  # the board is in the cache now

    board.description = "Alles over school, toetsen en huiswerk."
    board.save()

    assert board.description in member_client.get(reverse("forum:board", args=[board.slug])).content.decode()


def test_a_member_with_a_cry_for_help_waiting_sees_the_help_box_and_another_member_does_not(
    member_client, member, other_member, topic
):
    member_client.get(topic.get_absolute_url())  # the page members share is in the cache now
    PostFactory(topic=topic, author=member, status=Status.URGENT, body="Ik wil er niet meer zijn.")

    page = member_client.get(topic.get_absolute_url()).content.decode()
    other = Client()
    other.force_login(MemberFactory())
    others_page = other.get(topic.get_absolute_url()).content.decode()

    box = page[page.index('class="help-box"') :].split("</section>")[0]
    assert "We willen graag met je praten" in box
    assert f"?onderwerp={topic.pk}" in box
    assert "We willen graag met je praten" not in others_page
    assert "Ik wil er niet meer zijn." not in others_page


def test_a_member_sees_the_thanks_for_their_report_on_a_topic_kept_for_all_members(member_client, topic):
    member_client.get(topic.get_absolute_url())  # the page members share is in the cache now
    post = topic.posts.get()

    response = member_client.post(
        reverse("forum:post_report", args=[post.pk]), {"reason": "hurtful"}, follow=True
    )

    assert "Bedankt voor je melding" in response.content.decode()
    assert "Bedankt voor je melding" not in member_client.get(topic.get_absolute_url()).content.decode()


SHARED_TEMPLATE = (
    '{% extends "base.html" %}{% block content %}'
    "<p>[{{ user.username }}][{{ request.user.username }}][{{ request.COOKIES }}]</p>{{ own }}"
    "<form method=post>{% csrf_token %}</form>{% endblock %}"
)


def test_a_page_all_members_share_is_rendered_for_nobody_in_particular(member, other_member, settings):
    """Whatever a template asks of the member it is rendered for, the page kept for every member holds
    nothing of them: only what is put in per request (`holes`) and their own token differ."""
    from django.test import RequestFactory

    from forum.fragments import member_page

    engine = {**settings.TEMPLATES[0], "APP_DIRS": False}
    engine["OPTIONS"] = {
        **engine["OPTIONS"],
        "loaders": [
            ("django.template.loaders.locmem.Loader", {"shared.html": SHARED_TEMPLATE}),
            "django.template.loaders.filesystem.Loader",
            "django.template.loaders.app_directories.Loader",
        ],
    }
    settings.TEMPLATES = [engine, *settings.TEMPLATES[1:]]
    pages = []
    for reader in (member, other_member):
        request = RequestFactory().get("/forum/", HTTP_COOKIE=f"sessionid=of-{reader.username}")
        request.user = reader
        response = member_page(
            request, "shared.html", dict, parts=("test",), holes={"own": f"<b>{reader.pk}</b>"}
        )
        pages.append(response.content.decode())

    for reader, page, other in ((member, pages[0], other_member), (other_member, pages[1], member)):
        assert "<p>[][][{}]</p>" in page
        assert f"<b>{reader.pk}</b>" in page and f"<b>{other.pk}</b>" not in page
        assert reader.username not in page and other.username not in page
        assert "Uitloggen" in page  # the menu of a member who is logged in
    tokens = [re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page) for page in pages]
    assert all(tokens) and not set(tokens[0]) & set(tokens[1])


@pytest.mark.parametrize("page", ["index", "board", "topic"])
def test_a_members_warm_forum_page_asks_the_cache_twice_their_session_and_the_rest_at_once(
    member_client, member, board, topic, page
):
    """Like the query counts: each request to the cache is a round trip to Redis in production."""
    from unittest import mock

    url = _page_url(page, board, topic)
    _grow(board, topic, member, posts=3)
    member_client.get(url)  # the shared parts are in the cache now
    cache_get, cache_get_many = cache.get, cache.get_many
    asked: list[object] = []
    inside = []  # the tests' local-memory cache answers get_many with a get per key: not counted

    def get(key, *args, **kwargs):
        if not inside:
            asked.append(key)
        return cache_get(key, *args, **kwargs)

    def get_many(keys, *args, **kwargs):
        asked.append(keys)
        inside.append(True)
        try:
            return cache_get_many(keys, *args, **kwargs)
        finally:
            inside.pop()

    with mock.patch.object(cache, "get", get), mock.patch.object(cache, "get_many", get_many):
        response = member_client.get(url)

    assert response.status_code == 200 and "Uitloggen" in response.content.decode()
    assert len(asked) == 2, asked
