"""Members, boards, topics and posts.

A post's text lives in two fields: `body` is what others may read (the filtered text), and
`original` is what the member typed, encrypted, kept only while the post waits for a moderator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from forum.search_text import search_stems


class MemberQuerySet(models.QuerySet["Member"]):
    def update(self, **kwargs: object) -> int:
        """As QuerySet.update, and the accounts it changes are no longer taken from the cache
        (forum.auth): a bulk update sends no signal."""
        from forum.auth import account_version_bump

        member_ids = list(self.values_list("pk", flat=True))
        updated = super().update(**kwargs)
        for member_id in member_ids:
            account_version_bump(member_id=member_id)
        return updated

    update.alters_data = True  # type: ignore[attr-defined]

    def bulk_update(
        self, objs: Iterable[Member], fields: Iterable[str], batch_size: int | None = None
    ) -> int:
        from forum.auth import account_version_bump

        members = list(objs)
        updated = super().bulk_update(members, fields, batch_size)  # type: ignore[arg-type]
        for member in members:
            account_version_bump(member_id=member.pk)
        return updated


class MemberManager(UserManager.from_queryset(MemberQuerySet)):  # type: ignore[misc]
    pass


class Member(AbstractUser):
    """A forum account. `username` is the nickname; no e-mail address or real name is asked."""

    objects: ClassVar[MemberManager] = MemberManager()

    age = models.PositiveSmallIntegerField(_("leeftijd bij aanmelden"), null=True, blank=True)
    age_given_on = models.DateField(_("leeftijd opgegeven op"), null=True, blank=True)
    posting_blocked_until = models.DateTimeField(_("mag niet posten tot"), null=True, blank=True)

    class Meta:
        verbose_name = _("lid")
        verbose_name_plural = _("leden")

    @property
    def nickname(self) -> str:
        return self.username

    def current_age(self, today: dt.date | None = None) -> int | None:
        """The age now, from the age given at sign-up (a year added per year since)."""
        if self.age is None or self.age_given_on is None:
            return None
        today = today or timezone.localdate()
        return self.age + (today - self.age_given_on).days // 365


class RecoveryCode(models.Model):
    """A one-time code, shown once at sign-up, to set a new password. Only its hash is kept."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=64, db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"recovery code {self.pk} ({'used' if self.used_at else 'unused'})"


class Board(models.Model):
    name = models.CharField(_("naam"), max_length=60, unique=True)
    slug = models.SlugField(unique=True)
    description = models.CharField(_("omschrijving"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    # Kept by forum.services.board_recount whenever a topic goes on or off the forum or gets a reply,
    # so that the forum index and the home page read them instead of counting every topic.
    topic_count = models.PositiveIntegerField(_("aantal onderwerpen"), default=0, editable=False)
    last_activity_at = models.DateTimeField(_("laatst actief"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("forum")
        verbose_name_plural = _("fora")

    def __str__(self) -> str:
        return self.name


class Status(models.TextChoices):
    PENDING = "pending", _("wordt gecontroleerd")
    PUBLISHED = "published", _("geplaatst")
    QUEUED = "queued", _("wacht op een moderator")
    URGENT = "urgent", _("wacht op een moderator")
    REJECTED = "rejected", _("niet geplaatst")
    REMOVED = "removed", _("verwijderd")


HELD_STATUSES = (Status.PENDING, Status.QUEUED, Status.URGENT)


class RejectReason(models.TextChoices):
    """Why a moderator did not place a post, as its writer reads it: kindly, in plain Dutch."""

    PERSONAL_DATA = (
        "personal_data",
        _(
            "Er stonden gegevens in waarmee iemand jou of een ander kan vinden. Dat is niet veilig op het forum."
        ),
    )
    HURTFUL = (
        "hurtful",
        _("Je bericht kan iemand anders kwetsen. Op Praatplein gaan we aardig met elkaar om."),
    )
    MEET_UP = (
        "meet_up",
        _("Afspreken of contact buiten het forum is niet toegestaan, om iedereen veilig te houden."),
    )
    OFF_TOPIC = "off_topic", _("Je bericht past niet op het forum of niet bij dit onderwerp.")
    SPAM = "spam", _("Reclame en herhaalde berichten plaatsen we niet.")
    CARE = (
        "care",
        _("We plaatsen je bericht niet, omdat we ons zorgen om je maken. Praat erover met een vrijwilliger."),
    )


class Topic(index.Indexed, models.Model):
    """A conversation on a board. Visible to others once its opening post is published."""

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="topics")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="topics"
    )
    title = models.CharField(_("titel"), max_length=200, blank=True)
    title_original = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)
    reply_count = models.PositiveIntegerField(default=0)

    # Only the published (filtered) title is ever indexed (see get_indexed_objects), as Dutch stems
    # without the filter's placeholders (forum.search_text); the board's name too, so that a search
    # for "pesten" finds the conversations on the Pesten board.
    search_fields = [
        index.SearchField("search_title", boost=3),
        index.SearchField("search_board"),
        index.FilterField("status"),
        index.FilterField("board_id"),
        index.FilterField("last_activity_at"),
    ]

    class Meta:
        indexes = [models.Index(fields=["board", "status", "-last_activity_at", "-id"])]
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")

    def __str__(self) -> str:
        return self.title or f"#{self.pk}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("forum:topic", kwargs={"board": self.board.slug, "topic_id": self.pk})

    @classmethod
    def get_indexed_objects(cls) -> models.QuerySet[Topic]:
        return super().get_indexed_objects().filter(status=Status.PUBLISHED).select_related("board")

    def search_title(self) -> str:
        return search_stems(self.title)

    def search_board(self) -> str:
        return search_stems(self.board.name)


class Post(index.Indexed, models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="posts"
    )
    is_opening = models.BooleanField(default=False)
    body = models.TextField(blank=True)
    original = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    screened_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    recognised_count = models.PositiveIntegerField(default=0)
    reject_reason = models.CharField(max_length=20, choices=RejectReason.choices, blank=True)

    # Only the filtered text of published posts is indexed, never an original.
    search_fields = [
        index.SearchField("search_body"),
        index.FilterField("status"),
        index.FilterField("topic_id"),
        index.FilterField("created_at"),
    ]

    class Meta:
        indexes = [
            models.Index(fields=["topic", "status", "created_at", "id"]),
            models.Index(fields=["author", "-created_at"]),
            models.Index(fields=["status", "created_at"]),
        ]
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")

    def __str__(self) -> str:
        return f"Post {self.pk} ({self.status})"

    @property
    def is_held(self) -> bool:
        return self.status in HELD_STATUSES

    @classmethod
    def get_indexed_objects(cls) -> models.QuerySet[Post]:
        return super().get_indexed_objects().filter(status=Status.PUBLISHED, topic__status=Status.PUBLISHED)

    def search_body(self) -> str:
        """The filtered text as the index holds it: Dutch stems, without placeholders."""
        return search_stems(self.body)


class Reaction(models.Model):
    """ "Herkenbaar": a member recognises themselves in a post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reactions")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "member"], name="one_reaction_per_member")]

    def __str__(self) -> str:
        return f"herkenbaar {self.post_id} by {self.member_id}"


class Report(models.Model):
    class Reason(models.TextChoices):
        PERSONAL_DATA = "personal_data", _("Er staan persoonlijke gegevens in")
        HURTFUL = "hurtful", _("Het is kwetsend of pesten")
        WORRIED = "worried", _("Ik maak me zorgen om de schrijver")
        SPAM = "spam", _("Reclame of spam")
        OTHER = "other", _("Iets anders")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    reason = models.CharField(max_length=20, choices=Reason.choices)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "reporter"], name="one_report_per_member")]

    def __str__(self) -> str:
        return f"report {self.pk} on post {self.post_id}: {self.reason}"
