"""WebSocket consumers: thin, they identify the connection and call services and selectors.

Messages from the browser: {"type": "message", "text": …, "client_id": …}, {"type": "typing"}, and
from a waiting young person {"type": "refresh"}. To the browser: "state", "message", "typing",
"ended" and "error". A browser that reconnects passes `?after=<last message id>` and gets what it
missed; it resends unsent messages with the same client_id, which are stored once.
"""

from __future__ import annotations

import asyncio
import functools
import math
import time
from collections import deque
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from chat import events, selectors, services
from chat.models import Chat, ChatStatus, Sender
from chat.writer import writer

CLOSE_ENDED = 4000
CLOSE_FORBIDDEN = 4403


def _in_pool(func: Callable[..., Any]) -> Callable[..., Any]:
    """Run `func` (short database work, no thread affinity needed) in the thread pool rather than
    the one thread that sync code shares by default, which would make every chat of the process
    wait in one line (see chat/bench.py)."""
    return database_sync_to_async(func, thread_sensitive=False)


class _LeanEvents:
    """How Channels hands events to a consumer, with less work per event (the chat's consumers).

    - Channels (4.2 and later) closes stale database connections before every event, through
      `sync_to_async(close_old_connections)`: in the one thread that sync code shares. Three events
      per chat message (the sender's frame, then the message at both sides) made every chat of the
      process queue for that thread (py-spy: 13 % of a loaded server's samples, docs/benchmarks.md).
      These consumers reach the database only through `database_sync_to_async`, which closes stale
      connections itself, in the thread that uses them, before and after each call; so it is left out.
    - Channels' `await_many_dispatch` starts a task for the next receive and waits on both sources
      with `asyncio.wait` after every event (15 % of the samples). Here each source has one loop of
      its own that receives, then dispatches under a lock: the same order and the same one event in
      flight per source, events still handled one at a time, without a task or a wait per event.
    - When a socket closes, the same: no `aclose_old_connections()` (`websocket_disconnect`).
    """

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        self.scope = scope
        self.channel_layer = get_channel_layer(self.channel_layer_alias)  # type: ignore[attr-defined]
        self.base_send = send
        sources = [receive]
        if self.channel_layer is not None:
            self.channel_name = await self.channel_layer.new_channel()
            sources.append(functools.partial(self.channel_layer.receive, self.channel_name))
        one_at_a_time = asyncio.Lock()

        async def pump(source: Callable[[], Any]) -> None:
            while True:
                message = await source()
                async with one_at_a_time:
                    await self.dispatch(message)

        pumps = [asyncio.ensure_future(pump(source)) for source in sources]
        try:
            done, _ = await asyncio.wait(pumps, return_when=asyncio.FIRST_EXCEPTION)
            for task in done:
                task.result()  # StopConsumer ends the consumer; anything else is raised
        except StopConsumer:
            pass
        finally:
            for task in pumps:
                task.cancel()
            await asyncio.gather(*pumps, return_exceptions=True)

    async def websocket_disconnect(self, message: dict[str, Any]) -> None:
        """As Channels' own, without its `aclose_old_connections()` in the shared thread: when many
        sockets close at once (a step of `make bench-chat` ending), creating those calls was 5 % of
        the event loop's samples and each one queued for the thread (see the class)."""
        for group in getattr(self, "groups", ()):
            await self.channel_layer.group_discard(group, self.channel_name)
        await self.disconnect(message["code"])  # type: ignore[attr-defined]
        raise StopConsumer()

    async def dispatch(self, message: dict[str, Any]) -> None:
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)


TYPING_INTERVAL = 1.0  # seconds: typing events a socket sends more often are dropped


class MessageBudget:
    """At most `limit` messages in any `window` seconds, per socket: a runaway script or a stuck key
    cannot flood the other side. Kept in the consumer, so it costs no query and no round trip."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self._sent: deque[float] = deque()

    def spend(self) -> None:
        """Count one message, or raise ValidationError (code "rate_limited") saying how long to wait."""
        now = time.monotonic()
        while self._sent and self._sent[0] <= now - self.window:
            self._sent.popleft()
        if len(self._sent) >= self.limit:
            seconds = max(1, math.ceil(self._sent[0] + self.window - now))
            raise ValidationError(
                ngettext(
                    "Je stuurt veel berichten vlak na elkaar. Wacht even: over %(n)d seconde kun je weer "
                    "iets sturen. Je tekst staat er nog.",
                    "Je stuurt veel berichten vlak na elkaar. Wacht even: over %(n)d seconden kun je weer "
                    "iets sturen. Je tekst staat er nog.",
                    seconds,
                )
                % {"n": seconds},
                code="rate_limited",
            )
        self._sent.append(now)


class _ConversationConsumer(_LeanEvents, AsyncJsonWebsocketConsumer):
    role: str = ""
    chat_id: int | None = None
    group_names: list[str]

    async def identify(self) -> tuple[int | None, str]:
        raise NotImplementedError

    async def connect(self) -> None:
        self.group_names = []
        self._message_budget = MessageBudget(*settings.CHAT_SOCKET_MESSAGES)
        self._typing_sent = 0.0
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
                self._message_budget.spend()
                message, is_new = await writer().post(
                    services.MessageDraft(
                        chat_id=self.chat_id,
                        sender=self.role,
                        text=str(content.get("text", "")),
                        client_id=str(content.get("client_id", "")),
                    )
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
            now = time.monotonic()
            if now - self._typing_sent < TYPING_INTERVAL:  # the page sends it every 3 s; more is noise
                return
            self._typing_sent = now
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

    async def queue_changed(self, event: dict[str, Any]) -> None:
        """The queue moved; a young person already talking has no place in it to hear of."""
        if self._last_state is None or self._last_state.get("status") != ChatStatus.ACTIVE:
            await self.send_state()

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


class ConsoleConsumer(_LeanEvents, AsyncJsonWebsocketConsumer):
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
