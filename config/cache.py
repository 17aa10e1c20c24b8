"""A Redis cache that keeps the site up while Redis is down.

Reads miss and writes are skipped, so pages, logging in (sessions live in the database) and
posting (its limits are counted from the database) go on. Counting a rate limit (`incr`) raises
`CacheUnavailable`; `forum.ratelimit.rate_limit_hit` then lets through the actions that only sign
in or show something (`RATE_LIMITS_FAIL_OPEN`: logging in, preview) and refuses, with a Dutch
message to try again in a minute, those that create something for others (sign-up, report,
recovery, chat start): fail open for reading, closed for writing.

Its client keeps one `redis.Redis` per connection pool. Django's builds a new one for every cache call,
and redis-py fills a table of some 170 reply handlers for each (redis/redis-py#3624): with five cache
calls, that was 1.5 of the 4.9 ms a member's topic page took in one process.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)


class CacheUnavailable(Exception):
    """The cache cannot count right now."""


class _KeptClientRedisCacheClient(RedisCacheClient):
    """Django's client, with one `redis.Redis` per pool instead of one per call (it is thread-safe: each
    command takes a connection from the pool, which is renewed after a fork)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))  # type: ignore[attr-defined]
        return client


class ResilientRedisCache(RedisCache):
    _last_warning = 0.0

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _KeptClientRedisCacheClient

    def _down(self, exc: Exception) -> None:
        now = time.monotonic()
        if now - ResilientRedisCache._last_warning > 60:  # once a minute, not once a request
            ResilientRedisCache._last_warning = now
            logger.warning("cache unavailable, serving without it (%s)", type(exc).__name__)

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        try:
            return super().get(key, default, version)
        except _DOWN as exc:
            self._down(exc)
            return default

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        try:
            return super().get_many(keys, version)
        except _DOWN as exc:
            self._down(exc)
            return {}

    def has_key(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().has_key(key, version)
        except _DOWN as exc:
            self._down(exc)
            return False

    def set(self, key: Any, value: Any, timeout: Any = None, version: int | None = None) -> None:  # type: ignore[override]
        try:
            super().set(key, value, timeout, version)
        except _DOWN as exc:
            self._down(exc)

    def add(self, key: Any, value: Any, timeout: Any = None, version: int | None = None) -> bool:  # type: ignore[override]
        try:
            return super().add(key, value, timeout, version)
        except _DOWN as exc:
            self._down(exc)
            return False

    def set_many(self, data: dict[Any, Any], timeout: Any = None, version: int | None = None) -> list[Any]:  # type: ignore[override]
        try:
            return super().set_many(data, timeout, version)
        except _DOWN as exc:
            self._down(exc)
            return list(data)

    def delete(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().delete(key, version)
        except _DOWN as exc:
            self._down(exc)
            return False

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        try:
            super().delete_many(keys, version)
        except _DOWN as exc:
            self._down(exc)

    def touch(self, key: Any, timeout: Any = None, version: int | None = None) -> bool:  # type: ignore[override]
        try:
            return super().touch(key, timeout, version)
        except _DOWN as exc:
            self._down(exc)
            return False

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        try:
            return super().incr(key, delta, version)
        except _DOWN as exc:
            self._down(exc)
            raise CacheUnavailable from exc
