"""A real Celery worker on Redis screens a post submitted through the forum."""

from __future__ import annotations

import time

import pytest

from forum import services
from forum.models import Post, Status
from tests.moderation.workers import REDIS_URL, Worker, celery_sending_to, fresh_broker


@pytest.mark.worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_on_redis_screens_a_submitted_post(member, board):
    fresh_broker()
    worker = Worker()
    try:
        with celery_sending_to(REDIS_URL):
            topic = services.topic_start(
                author=member,
                board=board,
                title="Hulp met huiswerk",
                text="mijn oude nummer was 06-12345678 na school",
            )
        post = topic.posts.get()
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and Post.objects.get(pk=post.pk).status == Status.PENDING:
            assert worker.alive(), "the worker stopped"
            time.sleep(0.5)
    finally:
        print(worker.stop()[-3000:])

    post.refresh_from_db()
    assert post.status == Status.PUBLISHED
    assert post.body == "mijn oude nummer was [telefoonnummer] na school"
    assert post.original == ""
