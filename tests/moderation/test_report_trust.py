"""Reports weighted by trust (issue 13): new accounts reach the moderators but hide nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from forum.models import Report, Status
from moderation.models import Review
from tests.forum.factories import MemberFactory, PostFactory

pytestmark = pytest.mark.django_db


def report(client, submit, post, reporter) -> None:
    client.force_login(reporter)
    submit(client, reverse("forum:post_report", args=[post.pk]), {"reason": "hurtful"})


def test_three_new_accounts_reporting_a_post_do_not_hide_it_but_the_moderators_see_it(topic, submit, client):
    post = PostFactory(topic=topic, body="Een gewoon antwoord")
    for n in range(3):
        report(client, submit, post, MemberFactory(username=f"nieuw{n}", date_joined=timezone.now()))

    post.refresh_from_db()
    assert post.status == Status.PUBLISHED
    client.logout()
    assert "Een gewoon antwoord" in client.get(topic.get_absolute_url()).content.decode()
    assert Review.objects.filter(post=post, kind=Review.Kind.REPORTED, state="open").exists()


def test_old_accounts_without_posts_do_not_hide_a_post_either(topic, submit, client):
    post = PostFactory(topic=topic)
    for n in range(3):
        report(client, submit, post, MemberFactory(username=f"stil{n}"))  # 60 days old, never posted

    post.refresh_from_db()
    assert post.status == Status.PUBLISHED


def test_three_members_with_a_track_record_hide_a_post(topic, submit, client):
    post = PostFactory(topic=topic, body="Iets wat mensen melden")
    for n in range(3):
        reporter = MemberFactory(username=f"vaste{n}")
        PostFactory.create_batch(5, topic=topic, author=reporter)
        report(client, submit, post, reporter)

    post.refresh_from_db()
    assert post.status == Status.QUEUED
    client.logout()
    assert "Iets wat mensen melden" not in client.get(topic.get_absolute_url()).content.decode()


def test_a_member_whose_earlier_reports_were_upheld_counts_more(topic, submit, client):
    reporter = MemberFactory(username="oplettend")
    for _ in range(2):
        Report.objects.create(
            post=PostFactory(topic=topic, status=Status.REJECTED),
            reporter=reporter,
            reason="hurtful",
            resolved_at=timezone.now() - dt.timedelta(days=3),
        )
    helper = MemberFactory(username="helper1")
    PostFactory.create_batch(5, topic=topic, author=helper)
    post = PostFactory(topic=topic)

    report(client, submit, post, reporter)  # weight 2
    post.refresh_from_db()
    assert post.status == Status.PUBLISHED
    report(client, submit, post, helper)  # + 1 = 3
    post.refresh_from_db()
    assert post.status == Status.QUEUED
