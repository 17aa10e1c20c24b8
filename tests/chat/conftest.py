"""Chat fixtures: the chat open all day (unless a test closes it), volunteers, and a young person's
browser (a Django test client whose session holds the chat token)."""

from __future__ import annotations

import os
import random
import threading
import uuid
from collections.abc import Callable
from typing import Any

import pytest
import redis
from channels import DEFAULT_CHANNEL_LAYER
from channels.layers import channel_layers
from django.contrib.auth.models import Group
from django.db import connections

from chat import services
from chat.models import Chat
from forum.models import Member
from tests.chat.layers import REDIS_URL, redis_layer_settings
from tests.forum.factories import MemberFactory

ALL_DAY = {day: [("00:00", "24:00")] for day in range(7)}
CLOSED: dict[int, list[tuple[str, str]]] = {}


@pytest.fixture(autouse=True)
def chat_open_all_day(settings):
    settings.CHAT_OPENING_HOURS = ALL_DAY
    settings.CHAT_OPENING_HOURS_PROVIDER = ""
    settings.CHAT_MAX_CONCURRENT = 2
    return settings


@pytest.fixture(autouse=True)
def fresh_channel_layer():
    """Each test gets a new in-memory channel layer (no groups, no event loop of an earlier test)."""
    channel_layers.backends.pop(DEFAULT_CHANNEL_LAYER, None)
    yield
    channel_layers.backends.pop(DEFAULT_CHANNEL_LAYER, None)


def require_redis() -> None:
    """Skip, saying why, when no Redis runs here; fail instead where it must (CI sets REQUIRE_WORKER)."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        message = (
            f"the Redis channel layer needs Redis, which is not reachable at {REDIS_URL} (TEST_REDIS_URL)"
        )
        if os.environ.get("REQUIRE_WORKER") or os.environ.get("REQUIRE_REDIS"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(
    params=[
        "memory",
        pytest.param("redis-pubsub", marks=pytest.mark.redis),
        pytest.param("redis", marks=pytest.mark.redis),
    ]
)
def channel_layer_kind(request, settings):
    """Run a test on the in-memory layer and again on both Redis channel layers (CHAT_CHANNEL_LAYER)."""
    if request.param != "memory":
        require_redis()
        settings.CHANNEL_LAYERS = redis_layer_settings(request.param, f"test-chat-{uuid.uuid4().hex[:12]}")
    channel_layers.backends.pop(DEFAULT_CHANNEL_LAYER, None)
    return request.param


def in_thread(body: Callable[[], Any]) -> Any:
    """Run `body` in a thread of its own and return its result.

    Browser tests in the same session leave Playwright's event loop in the main thread, where
    async_to_sync (used by the chat to reach the channel layer) refuses to run.
    """
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["result"] = body()
        except BaseException as error:  # re-raised in the test's thread
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(timeout=120)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")


def make_volunteer(username: str, *, available: bool = True) -> Member:
    volunteer = MemberFactory(username=username, age=None)
    volunteer.groups.add(Group.objects.get_or_create(name="Vrijwilligers")[0])
    services.volunteer_set_available(volunteer=volunteer, available=available)
    return volunteer


def queue_chat(nickname: str = "zonnetje", *, urgent: bool = False, age: int = 14) -> tuple[Chat, str]:
    """A young person joins the queue; returns the chat and the token their session would hold."""
    token = services.new_token()
    chat = services.chat_start(
        token=token,
        visitor_hash=services.token_hash(services.new_token()),
        nickname=nickname,
        age=age,
        is_urgent=urgent,
    )
    chat.refresh_from_db()
    return chat, token


@pytest.fixture
def seeded():
    return random.Random(6)


def start_chat_in_browser(client, *, nickname: str = "zonnetje", age: int = 14, query: str = "", **extra):
    """Fill the entry form as a young person does; returns the page they land on."""
    return client.post(f"/chat/{query}", {"nickname": nickname, "age": age, **extra}, follow=True)
