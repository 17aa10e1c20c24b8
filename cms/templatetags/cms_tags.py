from __future__ import annotations

from typing import Any

from django import template

from cms.help import chat_hours_on
from cms.selectors import board_information_pages, page_forum_topics
from forum.models import Board

register = template.Library()


@register.inclusion_tag("cms/tags/board_information.html")
def board_information(board: Board) -> dict[str, Any]:
    """A link from a forum board to the information pages that picked it."""
    return {"information_pages": list(board_information_pages(board=board))}


@register.simple_tag
def chat_hours_today() -> list[tuple[str, str]]:
    """Today's opening periods of the chat, [("14:00", "21:00")], or [] when it is closed today."""
    return chat_hours_on()


@register.simple_tag(takes_context=True)
def related_forum_topics(context: template.Context, count: int) -> list[Any]:
    """The latest published forum topics on the boards of the page being shown."""
    page = context.get("page")
    if page is None or not hasattr(page, "boards"):
        return []
    return list(page_forum_topics(page=page, limit=count))
