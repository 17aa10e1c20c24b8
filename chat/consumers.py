"""WebSocket consumers: thin, they identify the connection and call services and selectors.

Messages from the browser: {"type": "message", "text": …, "client_id": …}, {"type": "typing"}, and
from a waiting young person {"type": "refresh"}. To the browser: "state", "message", "typing",
"ended" and "error". A browser that reconnects passes `?after=<last message id>` and gets what it
missed; it resends unsent messages with the same client_id, which are stored once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.core.exceptions import ValidationError

from chat import events, selectors, services
from chat.models import Chat, ChatStatus, Sender

CLOSE_ENDED = 4000
CLOSE_FORBIDDEN = 4403


def _in_pool(func: Callable[..., Any]) -> Callable[..., Any]:
    """Run `func` (short database work, no thread affinity needed) in the thread pool rather than
    the one thread that sync code shares by default, which would make every chat of the process
    wait in one line (see chat/bench.py)."""
    return database_sync_to_async(func, thread_sensitive=False)


class _ConversationConsumer(AsyncJsonWebsocketConsumer):
    role: str = ""
    chat_id: int | None = None
    group_names: list[str]

    async def identify(self) -> tuple[int | None, str]:
        raise NotImplementedError

    async def connect(self) -> None:
        self.group_names = []
        self.chat_id, self.role = await self.identify()
        if not self.role:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        await self.accept()
        if self.chat_id is None:  # a young person whose chat has ended meanwhile
            await self.send_json(selectors.chat_state(chat=None).as_event())
            await self.close(code=CLOSE_ENDED)
            return
        self.group_names = [events.chat_group(self.chat_id)]
        if self.role == Sender.YOUNG_PERSON:
            self.group_names.append(events.QUEUE_GROUP)
        for group in self.group_names:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.send_state()
        for message in await _in_pool(selectors.chat_messages)(chat_id=self.chat_id, after=self._after()):
            await self.send_json({"type": "message", **message})

    def _after(self) -> int:
        query = parse_qs(self.scope.get("query_string", b"").decode())
        value = (query.get("after") or ["0"])[0]
        return int(value) if value.isdigit() else 0

    async def disconnect(self, code: int) -> None:
        for group in self.group_names:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def send_state(self) -> None:
        """Volunteers know the state from their page; the young person's page follows it live."""

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if not isinstance(content, dict) or self.chat_id is None:
            return
        kind = content.get("type")
        if kind == "message" and self.role in (Sender.YOUNG_PERSON, Sender.VOLUNTEER):
            try:
                message, is_new = await _in_pool(services.message_post)(
                    chat_id=self.chat_id,
                    sender=self.role,
                    text=str(content.get("text", "")),
                    client_id=str(content.get("client_id", "")),
                )
            except ValidationError as error:
                # The client id lets the browser put the refused text back in the box.
                await self.send_json(
                    {
                        "type": "error",
                        "text": " ".join(error.messages),
                        "code": error.code or "",
                        "client_id": str(content.get("client_id", "")),
                    }
                )
            else:
                if is_new:
                    await self.channel_layer.group_send(
                        events.chat_group(self.chat_id),
                        {"type": "chat.message", "message": selectors.message_payload(message)},
                    )
        elif kind == "typing" and self.role in (Sender.YOUNG_PERSON, Sender.VOLUNTEER):
            await self.channel_layer.group_send(
                events.chat_group(self.chat_id),
                {"type": "chat.typing", "sender": self.role, "from": self.channel_name},
            )
        elif kind == "refresh" and self.role == Sender.YOUNG_PERSON:
            await _in_pool(services.chat_touch)(chat_id=self.chat_id)
            await _in_pool(services.chat_offer_waiting)()
            await self.send_state()

    # Group events (see chat/events.py).

    async def chat_message(self, event: dict[str, Any]) -> None:
        await self.send_json({"type": "message", **event["message"]})

    async def chat_typing(self, event: dict[str, Any]) -> None:
        if event["from"] != self.channel_name and event["sender"] != self.role:
            await self.send_json({"type": "typing", "sender": event["sender"]})

    async def chat_state(self, event: dict[str, Any]) -> None:
        await self.send_state()

    async def queue_changed(self, event: dict[str, Any]) -> None:
        await self.send_state()

    async def chat_ended(self, event: dict[str, Any]) -> None:
        await self.send_json(
            {"type": "ended", "timed_out": event["timed_out"] and self.role == Sender.YOUNG_PERSON}
        )
        await self.close(code=CLOSE_ENDED)


class YoungPersonConsumer(_ConversationConsumer):
    """The young person's side: the chat tied to the random token in their browser session."""

    _last_state: dict[str, Any] | None = None

    @_in_pool
    def identify(self) -> tuple[int | None, str]:
        token = self.scope["session"].get("chat_token")
        chat = selectors.chat_for_token_hash(token_hash=services.token_hash(token)) if token else None
        return (chat.pk if chat else None), Sender.YOUNG_PERSON

    async def send_state(self) -> None:
        state = await _in_pool(self._state)()
        if state != self._last_state:  # queue events reach every waiting person; say only what changed
            self._last_state = state
            await self.send_json(state)

    def _state(self) -> dict[str, Any]:
        chat = Chat.objects.filter(pk=self.chat_id).first() if self.chat_id else None
        return selectors.chat_state(chat=chat).as_event()


class VolunteerConsumer(_ConversationConsumer):
    """A volunteer's side of one chat, or a colleague watching along (read only)."""

    async def queue_changed(self, event: dict[str, Any]) -> None:
        """Volunteers are not in the queue group."""

    @_in_pool
    def identify(self) -> tuple[int | None, str]:
        user = self.scope["user"]
        chat_id = self.scope["url_route"]["kwargs"]["chat_id"]
        if not selectors.is_volunteer(user):
            return None, ""
        chat = Chat.objects.filter(pk=chat_id, status=ChatStatus.ACTIVE).first()
        if chat is None:  # ended meanwhile: the page is told so
            return None, Sender.VOLUNTEER
        if chat.volunteer_id == user.pk:
            return chat.pk, Sender.VOLUNTEER
        if chat.watcher_id == user.pk:
            return chat.pk, "watcher"
        return None, ""


class ConsoleConsumer(AsyncJsonWebsocketConsumer):
    """Tells an open volunteer console that the queue, its offers or its chats changed."""

    async def connect(self) -> None:
        if not await _in_pool(selectors.is_volunteer)(self.scope["user"]):
            await self.close(code=CLOSE_FORBIDDEN)
            return
        await self.channel_layer.group_add(events.CONSOLE_GROUP, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        await self.channel_layer.group_discard(events.CONSOLE_GROUP, self.channel_name)

    async def console_changed(self, event: dict[str, Any]) -> None:
        await self.send_json({"type": "changed"})
