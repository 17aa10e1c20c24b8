"""The parts of forum pages that every reader sees alike, rendered once and kept in the cache.

Members never get a page from the page cache (config.page_cache): theirs carries their own menu,
their own held posts and reactions. What the forum index, a board and a topic show to everyone is
the same for them as for a visitor, though, and rendering it is what costs (55 boards with relative
times, fifty posts). So that part is rendered once, kept under the forum's version (and, for a board,
the pages' version: information pages link to boards), the language and the page, and put into each
member's page with what is theirs alone, which is asked for on every request (in a query each, so
that a member sees their own post or reaction at once after the change):

- on a topic, a published post has its actions in two forms in the cached HTML: "herkenbaar" and
  "melden" for a member reading someone else's post, the bare count for its writer and for visitors;
  `topic_entries` keeps one of the two, with the member's "herkenbaar" pressed or not;
- the member's own held posts (being checked, waiting, not placed) are rendered for them and put in
  their place among the others.

What is a member's own (their held posts in a topic and their "herkenbaar" there) is kept per member
and topic under the member's own version, which changes whenever a post of theirs is saved or deleted
and whenever they give or take back a reaction (`member_version_bump`, connected to the models'
signals in forum.apps, so that no path that changes a post's status can forget it): a member sees their
own post or reaction at once after the change.

The whole page a member gets (`member_page`: the forum index, a board, a topic) is kept the same way,
rendered once for all members: for a stand-in member who is nobody in particular (logged in, no name,
no session, no messages), with a marker for each of the member's own parts (their posts list, help box,
script) and for their CSRF token, which are put in on every request. A page with messages to show, or a
form sent back, is rendered as usual.

A fragment expires after settings.ANONYMOUS_CACHE_SECONDS, as cached pages do, which keeps relative
times honest; a change on the forum makes it stale at once (a new version).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import cycle
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from config.page_cache import VERSION_KEYS, page_cache_versions
from config.read_ahead import read, read_ahead
from forum import selectors
from forum.auth import account_keys
from forum.forms import ReplyForm
from forum.models import Board, Member, Post, Status, Topic

T = TypeVar("T")
KEY_PREFIX = "forum:fragment:v2"  # v2: an entry carries the versions it was made under
MEMBER_PREFIX = "forum:member:v1"
MEMBER_SECONDS = 10 * 60
# Markers in the cached HTML of a post, replaced for each reader (never shown: NUL is not HTML text).
MEMBER = "\x00member\x00"  # the actions of a member who reads someone else's post start here
READER = "\x00reader\x00"  # the count its writer and visitors see starts here
END = "\x00end\x00"
PRESSED = "\x00pressed\x00"  # aria-pressed of the member's "herkenbaar"
CSRF = "\x00csrf\x00"  # the member's own CSRF token goes here
# Plain strings: autoescaping leaves NUL as it is.
MARKS = {"member": MEMBER, "reader": READER, "end": END, "pressed": PRESSED}
SEPARATOR = "\x00post\x00"
# A kept member page is stored as its text split at these: a member's own part, and their CSRF token.
_PIECES = re.compile("\x00(csrf|hole:[a-z_]+)\x00")
INDEX_TEMPLATE = "forum/index.html"
BOARD_TEMPLATE = "forum/board.html"
TOPIC_TEMPLATE = "forum/topic.html"


# The versions this request read with its entries (`lookups`): entries are kept under keys without the
# versions, with the versions in the value, so that the versions and a page's entries (and the member's
# account, forum.auth) cost one `get_many` (config.read_ahead).
_versions_read: ContextVar[list[str] | None] = ContextVar("forum_fragment_versions", default=None)


def _versions() -> list[str]:
    return _versions_read.get() or page_cache_versions()


@contextmanager
def _prefetched(keys: list[str], *, member_id: int | None) -> Iterator[None]:
    """Within it, the versions, the cache entries `keys` and the account of the session's member are read
    in one `get_many` instead of one request each."""
    account = list(account_keys(member_id)) if member_id is not None else []
    with read_ahead([*VERSION_KEYS, *keys, *account]) as found:
        token = _versions_read.set(page_cache_versions(found))
        try:
            yield
        finally:
            _versions_read.reset(token)


def session_member_id(request: HttpRequest) -> int | None:
    """The id of the member the request's session names, unchecked (request.user checks it), or None: the
    `member_id` of the lookups below, whose account is read with the page's entries."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    try:
        return int(request.session.get(SESSION_KEY, ""))
    except ValueError:
        return None


def index_lookups(*, member_id: int | None) -> AbstractContextManager[None]:
    """The forum index's entries, read at once: the page members share."""
    return _prefetched([_page_key(INDEX_TEMPLATE)] if member_id is not None else [], member_id=member_id)


def board_lookups(
    *, board_slug: str, member_id: int | None, after: selectors.Cursor | None
) -> AbstractContextManager[None]:
    """A board page's entries, read at once: its row and the page members share."""
    keys = [_board_row_key(board_slug)]
    if member_id is not None:
        keys.append(_page_key(BOARD_TEMPLATE, board_slug, after and after.encode()))
    return _prefetched(keys, member_id=member_id)


def lookups(
    *, topic_id: int, board_slug: str, member_id: int | None, after: selectors.Cursor | None
) -> AbstractContextManager[None]:
    """A topic page's entries, read at once: its row, its posts, and for a member the page members share,
    what is theirs in the topic and the reply form."""
    cursor = after and after.encode()
    keys = [_topic_row_key(topic_id, board_slug), _fragment_key("topic", topic_id, cursor)]
    if member_id is not None:
        language = translation.get_language() or ""
        keys += [*_member_keys(member_id=member_id, topic_id=topic_id, language=language)]
        keys += [_reply_form_key(language), _page_key(TOPIC_TEMPLATE, topic_id, cursor)]
    return _prefetched(keys, member_id=member_id)


def _fragment_key(name: str, *parts: object) -> str:
    key_parts = [translation.get_language() or "", timezone.localdate().isoformat(), name]
    key_parts += [str(part) for part in parts]
    return f"{KEY_PREFIX}:{hashlib.sha256('|'.join(key_parts).encode()).hexdigest()}"


def _board_row_key(slug: str) -> str:
    return f"{KEY_PREFIX}:board-row:{hashlib.sha256(slug.encode()).hexdigest()}"


def _page_key(template_name: str, *parts: object) -> str:
    return _fragment_key("page", template_name, *parts)


def _topic_row_key(topic_id: int, board_slug: str) -> str:
    return f"{KEY_PREFIX}:topic-row:{topic_id}:{hashlib.sha256(board_slug.encode()).hexdigest()}"


def _reply_form_key(language: str) -> str:
    return f"{KEY_PREFIX}:reply-form:{language}"


def _kept(
    key: str,
    make: Callable[[], T],
    *,
    pages: bool = False,
    keep: Callable[[T], bool] = lambda value: True,
    usable: Callable[[T], bool] = lambda value: True,
) -> T:
    """What is kept under `key`, when it was made under the current forum version (and pages version) and
    is `usable`; else `make()`, kept (when `keep` says so) for ANONYMOUS_CACHE_SECONDS with the versions
    read before it ran: a change committed while it ran makes it stale at once, as a newer entry replaces
    it."""
    versions = _versions()
    found = read(key)
    if found is not None:
        forum_version, pages_version, value = found
        if forum_version == versions[0] and (not pages or pages_version == versions[1]) and usable(value):
            return value
    value = make()
    if keep(value):
        cache.set(key, (*versions, value), settings.ANONYMOUS_CACHE_SECONDS)
    return value


def _cached(name: str, *parts: object, render: Callable[[], T], pages: bool = False) -> T:
    """`render()`, kept under the forum's version (and the pages' one), the language, today and `parts`."""
    return _kept(_fragment_key(name, *parts), render, pages=pages)


def boards_html() -> SafeString:
    """The forum index's list of boards with their figures."""
    html = _cached(
        "boards",
        render=lambda: render_to_string("forum/_boards.html", {"boards": selectors.boards_overview()}),
    )
    return mark_safe(html)  # noqa: S308 (rendered by our own template)


def board_html(*, board: Board, after: selectors.Cursor | None) -> SafeString:
    """A board's description, its information pages and one page of its topics, with the pager."""

    def render() -> str:
        topics, next_cursor = selectors.board_topics(
            board=board, after=after, limit=settings.FORUM_TOPICS_PER_PAGE
        )
        return render_to_string(
            "forum/_board_topics.html",
            {"board": board, "topics": topics, "next_cursor": next_cursor.encode() if next_cursor else None},
        )

    return mark_safe(_cached("board", board.pk, after and after.encode(), render=render, pages=True))  # noqa: S308


def board_by_slug(slug: str) -> Board | None:
    """The board, kept under the forum's version (an edit of a board makes a new one); None when there
    is no such board (not kept: any slug may be asked)."""
    return _kept(
        _board_row_key(slug),
        lambda: Board.objects.filter(slug=slug).first(),
        keep=lambda board: board is not None,
    )


def topic_with_board(*, topic_id: int, board_slug: str, kept: bool = True) -> Topic | None:
    """The topic with its board; a published one is kept under the forum's version (what it shows
    changes only with it) unless `kept` is False (to write with). A topic only its writer sees is read
    anew each time; None when there is no such topic on that board (not kept: any number may be asked)."""

    def read() -> Topic | None:
        return Topic.objects.select_related("board").filter(pk=topic_id, board__slug=board_slug).first()

    if not kept:
        return read()
    return _kept(
        _topic_row_key(topic_id, board_slug),
        read,
        keep=lambda topic: topic is not None and topic.status == Status.PUBLISHED,
    )


def reply_form_html() -> SafeString:
    """The empty reply form, as `{{ form }}` renders it (the same for every member, in each language)."""
    key = _reply_form_key(translation.get_language() or "")
    html = read(key)
    if html is None:
        html = str(ReplyForm())
        cache.set(key, html, settings.ANONYMOUS_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 (Django's form rendering)


# A post as kept for everyone, split once where the reader's parts go, as plain tuples (quick to unpickle):
# (at, id, author_id, head, member, reader_part, tail). `head + member[0] + "true" or "false" + member[1]
# + tail` is the post with the actions of a member reading someone else's post, their "herkenbaar" pressed
# or not; `head + reader_part + tail` the count its writer and visitors see. Without actions (member None)
# the whole post is in `head`.
_Entry = tuple[float, int, int | None, str, tuple[str, str] | None, str, str]


def _entry(post: Post, html: str) -> _Entry:
    head, found, rest = html.partition(MEMBER)
    if not found:
        return (post.created_at.timestamp(), post.pk, post.author_id, html, None, "", "")
    member_part, _, rest = rest.partition(READER)
    reader_part, _, tail = rest.partition(END)
    before, _, after = member_part.partition(PRESSED)
    return (post.created_at.timestamp(), post.pk, post.author_id, head, (before, after), reader_part, tail)


@dataclass
class TopicPage:
    """One page of a topic as one reader sees it."""

    posts_html: SafeString  # the <li> of every post on the page, in order
    next_cursor: str | None
    own_held: list[Post]  # those on this page


def _render_posts(posts: list[Post], **context: object) -> list[str]:
    """Each post's <li>, as forum/_post.html renders it, with the markers for the reader's parts."""
    context.update(posts=posts, marks=MARKS, csrf_token=CSRF, separator=SEPARATOR)
    html = render_to_string("forum/_posts.html", context)
    return html.split(SEPARATOR)[1:]


def _public_page(*, topic: Topic, after: selectors.Cursor | None) -> tuple[list[_Entry], str | None]:
    def render() -> tuple[list[_Entry], str | None]:
        posts, next_cursor = selectors.topic_public_posts(
            topic=topic, after=after, limit=settings.FORUM_POSTS_PER_PAGE
        )
        entries = [_entry(post, html) for post, html in zip(posts, _render_posts(posts), strict=True)]
        return entries, next_cursor.encode() if next_cursor else None

    return _cached("topic", topic.pk, after and after.encode(), render=render)


def _member_version_key(member_id: int) -> str:
    return f"{MEMBER_PREFIX}:{member_id}:version"


def _member_keys(*, member_id: int, topic_id: int, language: str) -> tuple[str, str]:
    """The keys of the member's version and of what is theirs in the topic."""
    return _member_version_key(member_id), f"{MEMBER_PREFIX}:{member_id}:topic:{topic_id}:{language}"


def member_version_bump(*, member_id: int) -> None:
    """Make what is kept of this member's own posts and reactions stale: now, and again after the commit
    (in between, another request could read the old rows and keep them under the new version)."""
    key = _member_version_key(member_id)
    cache.set(key, secrets.token_hex(8), None)
    transaction.on_commit(lambda: cache.set(key, secrets.token_hex(8), None))


@dataclass
class _MemberTopic:
    """What is a member's own in one topic, as kept in the cache."""

    version: str
    held: list[Post]  # oldest first
    held_html: list[str]  # their <li>, in the same order
    recognised: set[int]


def _member_topic(*, topic: Topic, viewer: Member) -> _MemberTopic:
    """The viewer's held posts in the topic and the posts there they said "herkenbaar" to: one cache
    request when kept under the member's current version, else two queries."""
    version_key, state_key = _member_keys(
        member_id=viewer.pk, topic_id=topic.pk, language=translation.get_language() or ""
    )
    version = read(version_key)
    state: _MemberTopic | None = read(state_key)
    if version is None:
        version = secrets.token_hex(8)
        if not cache.add(version_key, version, None):
            version = cache.get(version_key, version)
    if state is None or state.version != version:
        held = selectors.topic_own_held_posts(topic=topic, viewer=viewer)
        state = _MemberTopic(
            version=version,
            held=held,
            held_html=_render_posts(held, forum_rules_url=settings.FORUM_RULES_URL) if held else [],
            recognised=selectors.recognised_in_topic(member=viewer, topic=topic),
        )
        for post in state.held:
            post.author = None  # kept without the member; put back below
        cache.set(state_key, state, MEMBER_SECONDS)
    for post in state.held:
        post.author = viewer
    return state


def topic_page(
    *, topic: Topic, viewer: Member | None, after: selectors.Cursor | None, csrf_token: str
) -> TopicPage:
    """One page of a topic for `viewer` (None: a visitor): the posts everyone sees, from the cache, with the
    viewer's own held posts between them where they were written, and the viewer's "herkenbaar" marked.

    A page holds settings.FORUM_POSTS_PER_PAGE posts that everyone sees; the viewer's own held posts
    written after the previous page's last of those and up to this page's last come on top.
    """
    public, next_cursor = _public_page(topic=topic, after=after)
    own_held: list[Post] = []
    own_parts: list[tuple[tuple[float, int], str]] = []  # (sort key, <li>) of the viewer's held posts
    recognised: set[int] = set()
    if viewer is not None:
        end = selectors.Cursor.decode(next_cursor)
        own = _member_topic(topic=topic, viewer=viewer)
        on_page = [
            (post, html)
            for post, html in zip(own.held, own.held_html, strict=True)
            if (after is None or (post.created_at, post.pk) > (after.at, after.id))
            and (end is None or (post.created_at, post.pk) <= (end.at, end.id))
        ]
        own_held = [post for post, _html in on_page]
        own_parts = [((post.created_at.timestamp(), post.pk), html) for post, html in on_page]
        recognised = own.recognised
    viewer_id = viewer.pk if viewer is not None else None
    pieces: list[str] = []
    own_left = iter(own_parts)
    own_next = next(own_left, None)
    for at, post_id, author_id, head, member, reader_part, tail in public:
        while own_next is not None and own_next[0] < (at, post_id):
            pieces.append(own_next[1])
            own_next = next(own_left, None)
        pieces.append(head)
        if member is None or viewer_id is None or author_id == viewer_id:
            pieces += (reader_part, tail)
        else:
            pieces += (member[0], "true" if post_id in recognised else "false", member[1], tail)
    if own_next is not None:
        pieces += (own_next[1], *(html for _key, html in own_left))
    html = "".join(pieces).replace(CSRF, escape(csrf_token))
    return TopicPage(posts_html=mark_safe(html), next_cursor=next_cursor, own_held=own_held)  # noqa: S308


class _AnyMember:
    """Whom a page all members share is rendered for: logged in, and nobody in particular."""

    is_authenticated = True
    is_anonymous = False
    pk = None

    def __str__(self) -> str:
        return ""


def _stand_in(request: HttpRequest) -> HttpRequest:
    """A request for `request`'s path by `_AnyMember`: no session, no cookies, no messages, no query."""
    stand_in = HttpRequest()
    stand_in.method = "GET"
    stand_in.path = request.path
    stand_in.path_info = request.path_info
    stand_in.user = _AnyMember()  # type: ignore[assignment]
    return stand_in


def _hole(name: str) -> SafeString:
    return mark_safe(f"\x00hole:{name}\x00")  # noqa: S308 (a marker: NUL is not HTML text)


def member_page(
    request: HttpRequest,
    template_name: str,
    context: Callable[[], dict[str, Any]],
    *,
    parts: tuple[object, ...] | None = (),
    holes: dict[str, str] | None = None,
    status: int = 200,
) -> HttpResponse:
    """`render(request, template_name, {**context(), **holes})`; for a member's GET with no messages to
    show, from the page all members share (kept under the versions, the language, today, the template and
    `parts`, which must name everything `context` depends on; None: not kept), with `holes` (their own
    parts, each a context variable) and their CSRF token put in."""
    holes = holes or {}
    if (
        parts is None
        or request.method != "GET"
        or not request.user.is_authenticated
        or len(get_messages(request))
    ):
        return render(request, template_name, {**context(), **holes}, status=status)

    def render_shared() -> list[str]:
        shared = {**context(), **{name: _hole(name) for name in holes}}
        shared.update(csrf_token=CSRF, user=_AnyMember(), messages=())
        return _PIECES.split(render_to_string(template_name, shared, request=_stand_in(request)))

    # A page kept with other parts to put in (by a process of another release) is rendered anew.
    wanted = {f"hole:{name}" for name in holes}
    pieces = _kept(
        _page_key(template_name, *parts),
        render_shared,
        pages=True,
        usable=lambda kept: {piece for piece in kept[1::2] if piece != "csrf"} == wanted,
    )
    values = {
        "csrf": escape(get_token(request)),
        **{f"hole:{name}": str(html) for name, html in holes.items()},
    }
    return HttpResponse(
        "".join(values[piece] if odd else piece for odd, piece in zip(cycle((False, True)), pieces)),
        status=status,
    )
