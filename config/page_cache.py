"""Pages for visitors without a session, served from the cache.

Most readers of the forum and the information pages are not logged in, and what they see is the same
for all of them. Rendering it is what costs: Wagtail's routing and view-restriction checks (ten
queries a page), fifty posts in a template. So a page rendered for a request without a session cookie
is kept, per host, path, query, language and day (the chat's opening hours "today" are on pages), for
the views named in settings.ANONYMOUS_CACHE_VIEWS, under a version that changes whenever anything such
a page shows changes:

- the forum's version, bumped when a topic or post goes on or off the forum, a reaction is given, a
  member is deleted or a board is edited (forum.signals.forum_changed, sent by the forum's services
  after their transaction commits);
- the pages' version, bumped when a page is published, unpublished, moved or deleted, or the help
  settings are saved (cms.receivers).

Old entries are never read again and expire; every entry also expires after
settings.ANONYMOUS_CACHE_SECONDS, which keeps relative times ("5 minuten geleden") honest.

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
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.html import escape

VERSION_KEYS = ("page-cache:version:forum", "page-cache:version:pages")
KEY_PREFIX = "page-cache:v1"
# Django's {% csrf_token %} renders exactly this; its value is replaced by a marker before storing.
CSRF_INPUT = re.compile(r'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(">)')
CSRF_MARKER = "\x00csrf\x00"
# A query longer than this is not worth a cache entry (and would let anyone fill the cache).
MAX_QUERY_LENGTH = 200


def page_cache_bump(*, forum: bool = False, pages: bool = False) -> None:
    """Make cached pages stale: those showing forum content, information pages, or both."""
    for key, bump in zip(VERSION_KEYS, (forum, pages), strict=True):
        if bump:
            cache.set(key, secrets.token_hex(8), None)


def page_cache_versions() -> list[str]:
    """The current versions: [forum, pages]. Anything cached under them is current."""
    return _versions()


def _versions() -> list[str]:
    found = cache.get_many(VERSION_KEYS)
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
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
    )


def _cache_key(request: HttpRequest) -> str:
    parts = [
        *_versions(),
        request.get_host(),
        request.get_full_path(),
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


def _store(key: str, response: HttpResponse) -> None:
    content = CSRF_INPUT.sub(
        lambda m: m.group(1) + CSRF_MARKER + m.group(2), response.content.decode(response.charset)
    )
    stored = {"content": content, "content_type": response["Content-Type"]}
    cache.set(key, stored, settings.ANONYMOUS_CACHE_SECONDS)


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
        self.views = frozenset(settings.ANONYMOUS_CACHE_VIEWS)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key is not None and _cacheable_response(request, response):
            _store(key, response)
        return response

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        if match is None or match.view_name not in self.views or not _cacheable_request(request):
            return None
        key = _cache_key(request)
        stored = cache.get(key)
        if stored is not None:
            return _answer(request, stored)
        request._page_cache_key = key  # type: ignore[attr-defined]
        return None
