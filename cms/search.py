"""One search over the information pages and the forum's published topics and posts.

The backend is Wagtail's (the database backend, with PostgreSQL's `dutch` configuration on
PostgreSQL, or Elasticsearch with the Dutch analyzer; see settings). Forum content is searched
only as its filtered, published text: the querysets below ask for published rows, so an entry
left in the index for a post that was rejected later is never shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.models import RulesPage, TopicPage
from forum.models import Post, Status, Topic

INFORMATION_PER_PAGE = 5
FORUM_PER_PAGE = 10
MAX_QUERY_LENGTH = 100
# Enough for any real search; results beyond these are not worth paging to.
MAX_INFORMATION_HITS = 50
MAX_FORUM_HITS = 200
SNIPPET_LENGTH = 220


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
    for word in re.findall(r"\w+", query.lower()):
        if len(word) < 2:
            continue
        stems.append(word[: max(4, len(word) - 2)] if len(word) > 4 else word)
    return sorted(set(stems), key=len, reverse=True)


def highlight(text: str, *, terms: list[str], length: int = SNIPPET_LENGTH) -> SafeString:
    """A snippet of plain `text` of about `length` characters around the first match, HTML-escaped,
    with every word containing a term wrapped in <mark>."""
    text = re.sub(r"\s+", " ", strip_tags(text)).strip()
    pattern = (
        re.compile(r"\w*(?:" + "|".join(re.escape(t) for t in terms) + r")\w*", re.IGNORECASE)
        if terms
        else None
    )
    start = 0
    if pattern and (match := pattern.search(text)) and match.start() > length // 3:
        start = text.rfind(" ", 0, match.start() - length // 3) + 1
    snippet = text[start : start + length]
    if start + length < len(text):
        snippet = snippet[: snippet.rfind(" ")] if " " in snippet else snippet
    parts: list[str] = ["… " if start else ""]
    position = 0
    for found in pattern.finditer(snippet) if pattern else []:
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


def _run(queryset: QuerySet[Any], query: str, limit: int) -> list[Any]:
    """Search with every word required; if that finds nothing, with any word. Best matches first."""
    backend = get_search_backend()
    hits = list(backend.search(query, queryset, operator="and")[:limit])
    if not hits and len(query.split()) > 1:
        hits = list(backend.search(query, queryset, operator="or")[:limit])
    return hits


def _information_hits(query: str, terms: list[str], exclude_ids: set[int]) -> list[Hit]:
    pages = Page.objects.live().public().type(TopicPage, RulesPage)
    found = [page.pk for page in _run(pages, query, MAX_INFORMATION_HITS) if page.pk not in exclude_ids]
    specific = Page.objects.filter(pk__in=found).specific().in_bulk()
    return [
        Hit(
            url=specific[pk].url,
            title=specific[pk].title,
            snippet=highlight(_page_text(specific[pk], terms), terms=terms),
        )
        for pk in found
        if pk in specific
    ]


def _forum_hits(query: str, terms: list[str]) -> list[Hit]:
    topics = _run(
        Topic.objects.filter(status=Status.PUBLISHED).select_related("board"), query, MAX_FORUM_HITS
    )
    posts = [
        post
        for post in _run(
            Post.objects.filter(status=Status.PUBLISHED).select_related("topic__board"), query, MAX_FORUM_HITS
        )
        if post.topic.status == Status.PUBLISHED
    ]
    matching_post: dict[int, Post] = {}
    for post in posts:
        matching_post.setdefault(post.topic_id, post)
    title_only = [topic.pk for topic in topics if topic.pk not in matching_post]
    for post in Post.objects.filter(topic_id__in=title_only, is_opening=True, status=Status.PUBLISHED):
        matching_post[post.topic_id] = post
    ordered: dict[int, Topic] = {topic.pk: topic for topic in topics}
    for post in posts:
        ordered.setdefault(post.topic_id, post.topic)
    return [
        Hit(
            url=topic.get_absolute_url(),
            title=topic.title,
            board=topic.board.name,
            snippet=highlight(matching_post[topic.pk].body if topic.pk in matching_post else "", terms=terms),
        )
        for topic in ordered.values()
    ]


def _promotions(query: str) -> tuple[list[Hit], set[int]]:
    """Editors' picks for this query (wagtail.contrib.search_promotions), and the ids of their pages."""
    stored = Query.get(query)
    stored.add_hit()
    hits, page_ids = [], set()
    for pick in stored.editors_picks.select_related("page").order_by("sort_order"):
        if pick.page is not None and not pick.page.live:
            continue
        if pick.page is not None:
            page_ids.add(pick.page.pk)
        url = pick.page.url if pick.page is not None else pick.external_link_url
        hits.append(Hit(url=url, title=pick.title, snippet=escape(pick.description), promoted=True))
    return hits, page_ids


def site_search(*, query: str, page_number: int) -> SiteSearch:
    """Search information pages and the forum for `query`, grouped, highlighted and paginated.

    Both groups share the page number; a group with fewer pages is empty beyond its last one.
    Editors' picks come first on page 1. An empty query returns an empty SiteSearch.
    """
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    if not query:
        return SiteSearch(query="")
    terms = search_terms(query)
    promotions, promoted_ids = _promotions(query)
    information = Paginator(_information_hits(query, terms, promoted_ids), INFORMATION_PER_PAGE)
    forum = Paginator(_forum_hits(query, terms), FORUM_PER_PAGE)
    num_pages = max(information.num_pages if information.count else 0, forum.num_pages if forum.count else 0)
    page_number = min(max(page_number, 1), max(num_pages, 1))
    return SiteSearch(
        query=query,
        promotions=promotions if page_number == 1 else [],
        information=information.page(page_number)
        if information.count and page_number <= information.num_pages
        else None,
        forum=forum.page(page_number) if forum.count and page_number <= forum.num_pages else None,
        information_count=information.count,
        forum_count=forum.count,
        page_number=page_number,
        num_pages=num_pages,
    )
