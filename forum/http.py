"""Request types for views: what a view may assume about `request.user`."""

from __future__ import annotations

from django.http import HttpRequest

from forum.models import Member


class MemberRequest(HttpRequest):
    """A request of a logged-in member: the type of views behind `login_required`."""

    user: Member  # type: ignore[assignment]  # narrowed from Member | AnonymousUser by login_required
