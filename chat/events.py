"""What the chat tells connected browsers, through the channel layer.

Services call these after their change is committed (`transaction.on_commit`), so a browser never
hears of something that was rolled back. Group names are the only contract with `consumers.py`.
"""

from __future__ import annotations

from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

QUEUE_GROUP = "chat-queue"  # every young person who waits
CONSOLE_GROUP = "chat-console"  # every open volunteer console


def chat_group(chat_id: int) -> str:
    return f"chat-{chat_id}"


def _send(group: str, event: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(group, event)


def publish(group: str, event: dict[str, Any]) -> None:
    """Send `event` to `group` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: _send(group, event))


def queue_changed() -> None:
    """The queue or the volunteers changed: waiting places and consoles are out of date."""
    publish(QUEUE_GROUP, {"type": "queue.changed"})
    publish(CONSOLE_GROUP, {"type": "console.changed"})


def chat_state_changed(chat_id: int) -> None:
    publish(chat_group(chat_id), {"type": "chat.state"})


def chat_ended(chat_id: int, *, timed_out: bool) -> None:
    publish(chat_group(chat_id), {"type": "chat.ended", "timed_out": timed_out})
