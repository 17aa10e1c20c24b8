"""Settings for a real ASGI server started by a test: the test settings, chat open all day; with
CHAT_TEST_LAYER_PREFIX set, the Redis channel layer on the test Redis (TEST_REDIS_URL) under that
prefix, so that servers started by one test share their chats and no one else's."""

import os

from config.settings.test import *  # noqa: F403

CHAT_OPENING_HOURS = {day: [("00:00", "24:00")] for day in range(7)}
CHAT_OPENING_HOURS_PROVIDER = ""

if os.environ.get("CHAT_TEST_LAYER_PREFIX"):
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                "hosts": [{"address": os.environ["TEST_REDIS_URL"], "socket_timeout": None}],
                "prefix": os.environ["CHAT_TEST_LAYER_PREFIX"],
            },
        }
    }
