"""Screening: the one path from a typed text to a decision, used by the Celery task,
`manage.py moderate_text` and every other caller."""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

import nlp_models
from forum.crypto import unseal
from forum.models import Post, Status
from forum.services import ScreeningOutcome, post_record_screening
from moderation.audit import audit_record
from moderation.findings import categories_key
from moderation.models import AuditEntry, DailyFindingCount, Review, Screening

logger = logging.getLogger(__name__)


@cache
def _filter_config(**thresholds: Any) -> nlp_models.FilterConfig:
    return nlp_models.FilterConfig(**thresholds)


def filter_config() -> nlp_models.FilterConfig:
    """The filter's thresholds from settings.NLP_FILTER."""
    return _filter_config(**settings.NLP_FILTER)


def text_screen(text: str) -> nlp_models.Screening:
    """Screen a text exactly as a post is screened: normalised as stored, then filtered."""
    return nlp_models.screen(nlp_models.clean_input(text), config=filter_config())


def _worst(*decisions: nlp_models.Decision) -> nlp_models.Decision:
    return max(decisions, key=lambda d: d.severity)


def post_screen(*, post_id: int) -> Post | None:
    """Screen a pending post (and its topic's title, for an opening post) and record the outcome.

    Safe to run more than once: a post that is no longer pending is left as it is.
    """
    with transaction.atomic():
        post = Post.objects.select_for_update().select_related("topic").filter(pk=post_id).first()
        if post is None or post.status != Status.PENDING:
            return post
        body = text_screen(unseal(post.original))
        records = [Screening(post=post, part=Screening.Part.BODY, **_record(body))]
        decision = body.decision
        title_text = None
        if post.is_opening:
            title = text_screen(unseal(post.topic.title_original))
            records.append(Screening(post=post, part=Screening.Part.TITLE, **_record(title)))
            decision = _worst(decision, title.decision)
            title_text = title.published_text
        Screening.objects.bulk_create(records)
        outcome = ScreeningOutcome(decision.value, body.published_text, title_text)
        post = post_record_screening(post=post, outcome=outcome)
        if decision != nlp_models.Decision.PUBLISH:
            Review.objects.create(
                post=post,
                board_id=post.topic.board_id,
                kind=Review.Kind.HELD,
                urgent=decision == nlp_models.Decision.URGENT,
                categories=categories_key([f for record in records for f in record.findings]),
            )
        _count_removals(records)
        audit_record(
            action=AuditEntry.Action.SCREENED,
            post=post,
            summary=decision.value,
            details={"reasons": [r for record in records for r in record.reasons]},
        )
    logger.info("post %s screened: %s", post.pk, decision.value)
    return post


# The kinds of findings that are removed from a text (filter-policy.md); others only inform a decision.
REMOVAL_TYPES = frozenset(
    "PERSON PHONE EMAIL ADDRESS POSTCODE BSN IBAN HANDLE URL SCHOOL BIRTHDATE PLATE PROFANITY".split()
)


def _count_removals(records: list[Screening]) -> None:
    """Add this post's removals to the day's counts per type (for the team's figures)."""
    counts: dict[str, int] = {}
    for record in records:
        for finding in record.findings:
            if finding["type"] in REMOVAL_TYPES:
                counts[finding["type"]] = counts.get(finding["type"], 0) + 1
    day = timezone.localdate()
    for kind, n in counts.items():
        row, created = DailyFindingCount.objects.get_or_create(day=day, type=kind, defaults={"count": n})
        if not created:
            DailyFindingCount.objects.filter(pk=row.pk).update(count=F("count") + n)


def _record(screening: nlp_models.Screening) -> dict:
    return {
        "decision": screening.decision.value,
        "findings": [f.as_dict() for f in screening.findings],
        "reasons": list(screening.reasons),
    }
