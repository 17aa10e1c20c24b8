"""A real Celery worker on Redis screens a post submitted through the forum."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.db import connection

from forum import services
from forum.models import Post, Status

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_available() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def database_url() -> str:
    """The URL of the test database this process uses, for the worker to use too."""
    s = connection.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{s['NAME']}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.fixture
def celery_on_redis():
    """Point this process's Celery app at Redis on a queue of its own, and start a worker on it."""
    if not redis_available():
        if os.environ.get("REQUIRE_WORKER"):
            pytest.fail(f"Redis is not reachable at {REDIS_URL}")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    from config.celery import app

    queue = f"test-{uuid.uuid4().hex[:8]}"
    saved = {k: app.conf[k] for k in ("task_always_eager", "broker_url", "task_default_queue")}
    app.conf.update(task_always_eager=False, broker_url=REDIS_URL, task_default_queue=queue)
    drop_connections(app)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(),
        "REDIS_URL": REDIS_URL,
    }
    worker = subprocess.Popen(
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
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield worker
    finally:
        worker.terminate()
        try:
            output, _ = worker.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            output, _ = worker.communicate()
        print(output[-3000:])
        app.conf.update(saved)
        drop_connections(app)


def drop_connections(app) -> None:
    """Forget connections made with the old broker settings, so the next send uses the new ones."""
    if app._pool is not None:
        app._pool.force_close_all()
        app._pool = None
    app.amqp._producer_pool = None


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_on_redis_screens_a_submitted_post(celery_on_redis, member, board):
    topic = services.topic_start(
        author=member, board=board, title="Hulp met huiswerk", text="bel me op 06-12345678 na school"
    )
    post = topic.posts.get()

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and Post.objects.get(pk=post.pk).status == Status.PENDING:
        assert celery_on_redis.poll() is None, "the worker stopped"
        time.sleep(0.5)

    post.refresh_from_db()
    assert post.status == Status.PUBLISHED
    assert post.body == "bel me op [telefoonnummer] na school"
    assert post.original == ""
