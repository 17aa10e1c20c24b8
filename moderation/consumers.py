"""The live queue: an open queue page hears that something changed and fetches its list again."""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from moderation.events import QUEUE_GROUP

CLOSE_FORBIDDEN = 4403


def _may_moderate(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.has_perm("moderation.moderate"))


class QueueConsumer(AsyncJsonWebsocketConsumer):
    """Only moderators may listen; what they hear is an item's id and whether it is urgent."""

    async def connect(self) -> None:
        if not await database_sync_to_async(_may_moderate, thread_sensitive=False)(self.scope.get("user")):
            await self.close(code=CLOSE_FORBIDDEN)
            return
        await self.channel_layer.group_add(QUEUE_GROUP, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        await self.channel_layer.group_discard(QUEUE_GROUP, self.channel_name)

    async def queue_changed(self, event: dict[str, Any]) -> None:
        await self.send_json(
            {
                "type": "changed",
                "review": event["review"],
                "urgent": event["urgent"],
                "created": event["created"],
            }
        )
