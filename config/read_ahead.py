"""Cache entries one request will need, read in one round trip before the code that needs them runs.

A member's forum page needs their account (`forum.auth`), the forum's versions and the page's own entries
(`forum.fragments`); read one after the other, that is one Redis round trip each. Within `read_ahead(keys)`
they are read in one `get_many`, and `read` and `read_many` answer from it: each key once, so that a value
kept anew afterwards is read anew. Outside it, or for a key not read ahead, they ask the cache.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.core.cache import cache

_MISSING = object()
_ahead: ContextVar[dict[str, Any] | None] = ContextVar("cache_read_ahead", default=None)


@contextmanager
def read_ahead(keys: list[str]) -> Iterator[dict[str, Any]]:
    """Read `keys` now, in one `get_many`; within, `read` and `read_many` answer them. Yields what was found."""
    found = cache.get_many(keys)
    token = _ahead.set({key: found.get(key, _MISSING) for key in keys})
    try:
        yield found
    finally:
        _ahead.reset(token)


def read(key: str) -> Any:
    """cache.get(key), from what was read ahead when it is there; None when missing."""
    ahead = _ahead.get()
    if ahead is not None and key in ahead:
        value = ahead.pop(key)
        return None if value is _MISSING else value
    return cache.get(key)


def read_many(keys: list[str]) -> dict[str, Any]:
    """cache.get_many(keys), from what was read ahead when every key is there."""
    ahead = _ahead.get()
    if ahead is None or any(key not in ahead for key in keys):
        return cache.get_many(keys)
    values = {key: ahead.pop(key) for key in keys}
    return {key: value for key, value in values.items() if value is not _MISSING}
