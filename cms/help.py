"""The help a young person sees on every page: crisis numbers and the chat's opening hours.

Editors set both in the site settings ("Hulp en chat"); the values are cached and the cache is
cleared whenever the settings are saved. Without settings, settings.CRISIS_LINES and
settings.CHAT_OPENING_HOURS apply. The chat reads opening hours through
settings.CHAT_OPENING_HOURS_PROVIDER, which names chat_opening_hours.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

CACHE_KEY = "cms:help:v1"
CACHE_SECONDS = 60 * 60

# Weekday (0 = Monday) → opening periods, when editors have set none and settings.CHAT_OPENING_HOURS is unset.
DEFAULT_OPENING_HOURS: dict[int, list[tuple[str, str]]] = {day: [("14:00", "21:00")] for day in range(7)}


def _stored_help() -> dict[str, Any]:
    """What editors stored for the default site, as plain data:
    {"crisis_lines": [...], "opening_hours": {...}}.

    An empty list or dict means "not set". Read from the cache; one query on a miss.
    """
    stored = cache.get(CACHE_KEY)
    if stored is not None:
        return stored
    from cms.blocks import phone_href
    from cms.models import HelpSettings

    help_settings = HelpSettings.objects.filter(site__is_default_site=True).first()
    lines: list[dict[str, str]] = []
    hours: dict[int, list[tuple[str, str]]] = {}
    if help_settings is not None:
        for block in help_settings.crisis_lines:
            lines.append(
                {
                    "name": block.value["name"],
                    "phone": block.value["phone"],
                    "href": phone_href(block.value["phone"]),
                }
            )
        for block in help_settings.opening_hours:
            closes = block.value["closes"]
            # 00:00 as closing time means midnight, written "24:00" as the chat reads it.
            period = (
                block.value["opens"].strftime("%H:%M"),
                "24:00" if closes == dt.time(0) else closes.strftime("%H:%M"),
            )
            hours.setdefault(int(block.value["weekday"]), []).append(period)
    stored = {"crisis_lines": lines, "opening_hours": {day: sorted(p) for day, p in hours.items()}}
    cache.set(CACHE_KEY, stored, CACHE_SECONDS)
    return stored


def help_cache_clear() -> None:
    """Forget the cached help settings; the next page reads them again. Now, and again after the commit:
    in between, another request could read the old settings and keep them for an hour."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def crisis_lines() -> list[dict[str, str]]:
    """The crisis numbers to show, each {"name", "phone", "href"}: the site setting, else
    settings.CRISIS_LINES."""
    return _stored_help()["crisis_lines"] or list(settings.CRISIS_LINES)


def chat_opening_hours() -> dict[int, list[tuple[str, str]]]:
    """The chat's opening hours: weekday (0 = Monday) → sorted ("HH:MM", "HH:MM") periods, local time.

    Days without an entry are closed. Without any site setting, settings.CHAT_OPENING_HOURS.
    """
    return _stored_help()["opening_hours"] or dict(
        getattr(settings, "CHAT_OPENING_HOURS", DEFAULT_OPENING_HOURS)
    )


def chat_hours_on(*, day: dt.date | None = None) -> list[tuple[str, str]]:
    """The chat's opening periods on `day` (today by default)."""
    day = day or timezone.localdate()
    return chat_opening_hours().get(day.weekday(), [])
