"""What the moderators' open queue pages hear, through the channel layer (the chat's, see chat/events.py).

Every change to a review (a new item, a claim, a decision, an escalation) is announced after its
transaction commits, so a page never shows something that was rolled back. The page then fetches
its list again, rendered by the server; the event itself carries no words of a post.
"""

from __future__ import annotations

from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

QUEUE_GROUP = "moderation-queue"  # every open queue page


def _send(event: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(QUEUE_GROUP, event)
    except Exception:  # noqa: BLE001 (a layer that is down must not undo a moderator's decision)
        import logging

        logging.getLogger(__name__).warning("could not tell the open queues of a change", exc_info=True)


def queue_changed(*, review_id: int, urgent: bool, created: bool) -> None:
    """A review was created or changed: open queue pages refresh (and announce a new urgent item)."""
    event = {"type": "queue.changed", "review": review_id, "urgent": urgent, "created": created}
    transaction.on_commit(lambda: _send(event))
