"""The chat's Redis channel layers for tests and the servers they start (no Django imports here:
tests/chat/server_settings.py reads it before Django is set up)."""

from __future__ import annotations

import os
from typing import Any

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_layer_settings(kind: str, prefix: str) -> dict[str, Any]:
    """CHANNEL_LAYERS as production has them (config/settings/base.py) for CHAT_CHANNEL_LAYER
    `kind`, on the test Redis; the prefix keeps one test's groups apart from another's and from
    other work on that Redis."""
    if kind == "redis":
        backend, extra = "channels_redis.core.RedisChannelLayer", {"capacity": 1000, "expiry": 60}
        hosts = [{"address": REDIS_URL, "socket_timeout": None}]
    else:
        backend, extra, hosts = "chat.layers.PipelinedPubSubChannelLayer", {}, [{"address": REDIS_URL}]
    return {"default": {"BACKEND": backend, "CONFIG": {"hosts": hosts, "prefix": prefix, **extra}}}
