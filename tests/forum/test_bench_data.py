"""`manage.py bench_forum_data` writes a published forum of the asked size, once, never in production."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from forum.bench_data import SLUG_PREFIX
from forum.models import Board, Post, Status, Topic

pytestmark = pytest.mark.django_db

SMALL = {"boards": 2, "topics": 3, "posts": 4, "long_topic_posts": 60, "members": 5}


def test_bench_forum_data_writes_published_boards_topics_and_posts():
    call_command("bench_forum_data", **SMALL)

    assert Board.objects.filter(slug__startswith=SLUG_PREFIX).count() == 2
    assert Topic.objects.filter(status=Status.PUBLISHED).count() == 2 * 3 + 1
    assert Post.objects.filter(status=Status.PUBLISHED).count() == 2 * 3 * 4 + 60
    long_topic = Topic.objects.get(reply_count=59)
    assert long_topic.posts.filter(is_opening=True).count() == 1
    assert long_topic.last_activity_at == long_topic.posts.order_by("-created_at").first().created_at


def test_bench_forum_data_changes_nothing_the_second_time():
    call_command("bench_forum_data", **SMALL)

    call_command("bench_forum_data", **SMALL)

    assert Post.objects.count() == 2 * 3 * 4 + 60


def test_bench_forum_data_refuses_in_production(settings):
    settings.DEMO_CONTENT_ALLOWED = False

    with pytest.raises(CommandError):
        call_command("bench_forum_data", **SMALL)
    assert not Board.objects.exists()
