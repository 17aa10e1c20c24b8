"""Writing the audit trail: one line per automatic or human decision."""

from __future__ import annotations

from typing import Any

from forum.models import Member, Post
from moderation.models import AuditEntry

FILTER = "filter"


def audit_record(
    *,
    action: str,
    actor: Member | None = None,
    post: Post | None = None,
    member: Member | None = None,
    summary: str = "",
    details: dict[str, Any] | None = None,
    actor_name: str = "",
) -> AuditEntry:
    """Record who (a moderator or member, or the filter when `actor` is None) did what, to which
    post or member. `actor_name` names an actor without an account ("automatisch").

    Never pass a post's words in `summary` or `details`: types, scores, reasons and ids only.
    """
    if member is None and post is not None:
        member = post.author
    return AuditEntry.objects.create(
        action=action,
        actor=actor,
        actor_name=actor.username if actor else (actor_name or FILTER),
        post_id_ref=post.pk if post else None,
        member_name=member.username if member else "",
        summary=summary[:300],
        details=details or {},
    )
