"""A logged-in member's account is kept in the cache (forum.auth), and never outlives a change to it:
a member who is blocked, deactivated in bulk or deleted is logged out on their next request, and a new
password logs out the member's other sessions, as without the cache."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from forum import services
from forum.models import Member, Status
from moderation.models import Review
from tests.forum.factories import PostFactory
from tests.moderation.factories import ReviewFactory

pytestmark = pytest.mark.django_db


def _logged_in(client: Client) -> bool:
    """Whether the account page opens (a visitor is sent to the login page)."""
    response = client.get(reverse("forum:account"))
    return response.status_code == 200


def test_a_members_account_is_read_once_and_then_from_the_cache(member_client, member):
    assert _logged_in(member_client)

    with CaptureQueriesContext(connection) as queries:
        member_client.get(reverse("forum:index"))

    assert not [q for q in queries.captured_queries if 'FROM "forum_member"' in q["sql"]]
    assert "Uitloggen" in member_client.get(reverse("forum:index")).content.decode()


def test_a_member_blocked_by_the_moderators_is_logged_out_on_their_next_request(
    member_client, member, moderator_client
):
    assert _logged_in(member_client)  # their account is now in the cache
    for _ in range(3):  # three warnings within a year block the account
        review = ReviewFactory(post=PostFactory(author=member, status=Status.QUEUED))
        moderator_client.post(
            reverse("moderation:decide", args=[review.pk]),
            {"action": "reject", "reason": "hurtful", "warn": "on"},
        )
    assert Review.objects.filter(post__author=member, state=Review.State.DECIDED).count() == 3

    assert not Member.objects.get(pk=member.pk).is_active
    assert not _logged_in(member_client)
    assert "Uitloggen" not in member_client.get(reverse("forum:index")).content.decode()


def test_a_member_blocked_inside_a_transaction_is_logged_out_after_it(
    member_client, member, django_capture_on_commit_callbacks
):
    assert _logged_in(member_client)
    with django_capture_on_commit_callbacks(execute=True):
        services.member_block(member=Member.objects.get(pk=member.pk))

    assert not _logged_in(member_client)


def test_members_deactivated_in_bulk_are_logged_out(member_client, member):
    """Wagtail's "set active state" for several users is a queryset update, which sends no signal."""
    assert _logged_in(member_client)

    get_user_model().objects.filter(pk=member.pk).update(is_active=False)

    assert not _logged_in(member_client)


def test_members_deactivated_in_the_wagtail_admin_are_logged_out(member_client, member, admin_client):
    assert _logged_in(member_client)

    response = admin_client.post(
        reverse("wagtail_bulk_action", args=("forum", "member", "set_active_state")) + f"?id={member.pk}",
        {"mark_as_active": "False"},
    )

    assert response.status_code == 302
    assert not _logged_in(member_client)


def test_a_deleted_member_is_logged_out(member_client, member):
    assert _logged_in(member_client)

    services.member_delete(member=Member.objects.get(pk=member.pk), delete_posts=False)

    assert not _logged_in(member_client)


def test_a_new_password_logs_out_the_members_other_sessions(member_client, member):
    assert _logged_in(member_client)

    changed = Member.objects.get(pk=member.pk)
    changed.set_password("een-heel-nieuw-wachtwoord")
    changed.save()

    assert not _logged_in(member_client)


def test_a_time_out_is_seen_at_once_by_the_member(member_client, member):
    assert _logged_in(member_client)
    services.member_time_out(
        member=Member.objects.get(pk=member.pk), until=timezone.now() + dt.timedelta(days=2)
    )

    response = member_client.get(reverse("forum:account"))
    assert response.status_code == 200
    assert response.wsgi_request.user.posting_blocked_until is not None
