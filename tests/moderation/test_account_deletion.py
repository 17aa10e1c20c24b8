"""Deleting an account removes the nickname everywhere, the audit log included (issue 13)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from forum import services
from forum.models import Report
from moderation import actions
from moderation.models import AuditEntry, Review
from moderation.services import post_screen
from tests.conftest import PASSWORD
from tests.forum.factories import PostFactory

pytestmark = pytest.mark.django_db


def rows_naming(nickname: str) -> dict[str, list[tuple]]:
    """Every row of every table of the database in which `nickname` occurs, by table."""
    found: dict[str, list[tuple]] = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 (our own tables)
            rows = [row for row in cursor.fetchall() if nickname.lower() in repr(row).lower()]
            if rows:
                found[table] = rows
    return found


def test_deleting_an_account_leaves_its_nickname_in_no_table_but_keeps_the_decisions(
    client, member, other_member, moderator, topic
):
    # The member's life on the forum: a held post a moderator rejected with a warning, a published
    # post another member reported, a report of their own, and a time-out.
    held = services.post_reply(author=member, topic=topic, text="jij bent echt een vieze homo, ga weg")
    post_screen(post_id=held.pk)
    review = Review.objects.get(post=held)
    actions.do_reject(review=review, moderator=moderator, reason=actions.RejectReason.values[0], warn=True)
    published = PostFactory(topic=topic, author=member, body="Mijn tip: maak een planning.")
    services.report_create(reporter=other_member, post=published, reason=Report.Reason.values[0])
    actions.review_for_report(post=published)
    services.report_create(reporter=member, post=PostFactory(topic=topic), reason=Report.Reason.values[0])
    actions.do_time_out(member=member, moderator=moderator, days=1)
    decisions = AuditEntry.objects.count()
    assert AuditEntry.objects.filter(member_name=member.username).count() >= 3
    assert rows_naming(member.username)

    client.force_login(member)
    client.post(reverse("forum:account_delete"), {"password": PASSWORD, "delete_posts": "on"})

    assert rows_naming(member.username) == {}
    assert AuditEntry.objects.count() == decisions + 0  # every decision is kept
    assert AuditEntry.objects.filter(member_name="oud-lid", action=AuditEntry.Action.REJECTED).exists()
    assert AuditEntry.objects.filter(actor_name=moderator.username).exists()  # who decided stays


def test_a_moderator_who_deletes_their_account_leaves_their_decisions_under_former_member(
    client, member, moderator, topic
):
    held = services.post_reply(author=member, topic=topic, text="jij bent echt een vieze homo, ga weg")
    post_screen(post_id=held.pk)
    actions.do_reject(
        review=Review.objects.get(post=held), moderator=moderator, reason=actions.RejectReason.values[0]
    )

    services.member_delete(member=moderator, delete_posts=False)

    assert rows_naming(moderator.username) == {}
    assert AuditEntry.objects.filter(actor_name="oud-lid", action=AuditEntry.Action.REJECTED).exists()
