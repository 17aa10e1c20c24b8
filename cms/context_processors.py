from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from cms.help import crisis_lines


def site_help(request: HttpRequest) -> dict[str, object]:
    """What every page shows: the crisis numbers (from the site settings, cached), and where the rules are."""
    return {"crisis_lines": crisis_lines(), "forum_rules_url": settings.FORUM_RULES_URL}
