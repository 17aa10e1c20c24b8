"""Celery tasks: they take ids, load, and call a service."""

from __future__ import annotations

import datetime as dt
import logging

from celery import shared_task
from django.utils import timezone

from forum.models import Post, Status
from moderation.services import post_screen

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=5, default_retry_delay=10)
def screen_post(self, post_id: int) -> str | None:  # type: ignore[no-untyped-def]
    """Screen one pending post. Retries with a growing countdown on failure."""
    try:
        post = post_screen(post_id=post_id)
    except Exception as exc:  # a database or filter fault: try again later; the post stays pending
        logger.warning("screening post %s failed (%s); retrying", post_id, type(exc).__name__)
        raise self.retry(exc=exc, countdown=10 * (self.request.retries + 1)) from exc
    return post.status if post else None


@shared_task
def screen_stale_pending_posts(older_than_seconds: int = 120) -> int:
    """Queue posts still pending after `older_than_seconds` (a lost message, a broker outage)."""
    cutoff = timezone.now() - dt.timedelta(seconds=older_than_seconds)
    ids = list(
        Post.objects.filter(status=Status.PENDING, created_at__lt=cutoff).values_list("pk", flat=True)[:500]
    )
    for post_id in ids:
        screen_post.delay(post_id)
    return len(ids)


@shared_task
def apply_retention() -> dict[str, int]:
    """Delete what the retention settings say may no longer be kept (run daily by beat)."""
    from moderation.retention import retention_apply

    return retention_apply()
