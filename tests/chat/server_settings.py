"""Settings for a real ASGI server started by the browser test: the test settings, chat open all day."""

from config.settings.test import *  # noqa: F403

CHAT_OPENING_HOURS = {day: [("00:00", "24:00")] for day in range(7)}
CHAT_OPENING_HOURS_PROVIDER = ""
