"""One search over the information pages and the forum's published topics and posts.

The backend is Wagtail's (the database backend, with PostgreSQL's `dutch` configuration on
PostgreSQL, or Elasticsearch with the Dutch analyzer; see settings). Forum content is searched
only as its filtered, published text: the querysets below ask for published rows, so an entry
left in the index for a post that was rejected later is never shown.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import hashlib
import logging
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.db.models import F, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from cms.models import RulesPage, TopicPage
from config.page_cache import page_cache_versions
from forum.models import Post, Status, Topic
from forum.search_text import PLACEHOLDER, WORD, search_stems, without_placeholders, word_stem

INFORMATION_PER_PAGE = 5
FORUM_PER_PAGE = 10
MAX_QUERY_LENGTH = 100
# Enough for any real search; results beyond these are not worth paging to.
MAX_INFORMATION_HITS = 50
MAX_FORUM_HITS = 200
SNIPPET_LENGTH = 220
# What a search found is kept this long at most (and forgotten as soon as the forum or the pages change).
CACHE_SECONDS = 10 * 60

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Hit:
    """One result: where it goes, its title, a highlighted snippet, and for forum hits the board."""

    url: str
    title: str
    snippet: SafeString
    board: str = ""
    promoted: bool = False


@dataclass
class SiteSearch:
    query: str
    promotions: list[Hit] = field(default_factory=list)
    information: PaginatorPage | None = None
    forum: PaginatorPage | None = None
    information_count: int = 0
    forum_count: int = 0
    page_number: int = 1
    num_pages: int = 0

    @property
    def total(self) -> int:
        return len(self.promotions) + self.information_count + self.forum_count

    @property
    def information_total(self) -> int:
        return len(self.promotions) + self.information_count

    @property
    def found_nothing(self) -> bool:
        return bool(self.query) and not (self.promotions or self.information_count or self.forum_count)


def search_terms(query: str) -> list[str]:
    """The word stems of a query used to highlight matches: "pesten" also marks "gepest" and "pestkop"."""
    stems = []
    for word in re.findall(r"\w+", without_placeholders(query).lower()):
        if len(word) < 2:
            continue
        stems.append(word[: max(4, len(word) - 2)] if len(word) > 4 else word)
        stems.append(word_stem(word))
    return sorted(set(stems), key=len, reverse=True)


def _marks(word: str, terms: list[str]) -> bool:
    """Whether a word of a result is one of the query's: it contains a term, or has a term's stem."""
    lower = word.lower()
    return any(term in lower for term in terms) or word_stem(lower) in terms


def highlight(text: str, *, terms: list[str], length: int = SNIPPET_LENGTH) -> SafeString:
    """A snippet of plain `text` of about `length` characters around the first match, HTML-escaped,
    with every word that matches a term (see _marks) wrapped in <mark>."""
    text = re.sub(r"\s+", " ", strip_tags(text)).strip()
    words = list(WORD.finditer(text)) if terms else []
    first = next((found for found in words if _marks(found.group(), terms)), None)
    start = 0
    if first is not None and first.start() > length // 3:
        start = text.rfind(" ", 0, first.start() - length // 3) + 1
    snippet = text[start : start + length]
    if start + length < len(text):
        snippet = snippet[: snippet.rfind(" ")] if " " in snippet else snippet
    parts: list[str] = ["… " if start else ""]
    position = 0
    removed = [placeholder.span() for placeholder in PLACEHOLDER.finditer(snippet)]
    for found in WORD.finditer(snippet) if terms else []:
        if _marks(found.group(), terms) and not any(a <= found.start() < b for a, b in removed):
            parts += [escape(snippet[position : found.start()]), "<mark>", escape(found.group()), "</mark>"]
            position = found.end()
    parts += [escape(snippet[position:]), " …" if start + length < len(text) else ""]
    return mark_safe("".join(parts))  # noqa: S308 (every piece of text above is escaped)


def _page_text(page: Page, terms: list[str]) -> str:
    """The part of a page's text to show: its summary, or the first body text that matches."""
    intro = getattr(page, "intro", "") or ""
    body = getattr(page, "body", None)
    if body is None or not terms:
        return intro
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    if pattern.search(intro):
        return intro
    for text in body.stream_block.get_searchable_content(body):
        if pattern.search(strip_tags(str(text))):
            return str(text)
    return intro


# After Elasticsearch failed to answer, searches go to the database backend for this long before
# Elasticsearch is tried again, so that a server that is down costs one failed attempt, not one a search.
ELASTICSEARCH_RETRY_SECONDS = 30
_elasticsearch_down_until = 0.0


def search_backend_name() -> str:
    """The backend searches go to now: "database", or "elasticsearch" while it answers."""
    if _database_backend() or time.monotonic() < _elasticsearch_down_until:
        return "database"
    return "elasticsearch"


def _search(queryset: QuerySet[Any], query: str, limit: int, operator: str, by_relevance: bool) -> list[Any]:
    """Search the default backend; if that is Elasticsearch and it does not answer, the database
    backend (settings keep it indexed beside Elasticsearch, as "database")."""
    global _elasticsearch_down_until
    if search_backend_name() == "elasticsearch":
        from elastic_transport import TransportError
        from elasticsearch import ApiError

        try:
            backend = get_search_backend()
            return list(
                backend.search(query, queryset, operator=operator, order_by_relevance=by_relevance)[:limit]
            )
        except (TransportError, ApiError) as error:
            logger.warning("Elasticsearch did not answer (%s); searching the database", type(error).__name__)
            _elasticsearch_down_until = time.monotonic() + ELASTICSEARCH_RETRY_SECONDS
    backend = get_search_backend("database" if "database" in settings.WAGTAILSEARCH_BACKENDS else "default")
    return list(backend.search(query, queryset, operator=operator, order_by_relevance=by_relevance)[:limit])


def _run(queryset: QuerySet[Any], query: str, limit: int, *, by_relevance: bool = True) -> list[Any]:
    """Search with every word required; if that finds nothing, with any word.

    Best matches first, or with `by_relevance` False the newest first (highest id), which the
    database backend answers without scoring every match: see _forum_hits.
    """
    hits = _search(queryset, query, limit, "and", by_relevance)
    if not hits and len(query.split()) > 1:
        hits = _search(queryset, query, limit, "or", by_relevance)
    return hits


@dataclass(frozen=True)
class _Match:
    """A result before highlighting: what is kept in the cache between searches for the same words."""

    url: str
    title: str
    text: str  # the text to take the snippet from
    board: str = ""
    page_id: int | None = None
    topic_id: int | None = None


def _cached(kind: str, query: str, version: str, compute: Any) -> list[_Match]:
    """`compute()`, kept for CACHE_SECONDS under the query and the version of what it searched."""
    key = f"cms:search:v1:{kind}:{hashlib.sha256(f'{version}|{query}'.encode()).hexdigest()}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, CACHE_SECONDS)
    return found


def _information_matches(query: str, terms: list[str]) -> list[_Match]:
    pages = Page.objects.live().public().type(TopicPage, RulesPage)
    found = [page.pk for page in _run(pages, query, MAX_INFORMATION_HITS)]
    # The specific pages straight from their own tables: two queries, not one per page.
    specific = {**TopicPage.objects.in_bulk(found), **RulesPage.objects.in_bulk(found)}
    return [
        _Match(
            url=specific[pk].url,
            title=specific[pk].title,
            text=_page_text(specific[pk], terms),
            page_id=pk,
        )
        for pk in found
        if pk in specific
    ]


def _forum_matches(query: str) -> list[_Match]:
    """Topics whose title matches, newest first, then the topics of matching posts, newest post first.

    Newest first, not best first, on Wagtail's database backend: a common word matches tens of
    thousands of posts, and the backend scores every match with a subquery of its own (on SQLite a
    full-text search per match: no answer within 30 s on the benchmark's forum; seconds on
    PostgreSQL). Without scores the newest MAX_FORUM_HITS are found at once, and on a forum the
    recent conversations are the ones to join. Elasticsearch scores cheaply: best first there.
    """
    query = search_stems(query)  # as the forum is indexed: Dutch stems, no placeholders
    if not query:
        return []
    by_relevance = search_backend_name() == "elasticsearch"
    topics = _run(
        Topic.objects.filter(status=Status.PUBLISHED).select_related("board"),
        query,
        MAX_FORUM_HITS,
        by_relevance=by_relevance,
    )
    posts = [
        post
        for post in _run(
            Post.objects.filter(status=Status.PUBLISHED).select_related("topic__board"),
            query,
            MAX_FORUM_HITS,
            by_relevance=by_relevance,
        )
        if post.topic.status == Status.PUBLISHED
    ]
    matching_text: dict[int, str] = {}
    for post in posts:
        matching_text.setdefault(post.topic_id, post.body)
    ordered: dict[int, Topic] = {topic.pk: topic for topic in topics}
    for post in posts:
        ordered.setdefault(post.topic_id, post.topic)
    title_only = [topic_id for topic_id in ordered if topic_id not in matching_text]
    if title_only:
        # A topic found by its title shows its opening post.
        matching_text.update(
            Post.objects.filter(topic_id__in=title_only, is_opening=True, status=Status.PUBLISHED)
            .values_list("topic_id", "body")
            .iterator()
        )
    return [
        _Match(
            url=topic.get_absolute_url(),
            title=topic.title,
            board=topic.board.name,
            text=matching_text.get(topic.pk, ""),
            topic_id=topic.pk,
        )
        for topic in ordered.values()
    ]


def _forum_hits(matches: list[_Match], terms: list[str]) -> list[Hit]:
    return [
        Hit(url=match.url, title=match.title, board=match.board, snippet=highlight(match.text, terms=terms))
        for match in matches
    ]


def _information_hits(matches: list[_Match], terms: list[str]) -> list[Hit]:
    return [
        Hit(url=match.url, title=match.title, snippet=highlight(match.text, terms=terms)) for match in matches
    ]


def _database_backend() -> bool:
    """Whether search runs on Wagtail's database backend (not Elasticsearch, which scores cheaply)."""
    return ".database" in type(get_search_backend()).__module__


# Searches counted in this process and not yet written: {(normalised query, date): hits}.
_pending_hits: Counter[tuple[str, dt.date]] = Counter()
_pending_lock = threading.Lock()
_last_flush = time.monotonic()


def _hit_count(query: str) -> None:
    """Count today's search for `query`, for the editors' list of popular searches (Query.add_hit).

    Counted in memory and written at most every settings.SEARCH_HITS_FLUSH_SECONDS per process (and
    when it exits): a write per search made every search wait for the database's write lock (on
    SQLite 30 searches a second at most, p50 0.5 s under load). A process that crashes loses its
    last few seconds of counts, never a search.
    """
    global _last_flush
    with _pending_lock:
        _pending_hits[(normalise_query_string(query), timezone.localdate())] += 1
        due = time.monotonic() - _last_flush >= settings.SEARCH_HITS_FLUSH_SECONDS
        if due:
            _last_flush = time.monotonic()
    if due:
        search_hits_flush()


def search_hit_count(request: HttpRequest) -> None:
    """Count a search whose page came from the page cache (config.page_cache), as site_search would."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    if query:
        _hit_count(query)


def search_hits_flush() -> None:
    """Write the searches counted in this process to Wagtail's daily hits."""
    with _pending_lock:
        pending = dict(_pending_hits)
        _pending_hits.clear()
    for (query_string, date), hits in pending.items():
        counted = QueryDailyHits.objects.filter(query__query_string=query_string, date=date).update(
            hits=F("hits") + hits
        )
        if not counted:
            daily, _created = QueryDailyHits.objects.get_or_create(query=Query.get(query_string), date=date)
            QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + hits)


def _flush_at_exit() -> None:
    if _pending_hits:
        with contextlib.suppress(DatabaseError):  # the database may be gone before the process
            search_hits_flush()


atexit.register(_flush_at_exit)


def _promotion_matches(query: str) -> list[_Match]:
    picks = SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
    return [
        _Match(
            url=pick.page.url if pick.page is not None else pick.external_link_url,
            title=pick.title,
            text=pick.description,
            page_id=pick.page.pk if pick.page is not None else None,
        )
        for pick in picks.select_related("page").order_by("sort_order")
        if pick.page is None or pick.page.live
    ]


def _promotions(query: str, pages_version: str) -> tuple[list[Hit], set[int]]:
    """Editors' picks for this query (wagtail.contrib.search_promotions), and the ids of their pages.

    Kept under the pages' version, which changes when a promotion or a page changes.
    """
    _hit_count(query)
    picks = _cached("promotions", query, pages_version, lambda: _promotion_matches(query))
    hits = [Hit(url=pick.url, title=pick.title, snippet=escape(pick.text), promoted=True) for pick in picks]
    return hits, {pick.page_id for pick in picks if pick.page_id is not None}


def _page_of(paginator: Paginator, number: int, to_hits: Any) -> PaginatorPage | None:
    if not paginator.count or number > paginator.num_pages:
        return None
    page = paginator.page(number)
    page.object_list = to_hits(list(page.object_list))
    return page


def site_search(*, query: str, page_number: int) -> SiteSearch:
    """Search information pages and the forum for `query`, grouped, highlighted and paginated.

    Both groups share the page number; a group with fewer pages is empty beyond its last one.
    Editors' picks come first on page 1. An empty query returns an empty SiteSearch.
    What was found is kept for a while per query, until the forum or the pages change (the page
    cache's versions, config.page_cache); only the page shown is highlighted.
    """
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    if not query:
        return SiteSearch(query="")
    terms = search_terms(query)
    forum_version, pages_version = page_cache_versions()
    promotions, promoted_ids = _promotions(query, pages_version)
    information_matches = [
        match
        for match in _cached("information", query, pages_version, lambda: _information_matches(query, terms))
        if match.page_id not in promoted_ids
    ]
    forum_matches = _cached("forum", query, forum_version, lambda: _forum_matches(query))
    information = Paginator(information_matches, INFORMATION_PER_PAGE)
    forum = Paginator(forum_matches, FORUM_PER_PAGE)
    num_pages = max(information.num_pages if information.count else 0, forum.num_pages if forum.count else 0)
    page_number = min(max(page_number, 1), max(num_pages, 1))
    return SiteSearch(
        query=query,
        promotions=promotions if page_number == 1 else [],
        information=_page_of(information, page_number, lambda matches: _information_hits(matches, terms)),
        forum=_page_of(forum, page_number, lambda matches: _forum_hits(matches, terms)),
        information_count=information.count,
        forum_count=forum.count,
        page_number=page_number,
        num_pages=num_pages,
    )
