"""When the chat is open.

Opening hours come from `settings.CHAT_OPENING_HOURS_PROVIDER` (a dotted path to a function,
e.g. the CMS's site settings) when it is set, otherwise from `settings.CHAT_OPENING_HOURS`.
Both give a dict: weekday (0 = Monday) → list of ("HH:MM", "HH:MM") in Europe/Amsterdam;
"24:00" as an end means until midnight.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WEEKDAYS = [
    _("maandag"),
    _("dinsdag"),
    _("woensdag"),
    _("donderdag"),
    _("vrijdag"),
    _("zaterdag"),
    _("zondag"),
]

Hours = Mapping[int, Sequence[tuple[str, str]]]


@dataclass(frozen=True)
class Period:
    start: dt.time
    end: dt.time | None  # None: until midnight

    def contains(self, moment: dt.time) -> bool:
        return self.start <= moment and (self.end is None or moment < self.end)

    @property
    def label(self) -> str:
        return f"{self.start:%H:%M}–{'24:00' if self.end is None else f'{self.end:%H:%M}'}"


def _parse(value: str) -> dt.time | None:
    hours, minutes = (int(part) for part in value.split(":"))
    return None if (hours, minutes) == (24, 0) else dt.time(hours, minutes)


def opening_hours() -> dict[int, list[Period]]:
    """The week's opening hours, weekday (0 = Monday) → periods, from the provider or the setting."""
    provider_path = getattr(settings, "CHAT_OPENING_HOURS_PROVIDER", "")
    raw: Hours = import_string(provider_path)() if provider_path else settings.CHAT_OPENING_HOURS
    week: dict[int, list[Period]] = {day: [] for day in range(7)}
    for day, periods in (raw or {}).items():
        for start, end in periods:
            start_time = _parse(start) or dt.time(0, 0)
            week[int(day)].append(Period(start=start_time, end=_parse(end)))
    for day_periods in week.values():
        day_periods.sort(key=lambda p: p.start)
    return week


def is_open(*, at: dt.datetime | None = None) -> bool:
    """Whether the chat is open at `at` (default: now)."""
    local = timezone.localtime(at or timezone.now(), AMSTERDAM)
    return any(p.contains(local.time()) for p in opening_hours()[local.weekday()])


def week_overview() -> list[tuple[str, list[str]]]:
    """(weekday name, ["14:00–21:00", …]) for Monday to Sunday, for display."""
    week = opening_hours()
    return [(str(WEEKDAYS[day]), [p.label for p in week[day]]) for day in range(7)]
