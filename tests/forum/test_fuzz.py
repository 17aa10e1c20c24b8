"""Fuzzing the post forms through the real views (Django's test client, screening run eagerly on
commit as in test settings) with generated hostile input.

Whatever is typed: no server error (a redirect to the topic, or the form back with a Dutch
error), nothing the member typed is rendered as HTML, and no structured personal data is in
the published text. Each example runs in a savepoint that is rolled back, so the forum stays
as small as it started. The number of examples comes from FUZZ_FORM_EXAMPLES (see
tests/fuzzing.py); `make fuzz` runs 5,000 per test.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils.html import escape
from hypothesis import event, given
from hypothesis import strategies as st

from forum.models import Post, Topic
from tests.fuzzing import ANY_TEXT, FRAGMENT, as_read, fuzz_settings, huge_texts, texts_with_personal_data

pytestmark = pytest.mark.django_db

# Words of which a Dutch error message has at least one (every message the forms give does).
DUTCH_WORDS = {"je", "het", "de", "niet", "een", "is", "mag", "zijn", "kan", "tekens", "nog", "bent", "dit"}


class ActiveHTML(HTMLParser):
    """Collects what in a page could run: script elements and on* event attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str | None] = []
        self.handlers: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs).get("src"))
        self.handlers += [(tag, name) for name, _value in attrs if name.startswith("on")]


def assert_nothing_typed_runs(page: str) -> None:
    parser = ActiveHTML()
    parser.feed(page)
    assert all(src and src.startswith("/static/") for src in parser.scripts), parser.scripts
    assert parser.handlers == []


def assert_refused_in_dutch(response) -> None:
    assert response.status_code in (200, 400, 429), response.status_code
    form = response.context["form"]
    codes = sorted({e.code or "?" for errors in form.errors.as_data().values() for e in errors})
    event(f"refused ({response.status_code}: {', '.join(codes)})")
    messages = [m for errors in form.errors.values() for m in errors]
    assert messages, "the form came back without saying why"
    for message in messages:
        assert DUTCH_WORDS & set(message.lower().replace(".", " ").replace(",", " ").split()), message


@pytest.fixture
def in_savepoint(django_capture_on_commit_callbacks):
    """Run one example's requests with screening on commit, then roll everything back (the cache too:
    the next example's rows get the same ids, which the cache must not know from this one)."""
    from django.core.cache import cache

    def run(body):
        with transaction.atomic():
            try:
                return body(django_capture_on_commit_callbacks)
            finally:
                transaction.set_rollback(True)
                cache.clear()

    return run


REPLY_TEXT = st.one_of(ANY_TEXT, texts_with_personal_data(), huge_texts(max_size=7_000))


@fuzz_settings("form")
@given(REPLY_TEXT)
def test_any_reply_is_published_escaped_and_without_personal_data_or_refused_in_dutch(
    member_client, member, topic, in_savepoint, case
):
    text, value = case if isinstance(case, tuple) else (case, None)

    def body(on_commit):
        with on_commit(execute=True):
            response = member_client.post(topic.get_absolute_url(), {"text": text})
        if response.status_code != 302:
            assert_refused_in_dutch(response)
            assert not Post.objects.filter(author=member).exists()
            return
        page = member_client.get(response["Location"])
        assert page.status_code == 200
        html = page.content.decode()
        post = Post.objects.get(author=member)
        event(f"posted ({post.status})")
        assert escape(post.body) in html
        assert_nothing_typed_runs(html)
        if value is not None:
            assert value not in as_read(post.body)
            assert value not in as_read(html)

    in_savepoint(body)


TITLE = st.one_of(FRAGMENT, texts_with_personal_data().map(lambda pair: pair[0]), st.just(""))


@fuzz_settings("form")
@given(TITLE, st.one_of(ANY_TEXT, huge_texts(max_size=7_000)))
def test_any_new_topic_is_shown_escaped_or_refused_in_dutch(
    member_client, member, board, in_savepoint, title, text
):
    def body(on_commit):
        with on_commit(execute=True):
            response = member_client.post(
                reverse("forum:topic_new", args=[board.slug]), {"title": title, "text": text}
            )
        if response.status_code != 302:
            assert_refused_in_dutch(response)
            assert not Topic.objects.filter(author=member).exists()
            return
        page = member_client.get(response["Location"])
        assert page.status_code == 200
        html = page.content.decode()
        topic = Topic.objects.get(author=member)
        event(f"topic started ({topic.status})")
        if topic.title:
            assert escape(topic.title) in html
        assert escape(Post.objects.get(topic=topic).body) in html
        assert_nothing_typed_runs(html)

    in_savepoint(body)
