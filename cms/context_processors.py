from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from cms.help import crisis_lines


def site_help(request: HttpRequest) -> dict[str, object]:
    """What every page shows: the crisis numbers (from the site settings, cached), and where the rules are."""
    lines = crisis_lines()
    digits = {"".join(ch for ch in line.get("phone", "") if ch.isdigit()) for line in lines}
    return {
        "crisis_lines": lines,
        # The chat's own list adds De Kindertelefoon only when the settings do not list it already.
        "crisis_lists_kindertelefoon": "08000432" in digits,
        "forum_rules_url": settings.FORUM_RULES_URL,
    }
