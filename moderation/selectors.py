"""What moderators read: the queue in order of danger, an item with its context, the audit trail."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from forum.models import Member, Post, Report
from moderation.models import AuditEntry, ModeratorPreference, Review, Screening, Strike

OPEN_STATES = (Review.State.OPEN, Review.State.ESCALATED)


@dataclass(frozen=True)
class QueueCursor:
    """Keyset position in the queue's order: urgent first, then oldest first."""

    urgent: bool
    at: dt.datetime
    id: int

    def encode(self) -> str:
        return f"{int(self.urgent)}_{self.at.timestamp():.6f}_{self.id}"

    @classmethod
    def decode(cls, raw: str | None) -> QueueCursor | None:
        if not raw:
            return None
        try:
            urgent, stamp, ident = raw.split("_")
            return cls(urgent == "1", dt.datetime.fromtimestamp(float(stamp), tz=dt.UTC), int(ident))
        except (ValueError, OverflowError, OSError):
            return None


def skipped_board_ids(*, moderator: Member) -> list[int]:
    pref = ModeratorPreference.objects.filter(moderator=moderator).first()
    return list(pref.skipped_boards.values_list("pk", flat=True)) if pref else []


REPORTED_CATEGORY = "gemeld"  # the queue's filter value for items members reported


def queue_page(
    *,
    moderator: Member,
    state: str,
    after: QueueCursor | None,
    limit: int = 50,
    category: str = "",
    board_id: int | None = None,
) -> tuple[list[Review], QueueCursor | None]:
    """One page of the queue. Boards the moderator skips are left out, except urgent items.

    `category` keeps the items held for that reason (a finding type, or "gemeld" for reports);
    `board_id` the items of one board.
    """
    reviews = Review.objects.filter(state=state).select_related(
        "post", "post__author", "post__topic", "board", "claimed_by"
    )
    if category == REPORTED_CATEGORY:
        reviews = reviews.filter(kind=Review.Kind.REPORTED)
    elif category:
        reviews = reviews.filter(categories__contains=f"|{category}|")
    if board_id is not None:
        reviews = reviews.filter(board_id=board_id)
    skipped = skipped_board_ids(moderator=moderator)
    if skipped:
        reviews = reviews.exclude(Q(board_id__in=skipped) & Q(urgent=False))
    if after is not None:
        later = Q(created_at__gt=after.at) | Q(created_at=after.at, id__gt=after.id)
        reviews = reviews.filter(Q(urgent__lt=after.urgent) | (Q(urgent=after.urgent) & later))
    page = list(reviews.order_by("-urgent", "created_at", "id")[: limit + 1])
    if len(page) > limit:
        page = page[:limit]
        last = page[-1]
        return page, QueueCursor(last.urgent, last.created_at, last.pk)
    return page, None


def queue_counts() -> dict[str, int]:
    """Waiting items by kind, for the admin menu and the queue's tabs (one query)."""
    return Review.objects.filter(state__in=OPEN_STATES).aggregate(
        urgent=Count("id", filter=Q(urgent=True, state=Review.State.OPEN)),
        open=Count("id", filter=Q(state=Review.State.OPEN)),
        escalated=Count("id", filter=Q(state=Review.State.ESCALATED)),
        reported=Count("id", filter=Q(kind=Review.Kind.REPORTED)),
    )


@dataclass(frozen=True)
class ReviewContext:
    review: Review
    screenings: list[Screening]
    history: list[Post]
    strikes: list[Strike]
    age: int | None
    report_reasons: dict[str, int]
    sensitive_ids: frozenset[int] = frozenset()  # history posts that were urgent or reported: blurred


def review_context(*, review: Review) -> ReviewContext:
    """An item with what a moderator needs to decide it at a glance."""
    post = review.post
    author = post.author
    history: list[Post] = []
    strikes: list[Strike] = []
    if author is not None:
        history = list(
            Post.objects.filter(author=author)
            .exclude(pk=post.pk)
            .select_related("topic")
            .order_by("-created_at")[:8]
        )
        strikes = list(
            Strike.objects.filter(member=author, expires_at__gt=timezone.now()).order_by("-created_at")
        )
    labels = dict(Report.Reason.choices)
    reasons = {
        str(labels.get(reason, reason)): n
        for reason, n in post.reports.filter(resolved_at__isnull=True)
        .values_list("reason")
        .annotate(n=Count("id"))
        .order_by()
    }
    sensitive = (
        frozenset(
            Review.objects.filter(post__in=[p.pk for p in history])
            .filter(Q(urgent=True) | Q(kind=Review.Kind.REPORTED))
            .values_list("post_id", flat=True)
        )
        if history
        else frozenset()
    )
    return ReviewContext(
        review=review,
        screenings=list(post.screenings.order_by("part", "created_at")),
        history=history,
        strikes=strikes,
        age=author.current_age() if author else None,
        report_reasons=reasons,
        sensitive_ids=sensitive,
    )


def audit_search(
    *, query: str = "", action: str = "", before_id: int | None = None, limit: int = 50
) -> tuple[list[AuditEntry], int | None]:
    """The audit trail, newest first, filtered by a nickname / post number and an action."""
    entries: QuerySet[AuditEntry] = AuditEntry.objects.all()
    query = query.strip()
    if query:
        match = Q(actor_name__iexact=query) | Q(member_name__iexact=query)
        if query.lstrip("#").isdigit():
            match |= Q(post_id_ref=int(query.lstrip("#")))
        entries = entries.filter(match)
    if action:
        entries = entries.filter(action=action)
    if before_id:
        entries = entries.filter(id__lt=before_id)
    page = list(entries.order_by("-id")[: limit + 1])
    if len(page) > limit:
        page = page[:limit]
        return page, page[-1].pk
    return page, None


def member_strikes(*, member: Member) -> QuerySet[Strike]:
    return Strike.objects.filter(member=member, expires_at__gt=timezone.now()).order_by("-created_at")


def reporter_weight(*, reporter: Member | None, now: dt.datetime | None = None) -> int:
    """How much a member's report counts towards hiding a post (settings.MODERATION_REPORT_TRUST).

    0 for an account younger than `min_account_days`, or without `min_published_posts` published
    posts and without an earlier report a moderator upheld: such a report reaches the moderators
    but never hides a post (three fresh accounts could otherwise hide anything). 1 for a member with
    a track record; `upheld_weight` for one with `upheld_reports_for_more_weight` upheld reports.
    A report is upheld when the moderator rejected the post it was about.
    """
    from django.conf import settings

    from forum.models import Report, Status

    if reporter is None:
        return 0
    rule = settings.MODERATION_REPORT_TRUST
    now = now or timezone.now()
    if reporter.date_joined > now - dt.timedelta(days=rule["min_account_days"]):
        return 0
    upheld = Report.objects.filter(
        reporter=reporter, resolved_at__isnull=False, post__status=Status.REJECTED
    ).count()
    if upheld >= rule["upheld_reports_for_more_weight"]:
        return int(rule["upheld_weight"])
    if (
        upheld
        or Post.objects.filter(author=reporter, status=Status.PUBLISHED).count()
        >= rule["min_published_posts"]
    ):
        return 1
    return 0


def post_report_weight(*, post: Post) -> int:
    """The weight of the open reports of `post`: the sum of its reporters' weights."""
    from forum.models import Report

    reports = Report.objects.filter(post=post, resolved_at__isnull=True).select_related("reporter")
    return sum(reporter_weight(reporter=r.reporter) for r in reports)


@dataclass(frozen=True)
class QueueSummary:
    urgent: int
    waiting: int
    oldest: dt.datetime | None
    my_claims: int


def queue_summary(*, moderator: Member, now: dt.datetime | None = None) -> QueueSummary:
    """What a moderator's admin home says first: urgent waiting, the oldest wait, their own claims."""
    now = now or timezone.now()
    open_items = Review.objects.filter(state__in=OPEN_STATES)
    figures = open_items.aggregate(
        urgent=Count("id", filter=Q(urgent=True)),
        waiting=Count("id"),
        mine=Count("id", filter=Q(claimed_by=moderator, claimed_until__gt=now)),
    )
    oldest = open_items.order_by("created_at").values_list("created_at", flat=True).first()
    return QueueSummary(figures["urgent"], figures["waiting"], oldest, figures["mine"])
