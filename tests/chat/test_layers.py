"""The chat's channel layer on a real Redis: PUBLISHes sent in pipelines arrive, in order, and a Redis
that is away reaches the sender instead of leaving it waiting; and a consumer that ends leaves no
subscription behind (the pub/sub layer cleans up when the consumer's receive is cancelled)."""

from __future__ import annotations

import asyncio
import uuid

import pytest
import redis
from asgiref.sync import async_to_sync
from channels import DEFAULT_CHANNEL_LAYER
from channels.layers import channel_layers
from channels.testing import WebsocketCommunicator

from chat.layers import PipelinedPubSubChannelLayer
from config.asgi import application
from tests.chat.conftest import in_thread, require_redis
from tests.chat.layers import REDIS_URL

pytestmark = pytest.mark.redis


def layer(address: str = REDIS_URL, prefix: str = "") -> PipelinedPubSubChannelLayer:
    return PipelinedPubSubChannelLayer(
        hosts=[{"address": address}], prefix=prefix or f"test-layer-{uuid.uuid4().hex[:12]}"
    )


def test_many_messages_sent_at_once_all_arrive_in_the_order_they_were_sent():
    require_redis()

    async def scenario() -> list[int]:
        prefix = f"test-layer-{uuid.uuid4().hex[:12]}"
        sender, listener = layer(prefix=prefix), layer(prefix=prefix)
        channel = await listener.new_channel()
        await listener.group_add("gesprek", channel)
        await asyncio.sleep(0.2)  # Redis confirms a SUBSCRIBE on its own time
        # 300 group_sends at the same moment: they go to Redis in a few pipelines, not one by one.
        await asyncio.gather(
            *(sender.group_send("gesprek", {"type": "chat.message", "n": n}) for n in range(300))
        )
        got = [(await asyncio.wait_for(listener.receive(channel), 5))["n"] for _ in range(300)]
        await listener.group_discard("gesprek", channel)
        await sender.flush()
        await listener.flush()
        return got

    assert in_thread(async_to_sync(scenario)) == list(range(300))


def test_a_redis_that_is_away_is_told_to_the_sender():
    async def scenario() -> None:
        away = layer("redis://127.0.0.1:9/0")  # nothing listens on the discard port
        await asyncio.wait_for(away.group_send("gesprek", {"type": "chat.message"}), 10)

    with pytest.raises(redis.exceptions.ConnectionError):
        in_thread(async_to_sync(scenario))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("channel_layer_kind", ["redis-pubsub"], indirect=True)
def test_a_closed_socket_leaves_no_channel_behind(channel_layer_kind):
    async def scenario() -> tuple[int, int]:
        headers = [(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1")]
        socket = WebsocketCommunicator(application, "/ws/chat/mijn/", headers=headers)
        connected, _ = await socket.connect()
        assert connected
        loop_layer = channel_layers[DEFAULT_CHANNEL_LAYER]._get_layer()
        open_channels = len(loop_layer.channels)
        await socket.disconnect()
        await asyncio.sleep(0.2)
        return open_channels, len(loop_layer.channels)

    while_open, after = in_thread(async_to_sync(scenario))
    assert while_open == 1
    assert after == 0
