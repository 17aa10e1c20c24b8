from __future__ import annotations

from celery import shared_task

from chat import services


@shared_task
def end_stale_chats() -> int:
    """Close chats abandoned long ago, so that no message outlives its conversation."""
    return services.chats_end_stale()
