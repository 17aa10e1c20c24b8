"""Listening to the forum: a submitted post is queued for screening."""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger(__name__)


def screen_submitted_post(sender: object, *, post_id: int, **kwargs: object) -> None:
    from moderation.tasks import screen_post

    try:
        screen_post.delay(post_id)
    except Exception as exc:  # broker unreachable: the post stays pending; the sweep task retries it
        logger.error("could not queue post %s for screening (%s: %s)", post_id, type(exc).__name__, exc)


def review_reported_post(sender: object, *, post_id: int, **kwargs: object) -> None:
    from forum.models import Post
    from moderation.actions import review_for_report

    post = Post.objects.filter(pk=post_id).first()
    if post is not None:
        review_for_report(post=post)


FORMER_MEMBER = "oud-lid"


def forget_member(sender: object, *, member_id: int, nickname: str, **kwargs: object) -> None:
    """An account is being deleted: its nickname leaves the audit log; every decision stays, under
    "oud-lid" (who decided, what, when and why are kept; not whom it concerned by name)."""
    from moderation.models import AuditEntry

    # .update(), not save(): entries are never edited otherwise (AuditEntry.save refuses).
    AuditEntry.objects.filter(actor_id=member_id).update(actor_name=FORMER_MEMBER)
    AuditEntry.objects.filter(member_name=nickname).update(member_name=FORMER_MEMBER)


def announce_review_change(sender: object, *, instance: Any, created: bool, **kwargs: object) -> None:
    """Every saved review (new, claimed, decided, escalated) reaches the open queue pages, live."""
    from moderation.events import queue_changed

    queue_changed(review_id=instance.pk, urgent=instance.urgent, created=created)
