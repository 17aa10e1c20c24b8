"""Opening hours come from the settings or a provider named in them, in Amsterdam time."""

from __future__ import annotations

import datetime as dt

from chat import hours
from chat.hours import AMSTERDAM

WEEKDAYS_AFTERNOON = {day: [("14:00", "21:00")] for day in range(5)}


def weekend_only() -> dict[int, list[tuple[str, str]]]:
    return {5: [("10:00", "24:00")], 6: [("10:00", "12:00"), ("19:00", "22:00")]}


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A moment in the week of Monday 2 March 2026, Amsterdam time."""
    return dt.datetime(2026, 3, 2 + day, hour, minute, tzinfo=AMSTERDAM)


def test_chat_is_open_from_the_first_minute_until_closing_time(settings):
    settings.CHAT_OPENING_HOURS = WEEKDAYS_AFTERNOON
    assert not hours.is_open(at=at(0, 13, 59))
    assert hours.is_open(at=at(0, 14, 0))
    assert hours.is_open(at=at(4, 20, 59))
    assert not hours.is_open(at=at(4, 21, 0))
    assert not hours.is_open(at=at(5, 15, 0))  # Saturday


def test_amsterdam_time_counts_not_utc(settings):
    settings.CHAT_OPENING_HOURS = WEEKDAYS_AFTERNOON
    # 13:30 UTC is 14:30 in Amsterdam in winter.
    assert hours.is_open(at=dt.datetime(2026, 3, 2, 13, 30, tzinfo=dt.UTC))


def test_a_provider_named_in_the_settings_gives_the_hours(settings):
    settings.CHAT_OPENING_HOURS_PROVIDER = "tests.chat.test_hours.weekend_only"
    assert not hours.is_open(at=at(0, 15, 0))
    assert hours.is_open(at=at(5, 23, 59))
    assert hours.is_open(at=at(6, 11, 0))
    assert not hours.is_open(at=at(6, 15, 0))
    assert hours.week_overview()[6] == ("zondag", ["10:00–12:00", "19:00–22:00"])
    assert hours.week_overview()[5] == ("zaterdag", ["10:00–24:00"])
