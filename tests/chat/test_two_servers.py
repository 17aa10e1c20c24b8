"""Two server processes share the chats through Redis: the young person's socket is on one uvicorn,
the volunteer's on another, and they talk. The servers run the real ASGI application on the test
database with the Redis channel layer (tests/chat/server_settings.py)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import websockets
from django.test import Client

from chat.models import Chat, ChatStatus, Message
from tests.chat.conftest import REDIS_URL, in_thread, require_redis, start_chat_in_browser
from tests.servers import free_port, uvicorn_start, wait_until_serving

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@contextmanager
def servers(count: int, prefix: str) -> Iterator[list[str]]:
    """`count` uvicorn processes on free loopback ports sharing one Redis channel layer."""
    env = {
        "REDIS_URL": "",  # cache and tasks as in the tests; only the channel layer is on Redis
        "TEST_REDIS_URL": REDIS_URL,
        "CHAT_TEST_LAYER_PREFIX": prefix,
    }
    started: list[tuple[subprocess.Popen[str], str]] = []
    try:
        for _ in range(count):
            port = free_port()
            started.append((uvicorn_start(port, env), f"127.0.0.1:{port}"))
        for process, address in started:
            wait_until_serving(process, f"http://{address}/chat/", seconds=60)
        yield [address for _, address in started]
    finally:
        for process, _ in started:
            process.terminate()
        for process, _ in started:
            process.wait(timeout=10)


async def _open(address: str, path: str, client: Client) -> Any:
    return await websockets.connect(
        f"ws://{address}{path}",
        origin=websockets.Origin(f"http://{address.split(':')[0]}"),
        additional_headers={"Cookie": f"sessionid={client.cookies['sessionid'].value}"},
        open_timeout=30,
    )


async def _next_message(ws: Any) -> dict[str, Any]:
    while True:
        event = json.loads(await asyncio.wait_for(ws.recv(), timeout=15))
        if event["type"] == "message":
            return event


def test_a_young_person_on_one_server_and_the_volunteer_on_another_talk(volunteer):
    require_redis()
    young, volunteer_client = Client(), Client()
    volunteer_client.force_login(volunteer)
    in_thread(lambda: start_chat_in_browser(young, nickname="zonnetje"))
    chat = Chat.objects.get()

    def take() -> None:
        from chat import services

        services.volunteer_set_available(volunteer=volunteer, available=True)
        volunteer_client.post(f"/chat/vrijwilliger/aannemen/{chat.pk}/")

    in_thread(take)
    assert Chat.objects.get().status == ChatStatus.ACTIVE

    async def scenario(first: str, second: str) -> tuple[dict[str, Any], dict[str, Any]]:
        me = await _open(first, "/ws/chat/mijn/", young)
        them = await _open(second, f"/ws/chat/gesprek/{chat.pk}/", volunteer_client)
        await me.send(json.dumps({"type": "message", "text": "Hoi, ben je er?", "client_id": "m1"}))
        heard = await _next_message(them)
        await them.send(
            json.dumps({"type": "message", "text": "Ja, ik ben er. Vertel maar.", "client_id": "v1"})
        )
        own = await _next_message(me)  # the young person's own message comes back first, with its id
        answer = await _next_message(me)
        assert own["text"] == "Hoi, ben je er?"
        await me.close()
        await them.close()
        return heard, answer

    with servers(2, f"test-two-{uuid.uuid4().hex[:12]}") as (first, second):
        heard, answer = in_thread(lambda: asyncio.run(scenario(first, second)))

    assert (heard["sender"], heard["text"]) == ("young", "Hoi, ben je er?")
    assert (answer["sender"], answer["text"]) == ("volunteer", "Ja, ik ben er. Vertel maar.")
    assert list(Message.objects.values_list("text", flat=True)) == [
        "Hoi, ben je er?",
        "Ja, ik ben er. Vertel maar.",
    ]
