"""Retention: originals of undecided items, expired warnings and old audit details are deleted."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from forum.models import HELD_STATUSES, Post, Topic
from moderation.audit import audit_record
from moderation.models import AuditEntry, Strike


def retention_apply(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Apply MODERATION_ORIGINAL_RETENTION_DAYS, MODERATION_AUDIT_DETAIL_DAYS and strike expiry.

    Returns how many of each were deleted. A held post whose original is deleted stays held with
    its filtered text, so a moderator can still decide it.
    """
    now = now or timezone.now()
    original_cutoff = now - dt.timedelta(days=settings.MODERATION_ORIGINAL_RETENTION_DAYS)
    audit_cutoff = now - dt.timedelta(days=settings.MODERATION_AUDIT_DETAIL_DAYS)
    with transaction.atomic():
        originals = (
            Post.objects.filter(status__in=HELD_STATUSES, created_at__lt=original_cutoff)
            .exclude(original="")
            .update(original="")
        )
        Topic.objects.filter(status__in=HELD_STATUSES, created_at__lt=original_cutoff).exclude(
            title_original=""
        ).update(title_original="")
        strikes, _ = Strike.objects.filter(expires_at__lt=now).delete()
        details = 0
        for entry in AuditEntry.objects.filter(created_at__lt=audit_cutoff).exclude(details={}).iterator():
            entry.details = {}
            entry.save(update_fields=["details"], retention=True)
            details += 1
        counts = {"originals": originals, "strikes": strikes, "audit_details": details}
        if any(counts.values()):
            audit_record(
                action=AuditEntry.Action.RETENTION,
                actor_name=gettext("automatisch"),
                summary=gettext(
                    "%(originals)d originele teksten, %(strikes)d verlopen waarschuwingen en "
                    "%(details)d toelichtingen gewist"
                )
                % {"originals": originals, "strikes": strikes, "details": details},
                details={},
            )
    return counts
