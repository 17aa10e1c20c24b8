"""The chat's channel layer: channels-redis's pub/sub layer, with its PUBLISHes sent in pipelines.

channels-redis (4.3) sends each `group_send` as one PUBLISH and waits for Redis's answer behind a lock
that every publish, subscribe and unsubscribe of the process shares: at 1,000 chats, 500 messages a
second queued one round trip at a time (redis-py's write and read of the PUBLISH were 14 % of the
event loop's samples, docs/benchmarks.md), and the wait grows with the load. Here the PUBLISHes that
arrive while one pipeline is on its way go together in the next: one write and one read for all of
them, in the order they came. Each `group_send` still returns once Redis has its message, and a
Redis error reaches the callers of that pipeline. channels-redis is pinned
(requirements.lock): this subclass uses its loop layer's shards.
"""

from __future__ import annotations

import asyncio
from typing import Any

from channels_redis.pubsub import RedisPubSubChannelLayer, RedisPubSubLoopLayer, RedisSingleShardConnection
from channels_redis.utils import _wrap_close

PIPELINE_MAX = 1000  # PUBLISHes per pipeline; more wait for the next one


class _PipelinedShard(RedisSingleShardConnection):
    def __init__(self, host: Any, channel_layer: Any) -> None:
        super().__init__(host, channel_layer)
        self._outbox: list[tuple[str, bytes, asyncio.Future[None]]] = []
        self._sending = False

    async def publish(self, channel: str, message: bytes) -> None:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        self._outbox.append((channel, message, future))
        if not self._sending:
            self._sending = True
            loop.create_task(self._send())
        await future

    async def _send(self) -> None:
        try:
            while self._outbox:
                batch, self._outbox = self._outbox[:PIPELINE_MAX], self._outbox[PIPELINE_MAX:]
                try:
                    # Not behind the shard's lock: one `_send` runs at a time already, and the
                    # SUBSCRIBEs and UNSUBSCRIBEs it guards go over the pub/sub connection, not this
                    # one. Behind it, the messages of the chats still talking waited for every
                    # UNSUBSCRIBE of the sockets closing (two or three round trips each).
                    self._ensure_redis()
                    pipe = self._redis.pipeline(transaction=False)
                    for channel, message, _ in batch:
                        pipe.publish(channel, message)
                    await pipe.execute()
                except Exception as error:  # noqa: BLE001 - each caller of the batch gets it
                    for *_, future in batch:
                        if not future.done():
                            future.set_exception(error)
                else:
                    for *_, future in batch:
                        if not future.done():
                            future.set_result(None)
        finally:
            self._sending = False


class PipelinedPubSubChannelLayer(RedisPubSubChannelLayer):
    """`RedisPubSubChannelLayer` whose PUBLISHes go to Redis in pipelines (see the module)."""

    def _get_layer(self) -> RedisPubSubLoopLayer:
        loop = asyncio.get_running_loop()
        layer = self._layers.get(loop)
        if layer is None:
            layer = RedisPubSubLoopLayer(*self._args, **self._kwargs, channel_layer=self)
            layer._shards = [_PipelinedShard(shard.host, layer) for shard in layer._shards]
            self._layers[loop] = layer
            _wrap_close(self, loop)
        return layer
