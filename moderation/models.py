"""The moderators' side: what screening decided, the review queue, strikes and the audit trail.

No model here keeps the words of a post: findings are offsets and types, audit entries say who
did what, and the original text lives (encrypted) on the post only while it waits.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum.models import Board, Post, RejectReason


class Screening(models.Model):
    """One run of the filter over one part of a post (its text, or its topic's title)."""

    class Part(models.TextChoices):
        BODY = "body", _("bericht")
        TITLE = "title", _("titel")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="screenings")
    part = models.CharField(max_length=5, choices=Part.choices, default=Part.BODY)
    decision = models.CharField(max_length=10)
    # [{type, start, end, score, source}]: offsets into the original, never its words.
    findings = models.JSONField(default=list)
    reasons = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["decision", "created_at"])]
        verbose_name = _("screening")

    def __str__(self) -> str:
        return f"screening of post {self.post_id} ({self.part}): {self.decision}"


class DailyFindingCount(models.Model):
    """How often each kind of finding was removed on a day: the figures without rereading findings."""

    day = models.DateField()
    type = models.CharField(max_length=40)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "type"], name="one_count_per_day_and_type")]

    def __str__(self) -> str:
        return f"{self.day} {self.type}: {self.count}"


class Review(models.Model):
    """An item in the moderators' queue: a post held by the filter, or reported by members."""

    class Kind(models.TextChoices):
        HELD = "held", _("tegengehouden door het filter")
        REPORTED = "reported", _("gemeld door leden")

    class State(models.TextChoices):
        OPEN = "open", _("open")
        ESCALATED = "escalated", _("doorgezet naar een senior")
        DECIDED = "decided", _("afgehandeld")

    class Outcome(models.TextChoices):
        PUBLISHED = "published", _("geplaatst zoals gefilterd")
        EDITED = "edited", _("aangepast en geplaatst")
        REJECTED = "rejected", _("afgewezen")
        KEPT = "kept", _("melding afgewezen, bericht blijft staan")
        WITHDRAWN = "withdrawn", _("ingetrokken door de schrijver")

    class FollowUp(models.TextChoices):
        CHAT_OFFERED = "chat_offered", _("chat aangeboden")
        CHAT = "chat", _("contact gelegd via de chat")
        SENIOR = "senior", _("doorgegeven aan een senior moderator")
        REFERRED = "referred", _("doorverwezen (113, 112 of hulpverlening)")
        NO_CONTACT = "no_contact", _("geen contact mogelijk; collega ingelicht")
        NOT_NEEDED = "not_needed", _("achteraf niet nodig")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reviews")
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    urgent = models.BooleanField(default=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    claimed_until = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    reject_reason = models.CharField(max_length=20, choices=RejectReason.choices, blank=True)
    followup = models.CharField(max_length=12, choices=FollowUp.choices, blank=True)
    followup_at = models.DateTimeField(null=True, blank=True)
    # Why the filter held it: the finding types that are reasons to hold, as "|zelfdoding|weglopen|",
    # so that the queue can be filtered by one of them on any database (see moderation.findings).
    categories = models.CharField(max_length=300, blank=True, default="")
    # When a moderator first did something with it (opened, decided or escalated): the team's
    # "time to first action", most of all for urgent items.
    first_action_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["state", "-urgent", "created_at", "id"], name="review_queue_order"),
            models.Index(fields=["decided_at"]),
            models.Index(fields=["post", "state"]),
        ]
        permissions = [
            ("moderate", _("Kan de wachtrij van moderatoren zien en beslissen")),
            ("moderate_escalated", _("Kan doorgezette (senior) items afhandelen")),
        ]
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")

    def __str__(self) -> str:
        return f"review {self.pk} of post {self.post_id} ({self.kind}, {self.state})"

    @property
    def category_list(self) -> list[str]:
        return [c for c in self.categories.split("|") if c]

    @property
    def is_open(self) -> bool:
        return self.state != self.State.DECIDED

    def claimed_by_other(self, moderator_id: int, now=None) -> bool:  # type: ignore[no-untyped-def]
        now = now or timezone.now()
        return bool(
            self.claimed_by_id
            and self.claimed_by_id != moderator_id
            and self.claimed_until
            and self.claimed_until > now
        )


class Strike(models.Model):
    """A warning given with a rejection. Warnings expire; enough of them within a year block an account."""

    class Kind(models.TextChoices):
        CONTACT = "contact", _("contactgegevens gedeeld")
        BEHAVIOUR = "behaviour", _("gedrag")

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="strikes")
    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.SET_NULL, related_name="strikes"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    reason = models.CharField(max_length=20, choices=RejectReason.choices)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["member", "expires_at"])]
        verbose_name = _("waarschuwing")
        verbose_name_plural = _("waarschuwingen")

    def __str__(self) -> str:
        return f"strike {self.pk} for member {self.member_id} ({self.kind})"


class AuditEntry(models.Model):
    """One automatic or human decision. Written once, never edited; details expire (see retention)."""

    class Action(models.TextChoices):
        SCREENED = "screened", _("gescreend door het filter")
        CLAIMED = "claimed", _("opgepakt")
        PUBLISHED = "published", _("geplaatst")
        EDITED = "edited", _("aangepast en geplaatst")
        REJECTED = "rejected", _("afgewezen")
        ESCALATED = "escalated", _("doorgezet")
        FOLLOWED_UP = "followed_up", _("opvolging afgerond")
        REPORTED = "reported", _("gemeld")
        HIDDEN = "hidden", _("verborgen na meldingen")
        KEPT = "kept", _("melding afgewezen")
        WARNED = "warned", _("waarschuwing gegeven")
        BLOCKED = "blocked", _("account geblokkeerd")
        TIMED_OUT = "timed_out", _("time-out gegeven")
        RETENTION = "retention", _("opgeruimd (bewaartermijn)")

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150)  # the nickname then, or the rule ("filter")
    action = models.CharField(max_length=12, choices=Action.choices)
    post_id_ref = models.BigIntegerField(null=True, blank=True, db_index=True)
    member_name = models.CharField(max_length=150, blank=True)  # whom it concerned
    summary = models.CharField(max_length=300, blank=True)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        indexes = [models.Index(fields=["action", "-created_at"]), models.Index(fields=["member_name"])]
        verbose_name = _("logregel")
        verbose_name_plural = _("logboek")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action}"

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        """Audit entries are written once; only the retention task may clear their details."""
        if self.pk and not kwargs.pop("retention", False):
            raise PermissionError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)


class ModeratorPreference(models.Model):
    """A moderator's wellbeing choices: boards they prefer not to see in their queue."""

    moderator = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderator_preference"
    )
    skipped_boards = models.ManyToManyField(Board, blank=True, related_name="+")

    def __str__(self) -> str:
        return f"preferences of {self.moderator_id}"
