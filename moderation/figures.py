"""Figures for the team: what the forum and the filter did, and how the queue keeps up.

Every figure is a few aggregate queries over indexed columns, so a year of posts stays quick.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from forum.models import Board, Post, Status
from moderation.charts import Chart, Series
from moderation.findings import finding_type
from moderation.models import DailyFindingCount, Review


@dataclass
class Bar:
    label: str
    value: float
    share: float = 0.0  # of the largest value in the chart, 0-100, for the bar's width


@dataclass
class Figures:
    days: int
    posts_per_day: list[Bar] = field(default_factory=list)
    posts_per_board: list[Bar] = field(default_factory=list)
    decisions: list[Bar] = field(default_factory=list)
    removals: list[Bar] = field(default_factory=list)
    queue_length: list[Bar] = field(default_factory=list)
    waiting: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_moderator: list[dict[str, Any]] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)


def _bars(pairs: list[tuple[str, float]]) -> list[Bar]:
    top = max((v for _label, v in pairs), default=0) or 1
    return [Bar(label, value, round(100 * value / top, 1)) for label, value in pairs]


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def team_figures(*, days: int = 30, now: dt.datetime | None = None) -> Figures:
    now = now or timezone.now()
    today = timezone.localdate(now)
    start_day = today - dt.timedelta(days=days - 1)
    since = timezone.make_aware(dt.datetime.combine(start_day, dt.time.min))
    figures = Figures(days=days)

    posts = Post.objects.filter(created_at__gte=since)
    per_day = dict(
        posts.annotate(day=TruncDate("created_at")).values_list("day").annotate(n=Count("id")).order_by()
    )
    figures.posts_per_day = _bars(
        [
            (date_format(d, "D j F"), per_day.get(d, 0))
            for d in (start_day + dt.timedelta(days=i) for i in range(days))
        ]
    )
    per_board = dict(posts.values_list("topic__board").annotate(n=Count("id")).order_by())
    figures.posts_per_board = _bars([(b.name, per_board.get(b.pk, 0)) for b in Board.objects.all()])

    by_status = posts.aggregate(
        published=Count("id", filter=Q(status=Status.PUBLISHED)),
        held=Count("id", filter=Q(status__in=[Status.QUEUED, Status.URGENT])),
        rejected=Count("id", filter=Q(status=Status.REJECTED)),
        pending=Count("id", filter=Q(status=Status.PENDING)),
    )
    held_ever = Review.objects.filter(created_at__gte=since, kind=Review.Kind.HELD).aggregate(
        queued=Count("id", filter=Q(urgent=False)), urgent=Count("id", filter=Q(urgent=True))
    )
    figures.decisions = _bars(
        [
            (_("gepubliceerd"), by_status["published"]),
            (_("vastgehouden (wacht)"), by_status["held"]),
            (_("afgewezen"), by_status["rejected"]),
            (_("ooit in de wachtrij"), held_ever["queued"]),
            (_("ooit urgent"), held_ever["urgent"]),
        ]
    )

    removals = (
        DailyFindingCount.objects.filter(day__gte=start_day)
        .values_list("type")
        .annotate(n=Sum("count"))
        .order_by("-n")
    )
    figures.removals = _bars([(str(finding_type(kind).label), n) for kind, n in removals])

    # Queue length at the end of each day: created by then, not yet decided then (one query).
    ends = [
        timezone.make_aware(dt.datetime.combine(start_day + dt.timedelta(days=i), dt.time.max))
        for i in range(days)
    ]
    lengths = Review.objects.filter(Q(decided_at__isnull=True) | Q(decided_at__gte=since)).aggregate(
        **{
            f"d{i}": Count(
                "id", filter=Q(created_at__lte=end) & (Q(decided_at__isnull=True) | Q(decided_at__gt=end))
            )
            for i, end in enumerate(ends)
        }
    )
    figures.queue_length = _bars(
        [(date_format(end, "D j F"), lengths[f"d{i}"]) for i, end in enumerate(ends)]
    )

    decided = Review.objects.filter(decided_at__gte=since, kind=Review.Kind.HELD).values_list(
        "urgent", "created_at", "decided_at"
    )
    waits: dict[bool, list[float]] = {True: [], False: []}
    for urgent, created, decided_at in decided:
        if decided_at is not None:  # the filter above makes it so; the type does not know
            waits[urgent].append((decided_at - created).total_seconds() / 60)
    for key, label in ((True, _("urgent")), (False, _("wachtrij"))):
        values = sorted(waits[key])
        figures.waiting[label] = {
            "n": len(values),
            "p50": _percentile(values, 50),
            "p90": _percentile(values, 90),
        }

    figures.per_moderator = [
        dict(row)
        for row in Review.objects.filter(decided_at__gte=since, decided_by__isnull=False)
        .annotate(day=TruncDate("decided_at"))
        .values("decided_by__username", "day")
        .annotate(n=Count("id"))
        .order_by("-day", "decided_by__username")[:200]
    ]
    figures.charts = _charts(figures, since=since, start_day=start_day, days=days, now=now) + overview_charts(
        figures, start_day=start_day
    )
    return figures


def _minutes(values: list[float]) -> float:
    return round(statistics.median(values), 1) if values else 0


def _charts(
    figures: Figures, *, since: dt.datetime, start_day: dt.date, days: int, now: dt.datetime
) -> list[Chart]:
    """The charts a team lead reads first, each with its data as a table beside it."""
    charts: list[Chart] = []
    today_start = timezone.make_aware(dt.datetime.combine(timezone.localdate(now), dt.time.min))

    # The queue over today, hour by hour: waiting at the end of each hour (one query).
    hours = [today_start + dt.timedelta(hours=h + 1) for h in range(24)]
    open_at = Review.objects.filter(Q(decided_at__isnull=True) | Q(decided_at__gte=today_start)).aggregate(
        **{
            f"h{h}": Count(
                "id", filter=Q(created_at__lt=end) & (Q(decided_at__isnull=True) | Q(decided_at__gte=end))
            )
            for h, end in enumerate(hours)
        }
    )
    # Waiting time by the hour of the day an item arrived, over the whole period.
    by_hour: dict[int, list[float]] = {h: [] for h in range(24)}
    first: dict[str, list[float]] = {}
    urgent_per_day: dict[dt.date, int] = {}
    for created, decided, first_action, urgent in Review.objects.filter(created_at__gte=since).values_list(
        "created_at", "decided_at", "first_action_at", "urgent"
    ):
        local = timezone.localtime(created)
        if decided is not None:
            by_hour[local.hour].append((decided - created).total_seconds() / 60)
        if urgent:
            urgent_per_day[local.date()] = urgent_per_day.get(local.date(), 0) + 1
            if first_action is not None:
                first.setdefault(str(local.date()), []).append((first_action - created).total_seconds() / 60)
    hour_labels = [f"{h:02d}:00–{(h + 1) % 24:02d}:00" for h in range(24)]
    charts.append(
        Chart(
            key="wachtrij-vandaag",
            title=_("De wachtrij vandaag, per uur"),
            x_label=_("aantal berichten dat wacht aan het eind van het uur"),
            y_label=_("uur"),
            labels=hour_labels[: max(1, timezone.localtime(now).hour + 1)],
            series=[
                Series(_("wachtend"), [open_at[f"h{h}"] for h in range(timezone.localtime(now).hour + 1)])
            ],
        )
    )
    charts.append(
        Chart(
            key="wachttijd-per-uur",
            title=_("Wachttijd per uur van binnenkomst"),
            note=_("mediaan over de gekozen periode"),
            x_label=_("minuten tot een beslissing"),
            y_label=_("binnengekomen"),
            labels=hour_labels,
            series=[Series(_("mediaan (minuten)"), [_minutes(by_hour[h]) for h in range(24)])],
            decimals=1,
            has_data=any(by_hour.values()),
        )
    )
    day_list = [start_day + dt.timedelta(days=i) for i in range(days)][-14:]
    day_labels = [date_format(d, "D j F") for d in day_list]
    charts.append(
        Chart(
            key="urgent",
            title=_("Urgente berichten per dag"),
            note=_("de laatste 14 dagen van de periode"),
            x_label=_("aantal urgente berichten"),
            y_label=_("dag"),
            labels=day_labels,
            series=[Series(_("urgent binnengekomen"), [urgent_per_day.get(d, 0) for d in day_list])],
        )
    )
    charts.append(
        Chart(
            key="eerste-actie",
            title=_("Tijd tot de eerste actie bij urgente berichten"),
            note=_("mediaan: tot een moderator het bericht opende, besliste of doorzette"),
            x_label=_("minuten"),
            y_label=_("dag"),
            labels=day_labels,
            series=[
                Series(_("minuten tot eerste actie"), [_minutes(first.get(str(d), [])) for d in day_list])
            ],
            decimals=1,
            has_data=any(first.get(str(d)) for d in day_list),
        )
    )
    per_moderator: dict[str, int] = {}
    for row in figures.per_moderator:
        per_moderator[row["decided_by__username"]] = (
            per_moderator.get(row["decided_by__username"], 0) + row["n"]
        )
    ranked = sorted(per_moderator.items(), key=lambda kv: (-kv[1], kv[0]))
    charts.append(
        Chart(
            key="per-moderator",
            title=_("Beslissingen per moderator"),
            x_label=_("aantal beslissingen in de periode"),
            y_label=_("moderator"),
            labels=[name for name, _n in ranked],
            series=[Series(_("beslissingen"), [n for _name, n in ranked])],
        )
    )
    charts.append(
        Chart(
            key="weggehaald",
            title=_("Weggehaald per soort"),
            note=_("persoonsgegevens en scheldwoorden"),
            x_label=_("aantal keer weggehaald"),
            y_label=_("soort"),
            labels=[b.label for b in figures.removals],
            series=[Series(_("weggehaald"), [b.value for b in figures.removals])],
        )
    )
    return charts


def _weekly(bars: list[Bar], start_day: dt.date, *, total: bool) -> tuple[list[str], list[float]]:
    """Days as they are up to a month; beyond that, weeks (summed, or the last day's value)."""
    if len(bars) <= 31:
        return [b.label for b in bars], [b.value for b in bars]
    labels, values = [], []
    for i in range(0, len(bars), 7):
        week = bars[i : i + 7]
        labels.append(_("week van %(day)s") % {"day": date_format(start_day + dt.timedelta(days=i), "j F")})
        values.append(sum(b.value for b in week) if total else week[-1].value)
    return labels, values


def overview_charts(figures: Figures, *, start_day: dt.date) -> list[Chart]:
    """The forum's own figures (posts, decisions, queue length per day) as charts."""
    day_labels, day_values = _weekly(figures.posts_per_day, start_day, total=True)
    queue_labels, queue_values = _weekly(figures.queue_length, start_day, total=False)
    return [
        Chart(
            key="per-dag",
            title=_("Berichten per dag"),
            x_label=_("aantal berichten"),
            y_label=_("dag") if len(figures.posts_per_day) <= 31 else _("week"),
            labels=day_labels,
            series=[Series(_("berichten"), day_values)],
        ),
        Chart(
            key="per-forum",
            title=_("Berichten per forum"),
            x_label=_("aantal berichten"),
            y_label=_("forum"),
            labels=[b.label for b in figures.posts_per_board],
            series=[Series(_("berichten"), [b.value for b in figures.posts_per_board])],
        ),
        Chart(
            key="beslissingen",
            title=_("Geplaatst en vastgehouden"),
            x_label=_("aantal berichten"),
            y_label=_("wat er gebeurde"),
            labels=[b.label for b in figures.decisions],
            series=[Series(_("berichten"), [b.value for b in figures.decisions])],
        ),
        Chart(
            key="wachtrij-per-dag",
            title=_("Lengte van de wachtrij aan het eind van de dag"),
            x_label=_("aantal berichten dat wacht"),
            y_label=_("dag") if len(figures.queue_length) <= 31 else _("week (laatste dag)"),
            labels=queue_labels,
            series=[Series(_("wachtend"), queue_values)],
        ),
    ]
