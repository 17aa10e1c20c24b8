"""Tests: the database comes from DATABASE_URL (PostgreSQL in CI) or SQLite.

SQLite tests use a file, not memory, so that a Celery worker or server in another process
sees the same data.
"""

import os

from config.settings.base import *  # noqa: F403
from config.settings.base import BASE_DIR, DATABASES

DATABASES["default"].setdefault("TEST", {})
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # One file per test run, so runs side by side (a developer's and CI's) never share a database.
    DATABASES["default"]["TEST"]["NAME"] = str(BASE_DIR / f".test-db-{os.getpid()}.sqlite3")

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # noqa: S303 (speed in tests only)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Static files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Every search is written to the daily hits at once, so that tests see it.
SEARCH_HITS_FLUSH_SECONDS = 0

# A proof of work any test (and its browser) solves at once; the real difficulty is measured, not tested.
ALTCHA = {**ALTCHA, "cost": 1, "max_number": 20}  # noqa: F405
