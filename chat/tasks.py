from __future__ import annotations

from celery import shared_task

from chat import services


@shared_task
def end_stale_chats() -> int:
    """Close chats abandoned long ago, so that no message outlives its conversation."""
    return services.chats_end_stale()


@shared_task
def offer_waiting_chats() -> int:
    """The offers' timer: an offer not taken in time goes to a colleague even when nothing else
    happens in the chat meanwhile. Returns how many chats were offered."""
    return len(services.chat_offer_waiting())
