"""Pages for visitors without a session, served from the cache.

Most readers of the forum and the information pages are not logged in, and what they see is the same
for all of them. Rendering it is what costs: Wagtail's routing and view-restriction checks (ten
queries a page), fifty posts in a template. So a page rendered for a request without a session cookie
is kept, per host, path, language and day (the chat's opening hours "today" are on pages) and the
query parameters the view reads, for the views named in settings.ANONYMOUS_CACHE_VIEWS, under a version
that changes whenever anything such a page shows changes:

- the forum's version, bumped when a topic or post goes on or off the forum, a reaction is given, a
  member is deleted or a board is edited (forum.signals.forum_changed, sent by the forum's services
  after their transaction commits);
- the pages' version, bumped when a page is published, unpublished, moved or deleted, or the help
  settings are saved (cms.receivers).

Old entries are never read again and expire; every entry also expires after
settings.ANONYMOUS_CACHE_SECONDS (or the view's own "seconds"), which keeps relative times ("5 minuten
geleden") honest.

The key holds only the query parameters a view reads (its "params"): `?utm_source=…` or a random query
string gets the page everyone gets, from the same entry, instead of rendering it anew and storing one
more copy. A view may name a function to call when its page comes from the cache ("on_hit"): search
counts the searches for the editors' popular searches that way.

Nothing personal is ever stored: only GET requests without a session cookie and without a messages
cookie are cached, only plain 200 responses that set no cookie, touched no session and are not marked
private. The CSRF token of the layout's forms is taken out before storing, and the visitor's own token
(and cookie) put in on every answer, as wagtail-cache and Django's cache middleware leave to the page.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.html import escape
from django.utils.module_loading import import_string

VERSION_KEYS = ("page-cache:version:forum", "page-cache:version:pages")
KEY_PREFIX = "page-cache:v1"
# Django's {% csrf_token %} renders exactly this; its value is replaced by a marker before storing.
CSRF_INPUT = re.compile(r'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(">)')
CSRF_MARKER = "\x00csrf\x00"
# Kept parameters longer than this are not worth a cache entry (and would let anyone fill the cache).
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class CachedView:
    """How one view's pages are cached: the query parameters it reads, how long, what to do on a hit."""

    params: tuple[str, ...] = ()
    seconds: int | None = None  # None: settings.ANONYMOUS_CACHE_SECONDS
    on_hit: Callable[[HttpRequest], None] | None = None

    @classmethod
    def from_setting(cls, value: dict[str, Any]) -> CachedView:
        on_hit = value.get("on_hit")
        return cls(
            params=tuple(value.get("params", ())),
            seconds=value.get("seconds"),
            on_hit=import_string(on_hit) if on_hit else None,
        )

    def query(self, request: HttpRequest) -> str | None:
        """The part of the query string this view reads, in a fixed order; None when it is too long
        to cache (the page is then rendered and not stored)."""
        kept = urlencode([(name, request.GET[name]) for name in self.params if name in request.GET])
        return kept if len(kept) <= MAX_QUERY_LENGTH else None


def page_cache_bump(*, forum: bool = False, pages: bool = False) -> None:
    """Make cached pages stale: those showing forum content, information pages, or both."""
    for key, bump in zip(VERSION_KEYS, (forum, pages), strict=True):
        if bump:
            cache.set(key, secrets.token_hex(8), None)


def page_cache_versions(found: dict[str, Any] | None = None) -> list[str]:
    """The current versions: [forum, pages]. Anything cached under them is current.

    `found`: what a `cache.get_many` that asked for VERSION_KEYS (among other keys) returned, so that the
    versions cost no request of their own."""
    return _versions(found)


def _versions(found: dict[str, Any] | None = None) -> list[str]:
    found = dict(found) if found is not None else cache.get_many(VERSION_KEYS)
    versions = []
    for key in VERSION_KEYS:
        if key not in found:
            # First use, or evicted: a new version, so that nothing older is trusted.
            cache.add(key, secrets.token_hex(8), None)
            found[key] = cache.get(key, "")
        versions.append(found[key])
    return versions


def _cacheable_request(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _cache_key(request: HttpRequest, query: str) -> str:
    parts = [
        *_versions(),
        request.get_host(),
        request.path,
        query,
        getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
        timezone.localdate().isoformat(),
    ]
    return f"{KEY_PREFIX}:{hashlib.sha256('|'.join(parts).encode()).hexdigest()}"


def _messages_shown(request: HttpRequest) -> bool:
    """Whether the page showed or queued a message ("Je bent uitgelogd"): it is meant for one visitor."""
    storage = getattr(request, "_messages", None)
    return storage is not None and bool(storage.used or getattr(storage, "_queued_messages", None))


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    session = getattr(request, "session", None)
    cache_control = response.get("Cache-Control", "")
    return (
        not _messages_shown(request)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not (session is not None and session.modified)
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        and response.get("Content-Type", "").startswith("text/html")
    )


def _store(key: str, seconds: int, response: HttpResponse) -> None:
    content = CSRF_INPUT.sub(
        lambda m: m.group(1) + CSRF_MARKER + m.group(2), response.content.decode(response.charset)
    )
    stored = {"content": content, "content_type": response["Content-Type"]}
    cache.set(key, stored, seconds)


def _answer(request: HttpRequest, stored: dict[str, Any]) -> HttpResponse:
    content: str = stored["content"]
    if CSRF_MARKER in content:
        # The visitor's own token (CsrfViewMiddleware sets its cookie), never one from the cache.
        content = content.replace(CSRF_MARKER, escape(get_token(request)))
    response = HttpResponse(content, content_type=stored["content_type"])
    patch_vary_headers(response, ("Cookie",))
    return response


class AnonymousPageCacheMiddleware:
    """Serve the views of settings.ANONYMOUS_CACHE_VIEWS to visitors without a session from the cache.

    Put it after the session, locale, CSRF, authentication and messages middleware: a cached answer
    passes back through them (CSRF cookie, Content-Language, security headers).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.views = {
            name: CachedView.from_setting(value) for name, value in settings.ANONYMOUS_CACHE_VIEWS.items()
        }

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        pending: tuple[str, int] | None = getattr(request, "_page_cache_pending", None)
        if pending is not None and _cacheable_response(request, response):
            _store(*pending, response)
        return response

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        view = self.views.get(match.view_name) if match is not None else None
        if view is None or not _cacheable_request(request):
            return None
        query = view.query(request)
        if query is None:
            return None
        key = _cache_key(request, query)
        stored = cache.get(key)
        if stored is not None:
            if view.on_hit is not None:
                view.on_hit(request)
            return _answer(request, stored)
        seconds = settings.ANONYMOUS_CACHE_SECONDS if view.seconds is None else view.seconds
        request._page_cache_pending = (key, seconds)  # type: ignore[attr-defined]
        return None
