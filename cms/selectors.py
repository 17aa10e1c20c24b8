"""Reads for the information pages: what a page shows beside its own content, in few queries."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from wagtail.models import Page

from cms.models import HomePage, RulesPage, TopicIndexPage, TopicPage
from forum.models import Board, Status, Topic
from forum.selectors import boards_overview


def home_overview(*, home: HomePage) -> dict[str, Any]:
    """What the home page shows: the boards, the information pages, and the rules in short."""
    rules_page = RulesPage.objects.descendant_of(home).live().public().first()
    return {
        "boards": boards_overview(),
        "topics_index": TopicIndexPage.objects.descendant_of(home).live().public().first(),
        "topic_pages": TopicPage.objects.descendant_of(home).live().public().order_by("path"),
        "rules_page": rules_page,
        "rules": rules_page.rule_titles()[:6] if rules_page else [],
    }


def page_boards(*, page: TopicPage) -> list[Board]:
    """The boards an information page picked; works for a preview as well as for the live page."""
    return sorted(page.boards.all(), key=lambda board: (board.position, board.name))


def page_forum_topics(*, page: TopicPage, limit: int) -> QuerySet[Topic]:
    """The latest published topics on the boards the page picked, most recently active first."""
    board_ids = [board.pk for board in page.boards.all()]
    return (
        Topic.objects.filter(board_id__in=board_ids, status=Status.PUBLISHED)
        .select_related("board")
        .order_by("-last_activity_at", "-id")[:limit]
    )


def board_information_pages(*, board: Board) -> QuerySet[Page]:
    """The live information pages that picked `board`, to link to from the board's page."""
    return TopicPage.objects.live().public().filter(boards=board).order_by("title")
