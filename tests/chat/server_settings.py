"""Settings for a real ASGI server started by a test: the test settings, chat open all day; with
CHAT_TEST_LAYER_PREFIX set, the Redis channel layer (CHAT_CHANNEL_LAYER) on the test Redis (TEST_REDIS_URL) under that
prefix, so that servers started by one test share their chats and no one else's."""

import os

from config.settings.test import *  # noqa: F403

CHAT_OPENING_HOURS = {day: [("00:00", "24:00")] for day in range(7)}
CHAT_OPENING_HOURS_PROVIDER = ""

if os.environ.get("CHAT_TEST_LAYER_PREFIX"):
    from tests.chat.layers import redis_layer_settings

    CHANNEL_LAYERS = redis_layer_settings(CHAT_CHANNEL_LAYER, os.environ["CHAT_TEST_LAYER_PREFIX"])  # noqa: F405
