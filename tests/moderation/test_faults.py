"""Nothing is lost when the broker is down or a worker dies in the middle of a screening."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from forum import services
from forum.models import Post, Status
from moderation.models import Screening
from moderation.tasks import screen_stale_pending_posts
from tests.moderation.workers import REDIS_URL, Worker, celery_sending_to, fresh_broker

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

UNREACHABLE = "redis://127.0.0.1:9/0"  # nothing listens on the discard port


def wait_for(condition, seconds: float = 90) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def test_post_submitted_while_the_broker_is_down_is_answered_and_screened_once_it_is_back(
    client, member, topic, settings
):
    fresh_broker()
    from config.celery import app

    client.force_login(member)
    app.conf.broker_connection_timeout = 1
    app.conf.task_publish_retry = False
    try:
        with celery_sending_to(UNREACHABLE):
            response = client.post(
                topic.get_absolute_url(), {"text": "mijn oude nummer was 06-12345678"}, follow=True
            )
    finally:
        app.conf.broker_connection_timeout = 4
        app.conf.task_publish_retry = True

    assert response.status_code == 200
    assert "Je bericht wordt gecontroleerd" in response.content.decode()
    post = Post.objects.get(topic=topic, is_opening=False)
    assert post.status == Status.PENDING

    Post.objects.filter(pk=post.pk).update(created_at=timezone.now() - dt.timedelta(minutes=5))
    worker = Worker()
    try:
        with celery_sending_to(REDIS_URL):
            assert screen_stale_pending_posts() == 1
        assert wait_for(lambda: Post.objects.get(pk=post.pk).status != Status.PENDING)
    finally:
        worker.stop()

    post.refresh_from_db()
    assert post.status == Status.PUBLISHED
    assert post.body == "mijn oude nummer was [telefoonnummer]"
    assert Screening.objects.filter(post=post).count() == 1


def test_a_worker_killed_during_screening_loses_nothing_and_screens_once(member, topic):
    fresh_broker()
    # Unacknowledged messages come back after 5 s instead of an hour, so the test need not wait.
    first = Worker(CELERY_VISIBILITY_TIMEOUT="5")
    try:
        with celery_sending_to(REDIS_URL):
            post = services.post_reply(
                author=member, topic=topic, text="mijn oude adres was iemand@example.nl"
            )
        assert first.wait_for_line("received"), "the first worker never received the task"
        first.kill()  # the model is still loading: the screening is cut short
    finally:
        first.stop()
    assert Post.objects.get(pk=post.pk).status == Status.PENDING

    second = Worker(CELERY_VISIBILITY_TIMEOUT="5")
    try:
        assert wait_for(lambda: Post.objects.get(pk=post.pk).status != Status.PENDING, seconds=120)
    finally:
        second.stop()

    post.refresh_from_db()
    assert post.status == Status.PUBLISHED
    assert post.body == "mijn oude adres was [e-mailadres]"
    assert Screening.objects.filter(post=post).count() == 1


def test_the_writer_always_gets_a_page_back(client, member, topic):
    client.force_login(member)

    response = client.post(topic.get_absolute_url(), {"text": "gewoon een reactie"})

    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert reverse("forum:login") not in response["Location"]
