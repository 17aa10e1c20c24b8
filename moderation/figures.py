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

from forum.models import Board, Post, Status
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
        [(f"{d:%d-%m}", per_day.get(d, 0)) for d in (start_day + dt.timedelta(days=i) for i in range(days))]
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
            ("gepubliceerd", by_status["published"]),
            ("vastgehouden (wacht)", by_status["held"]),
            ("afgewezen", by_status["rejected"]),
            ("ooit in de wachtrij", held_ever["queued"]),
            ("ooit urgent", held_ever["urgent"]),
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
    figures.queue_length = _bars([(f"{end:%d-%m}", lengths[f"d{i}"]) for i, end in enumerate(ends)])

    decided = Review.objects.filter(decided_at__gte=since, kind=Review.Kind.HELD).values_list(
        "urgent", "created_at", "decided_at"
    )
    waits: dict[bool, list[float]] = {True: [], False: []}
    for urgent, created, decided_at in decided:
        if decided_at is not None:  # the filter above makes it so; the type does not know
            waits[urgent].append((decided_at - created).total_seconds() / 60)
    for key, label in ((True, "urgent"), (False, "wachtrij")):
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
    return figures
