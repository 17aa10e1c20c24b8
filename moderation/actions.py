"""What moderators do. Each action has a `check_*` that authorises and validates, and a `do_*`
that changes the data and writes the audit line (after Zulip's zerver/actions)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forum import services as forum_services
from forum.models import Member, Post, RejectReason, Report, Status
from moderation import selectors
from moderation.audit import audit_record
from moderation.models import AuditEntry, Review, Strike
from moderation.services import text_screen


def check_moderator(user: Member) -> None:
    if not (user.is_active and user.has_perm("moderation.moderate")):
        raise PermissionDenied(_("Alleen moderatoren kunnen dit doen."))


def check_can_decide(*, review: Review, moderator: Member) -> None:
    """A moderator may decide an open item no colleague has claimed; escalated items need a senior."""
    check_moderator(moderator)
    if review.state == Review.State.DECIDED:
        raise ValidationError(_("Dit item is al afgehandeld."), code="decided")
    if review.state == Review.State.ESCALATED and not moderator.has_perm("moderation.moderate_escalated"):
        raise PermissionDenied(_("Dit item is doorgezet naar een senior moderator."))
    if review.claimed_by_other(moderator.pk):
        raise ValidationError(
            _("%(name)s is hier al mee bezig.")
            % {"name": review.claimed_by.username if review.claimed_by else "?"},
            code="claimed",
        )


def _lock(review: Review) -> Review:
    return (
        Review.objects.select_for_update(of=("self",))
        .select_related("post", "post__topic", "post__author")
        .get(pk=review.pk)
    )


def do_claim(*, review: Review, moderator: Member) -> Review:
    """Claim an item for MODERATION_CLAIM_MINUTES so that colleagues pass it by."""
    with transaction.atomic():
        review = _lock(review)
        check_can_decide(review=review, moderator=moderator)
        now = timezone.now()
        review.claimed_by = moderator
        review.claimed_until = now + dt.timedelta(minutes=settings.MODERATION_CLAIM_MINUTES)
        review.first_action_at = review.first_action_at or now
        review.save(update_fields=["claimed_by", "claimed_until", "first_action_at"])
    return review


def _close(review: Review, moderator: Member, outcome: str, *, reject_reason: str = "") -> None:
    review.state = Review.State.DECIDED
    review.outcome = outcome
    review.reject_reason = reject_reason
    review.decided_by = moderator
    review.decided_at = timezone.now()
    review.first_action_at = review.first_action_at or review.decided_at
    review.claimed_by = None
    review.claimed_until = None
    review.save()
    # Other open items about the same post are settled by the same decision.
    Review.objects.filter(post=review.post, state__in=[Review.State.OPEN, Review.State.ESCALATED]).exclude(
        pk=review.pk
    ).update(state=Review.State.DECIDED, outcome=outcome, decided_by=moderator, decided_at=review.decided_at)
    Report.objects.filter(post=review.post, resolved_at__isnull=True).update(resolved_at=review.decided_at)


def do_publish(*, review: Review, moderator: Member, edited_text: str | None = None) -> Review:
    """Publish the post as filtered, or as the moderator edited it (filtered again for personal data).

    For a reported post, publishing means: the reports are dismissed and the post stays.
    """
    with transaction.atomic():
        review = _lock(review)
        check_can_decide(review=review, moderator=moderator)
        post = review.post
        if edited_text is not None:
            edited_text = forum_services.text_clean(
                edited_text, max_length=settings.FORUM_POST_MAX_LENGTH, what=_("bericht")
            )
            text = text_screen(edited_text).published_text
            outcome, action = Review.Outcome.EDITED, AuditEntry.Action.EDITED
        else:
            text = post.body
            outcome, action = Review.Outcome.PUBLISHED, AuditEntry.Action.PUBLISHED
        if review.kind == Review.Kind.REPORTED and edited_text is None:
            outcome, action = Review.Outcome.KEPT, AuditEntry.Action.KEPT
        forum_services.post_publish(post=post, text=text)
        _close(review, moderator, outcome)
        audit_record(action=action, actor=moderator, post=post, summary=review.get_kind_display())
    return review


def check_reject(*, review: Review, reason: str, followup: str) -> None:
    """A reason from the list; and an urgent item is never closed without its follow-up recorded."""
    if reason not in RejectReason.values:
        raise ValidationError(_("Kies een reden."), code="reason")
    if followup and followup not in Review.FollowUp.values:
        raise ValidationError(_("Kies hoe het is opgevolgd."), code="followup")
    if review.urgent and not (followup or review.followup):
        raise ValidationError(
            _(
                "Dit is een urgent bericht. Kies eerst wat er voor de schrijver is gedaan "
                "(chat aangeboden, contact gelegd, doorgegeven aan een senior)."
            ),
            code="followup_needed",
        )


def do_reject(
    *, review: Review, moderator: Member, reason: str, warn: bool = False, followup: str = ""
) -> Review:
    """Reject the post with `reason`, the writer sees why; optionally give its writer a warning.

    For an urgent item `followup` (what was done for the writer) is required unless it was recorded.
    """
    with transaction.atomic():
        review = _lock(review)
        check_reject(review=review, reason=reason, followup=followup)
        check_can_decide(review=review, moderator=moderator)
        post = review.post
        if followup:
            review.followup = followup
            review.followup_at = timezone.now()
        forum_services.post_reject(post=post, reason=reason)
        _close(review, moderator, Review.Outcome.REJECTED, reject_reason=reason)
        audit_record(
            action=AuditEntry.Action.REJECTED,
            actor=moderator,
            post=post,
            summary=RejectReason(reason).label[:300],
            details={"reason": reason, "warning": warn},
        )
        if followup:
            audit_record(
                action=AuditEntry.Action.FOLLOWED_UP,
                actor=moderator,
                post=post,
                summary=str(Review.FollowUp(followup).label),
            )
        if warn and post.author is not None:
            do_warn(member=post.author, moderator=moderator, reason=reason, review=review)
    return review


def do_escalate(*, review: Review, moderator: Member) -> Review:
    with transaction.atomic():
        review = _lock(review)
        check_can_decide(review=review, moderator=moderator)
        review.state = Review.State.ESCALATED
        review.escalated_at = timezone.now()
        review.first_action_at = review.first_action_at or review.escalated_at
        review.claimed_by = None
        review.claimed_until = None
        review.save(update_fields=["state", "escalated_at", "first_action_at", "claimed_by", "claimed_until"])
        audit_record(action=AuditEntry.Action.ESCALATED, actor=moderator, post=review.post)
    return review


def check_followup(*, review: Review, moderator: Member, followup: str) -> None:
    check_moderator(moderator)
    if not review.urgent:
        raise ValidationError(_("Alleen urgente items hebben een opvolging."), code="not_urgent")
    if followup not in Review.FollowUp.values:
        raise ValidationError(_("Kies hoe het is opgevolgd."), code="followup")


def do_followup(*, review: Review, moderator: Member, followup: str) -> Review:
    """Record that an urgent item was followed up (for example: the writer was contacted in the chat)."""
    check_followup(review=review, moderator=moderator, followup=followup)
    review.followup = followup
    review.followup_at = timezone.now()
    review.save(update_fields=["followup", "followup_at"])
    audit_record(
        action=AuditEntry.Action.FOLLOWED_UP,
        actor=moderator,
        post=review.post,
        summary=str(Review.FollowUp(followup).label),
    )
    return review


def active_strikes(member: Member, now: dt.datetime | None = None):  # type: ignore[no-untyped-def]
    return Strike.objects.filter(member=member, expires_at__gt=now or timezone.now())


def do_warn(*, member: Member, moderator: Member, reason: str, review: Review | None = None) -> Strike:
    """Give a warning. Too many within a year (settings) block the account."""
    kind = (
        Strike.Kind.CONTACT
        if reason in (RejectReason.PERSONAL_DATA, RejectReason.MEET_UP)
        else Strike.Kind.BEHAVIOUR
    )
    now = timezone.now()
    strike = Strike.objects.create(
        member=member,
        review=review,
        kind=kind,
        reason=reason,
        given_by=moderator,
        created_at=now,
        expires_at=now + dt.timedelta(days=settings.MODERATION_STRIKE_DAYS),
    )
    audit_record(
        action=AuditEntry.Action.WARNED, actor=moderator, member=member, summary=strike.get_kind_display()
    )
    strikes = active_strikes(member, now)
    contact = strikes.filter(kind=Strike.Kind.CONTACT).count()
    if (
        strikes.count() >= settings.MODERATION_STRIKES_TO_BLOCK
        or contact >= settings.MODERATION_CONTACT_STRIKES_TO_BLOCK
    ):
        forum_services.member_block(member=member)
        audit_record(
            action=AuditEntry.Action.BLOCKED,
            actor=moderator,
            member=member,
            summary=_("%(n)d waarschuwingen binnen een jaar") % {"n": strikes.count()},
        )
    return strike


def do_time_out(*, member: Member, moderator: Member, days: int) -> Member:
    """Block posting for `days` days; reading, the chat and the crisis numbers stay."""
    check_moderator(moderator)
    if not 1 <= days <= 365:
        raise ValidationError(_("Kies een time-out van 1 tot 365 dagen."), code="days")
    until = timezone.now() + dt.timedelta(days=days)
    forum_services.member_time_out(member=member, until=until)
    audit_record(
        action=AuditEntry.Action.TIMED_OUT,
        actor=moderator,
        member=member,
        summary=_("%(n)d dagen") % {"n": days},
    )
    return member


def review_for_report(*, post: Post) -> Review | None:
    """After a member reported `post`: make sure it is in the queue, and hide it once enough members did."""
    with transaction.atomic():
        post = Post.objects.select_for_update().select_related("topic").get(pk=post.pk)
        open_reports = Report.objects.filter(post=post, resolved_at__isnull=True)
        if not open_reports.exists():
            return None
        review = (
            Review.objects.filter(post=post, kind=Review.Kind.REPORTED)
            .exclude(state=Review.State.DECIDED)
            .first()
        )
        if review is None:
            review = Review.objects.create(post=post, board_id=post.topic.board_id, kind=Review.Kind.REPORTED)
            reporter = open_reports.order_by("-created_at").select_related("reporter").first()
            audit_record(
                action=AuditEntry.Action.REPORTED,
                actor=reporter.reporter if reporter else None,
                actor_name=_("een lid"),
                post=post,
                summary=str(open_reports.count()),
            )
        if (
            post.status == Status.PUBLISHED
            and selectors.post_report_weight(post=post) >= settings.MODERATION_REPORTS_TO_HIDE
        ):
            forum_services.post_hide(post=post)
            audit_record(
                action=AuditEntry.Action.HIDDEN,
                actor_name=_("automatisch"),
                post=post,
                summary=_("%(n)d meldingen") % {"n": open_reports.count()},
            )
    return review
