"""Real Celery workers on Redis for tests: started as processes against the test database."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis
from django.db import connection

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


def database_url() -> str:
    """The URL of the test database this process uses, for a worker to use too."""
    s = connection.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{s['NAME']}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def drop_connections(app) -> None:  # type: ignore[no-untyped-def]
    """Forget connections made with old broker settings, so the next send uses the new ones."""
    if app._pool is not None:
        app._pool.force_close_all()
        app._pool = None
    app.amqp._producer_pool = None


@contextmanager
def celery_sending_to(broker_url: str, queue: str) -> Iterator[None]:
    """Make this process's Celery app send tasks to `broker_url` on `queue` instead of running them."""
    from config.celery import app

    saved = {k: app.conf[k] for k in ("task_always_eager", "broker_url", "task_default_queue")}
    app.conf.update(task_always_eager=False, broker_url=broker_url, task_default_queue=queue)
    drop_connections(app)
    try:
        yield
    finally:
        app.conf.update(saved)
        drop_connections(app)


def new_queue() -> str:
    return f"test-{uuid.uuid4().hex[:8]}"


def start_worker(queue: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "--loglevel=INFO",
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


def stop_worker(worker: subprocess.Popen[str]) -> str:
    if worker.poll() is None:
        worker.terminate()
    try:
        output, _ = worker.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        worker.kill()
        output, _ = worker.communicate()
    return output or ""
