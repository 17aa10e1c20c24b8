"""Local development: the embedded defaults, DEBUG on."""

from config.settings.base import *  # noqa: F403

DEBUG = True

# Static files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
