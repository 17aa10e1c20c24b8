"""Screening: one path from a typed text to a decision, safe to repeat, with reasons kept but no words."""

from __future__ import annotations

import io
import json
import sys

import pytest
from django.core.management import call_command

from forum import services
from forum.models import Post, Status
from moderation.models import Screening
from moderation.services import post_screen
from moderation.tasks import screen_stale_pending_posts

pytestmark = pytest.mark.django_db


def test_screening_twice_records_one_decision(member, topic):
    post = services.post_reply(author=member, topic=topic, text="mijn oude nummer was 06-12345678")

    post_screen(post_id=post.pk)
    post_screen(post_id=post.pk)

    assert Screening.objects.filter(post=post).count() == 1
    post.refresh_from_db()
    assert post.status == Status.PUBLISHED


def test_stored_findings_say_where_and_what_but_not_the_words(member, topic):
    post = services.post_reply(author=member, topic=topic, text="mijn nummer: 06-12345678")

    post_screen(post_id=post.pk)

    screening = Screening.objects.get(post=post)
    stored = json.dumps(screening.findings) + json.dumps(screening.reasons)
    assert "12345678" not in stored
    assert screening.findings[0]["type"] == "PHONE"
    assert {"type", "start", "end", "score", "source"} <= set(screening.findings[0])


def test_opening_post_and_title_are_screened_together(member, board):
    topic = services.topic_start(
        author=member, board=board, title="mail naar a.b@example.nl", text="hoi allemaal"
    )

    post_screen(post_id=topic.posts.get().pk)

    topic.refresh_from_db()
    assert topic.title == "mail naar [e-mailadres]"
    assert set(Screening.objects.values_list("part", flat=True)) == {"body", "title"}


def test_posts_left_pending_are_picked_up_by_the_sweep(member, topic):
    from django.utils import timezone

    post = services.post_reply(author=member, topic=topic, text="Ik ben het met je eens.")
    Post.objects.filter(pk=post.pk).update(created_at=timezone.now() - timezone.timedelta(minutes=10))

    assert screen_stale_pending_posts() == 1

    post.refresh_from_db()
    assert post.status == Status.PUBLISHED


def run_moderate_text(monkeypatch, lines: list[str]) -> list[dict]:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    out = io.StringIO()
    call_command("moderate_text", stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_moderate_text_writes_one_decision_per_line(monkeypatch):
    results = run_moderate_text(
        monkeypatch,
        [
            json.dumps({"id": "a1", "text": "mijn oude nummer was 06-12345678"}),
            json.dumps({"id": "a2", "text": "hoi"}),
        ],
    )

    assert results[0] == {
        "id": "a1",
        "published_text": "mijn oude nummer was [telefoonnummer]",
        "decision": "publish",
        "findings": [results[0]["findings"][0]],
    }
    assert results[0]["findings"][0]["type"] == "PHONE"
    assert results[1]["published_text"] == "hoi"


def test_moderate_text_reports_bad_lines_and_goes_on(monkeypatch):
    results = run_moderate_text(
        monkeypatch,
        [
            "{niet json",
            json.dumps({"id": "b2"}),
            json.dumps({"id": "b3", "text": 5}),
            json.dumps({"id": "b4", "text": "ok"}),
        ],
    )

    assert [r.get("id") for r in results] == [1, "b2", "b3", "b4"]
    assert all("error" in r for r in results[:3])
    assert results[3]["decision"] == "publish"
