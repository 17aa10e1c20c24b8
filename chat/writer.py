"""Chat messages stored in batches, one writer per event loop (a server process has one).

Every message is stored before it is sent on (for the replay after a reconnect and once-only
resends). One database call per message made every chat of the process wait in line for the
threads that run database work; the writer instead stores, in one call of a few queries
(`services.messages_post`), whatever arrived while the previous batch was being written. When the
chat is quiet a batch is one message and nothing waits; when it is busy batches grow, and the
number of database calls stays about the same (see `chat/bench.py` and docs/benchmarks.md).
"""

from __future__ import annotations

import asyncio
import weakref

from channels.db import database_sync_to_async

from chat import services
from chat.models import Message

BATCH_MAX = 500  # drafts per database call; more wait for the next one

Outcome = tuple[Message, bool]

# Short database work that needs no particular thread (see consumers._in_pool).
_store = database_sync_to_async(services.messages_post, thread_sensitive=False)


class MessageWriter:
    def __init__(self) -> None:
        self._waiting: list[tuple[services.MessageDraft, asyncio.Future[Outcome]]] = []
        self._writing = False

    async def post(self, draft: services.MessageDraft) -> Outcome:
        """Store `draft` with the next batch: what `services.message_post` returns or raises."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Outcome] = loop.create_future()
        self._waiting.append((draft, future))
        if not self._writing:
            self._writing = True
            loop.create_task(self._write())
        return await future

    async def _write(self) -> None:
        try:
            while self._waiting:
                batch, self._waiting = self._waiting[:BATCH_MAX], self._waiting[BATCH_MAX:]
                try:
                    outcomes: list[Outcome | BaseException] = list(
                        await _store(drafts=[draft for draft, _ in batch])
                    )
                except Exception as error:  # the database is away: each sender hears it and resends
                    outcomes = [error] * len(batch)
                for (_, future), outcome in zip(batch, outcomes, strict=True):
                    if future.done():  # the socket closed meanwhile; its browser resends
                        continue
                    if isinstance(outcome, BaseException):
                        future.set_exception(outcome)
                    else:
                        future.set_result(outcome)
        finally:
            self._writing = False


_writers: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, MessageWriter] = weakref.WeakKeyDictionary()


def writer() -> MessageWriter:
    """The writer of the running event loop."""
    loop = asyncio.get_running_loop()
    if loop not in _writers:
        _writers[loop] = MessageWriter()
    return _writers[loop]
