"""Real Celery workers on Redis for tests: started as processes against the test database."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis

from tests.servers import database_url

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def require_redis() -> None:
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        message = f"Redis is not reachable at {REDIS_URL}"
        if os.environ.get("REQUIRE_WORKER"):
            pytest.fail(message)
        pytest.skip(message)


def fresh_broker() -> None:
    """Empty the test Redis database (it is only for tests), so no task of an earlier test is left."""
    require_redis()
    redis.Redis.from_url(REDIS_URL).flushdb()


def drop_connections(app) -> None:  # type: ignore[no-untyped-def]
    """Forget connections made with old broker settings, so the next send uses the new ones.

    kombu keeps its pools in a registry of its own; closing one pool would leave the registry
    handing it out again ("Acquire on closed pool"), so the registry is reset as a whole.
    """
    from kombu import pools

    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


@contextmanager
def celery_sending_to(broker_url: str) -> Iterator[None]:
    """Make this process's Celery app send tasks to `broker_url` instead of running them.

    Tasks go to Celery's default queue (its routing is cached at first use, so the queue cannot
    change from test to test); `fresh_broker()` empties it first.
    """
    from config.celery import app

    saved = {k: app.conf[k] for k in ("task_always_eager", "broker_url")}
    app.conf.update(task_always_eager=False, broker_url=broker_url)
    drop_connections(app)
    try:
        yield
    finally:
        app.conf.update(saved)
        drop_connections(app)


class Worker:
    """A worker process on the default queue, against this test run's database and Redis."""

    def __init__(self, **env: str) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--pool=solo",
                "--loglevel=INFO",
                "--without-mingle",
                "--without-gossip",
            ],
            cwd=ROOT,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "config.settings.test",
                "DATABASE_URL": database_url(),
                "REDIS_URL": REDIS_URL,
                **env,
            },
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.process.stdout:  # type: ignore[union-attr]
            self.lines.put(line)
            self.output.append(line)

    def alive(self) -> bool:
        return self.process.poll() is None

    def wait_for_line(self, text: str, seconds: float = 60) -> bool:
        """Wait until the worker prints a line containing `text` (False after `seconds`)."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                if text in self.lines.get(timeout=left):
                    return True
            except queue.Empty:
                return False
        return False

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=30)

    def stop(self) -> str:
        """Stop the worker (warm shutdown, then kill) and return what it printed."""
        if self.alive():
            self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return "".join(self.output)
