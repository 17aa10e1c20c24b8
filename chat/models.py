"""The live chat between a young person and a volunteer.

A `Chat` and its `Message`s exist only while the conversation lasts; when it ends both are deleted
and a `ChatRecord` remains: when, how long the young person waited, who answered, and the
volunteer's registration (subject, age group, first or repeat contact) — never free text about
the young person. The young person has no account: their side is a random token kept in their
browser session, stored here only as a hash.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ChatStatus(models.TextChoices):
    WAITING = "waiting", _("wacht")
    OFFERED = "offered", _("aangeboden aan een vrijwilliger")
    ACTIVE = "active", _("bezig")


OPEN_STATUSES = (ChatStatus.WAITING, ChatStatus.OFFERED, ChatStatus.ACTIVE)


class Chat(models.Model):
    token_hash = models.CharField(max_length=64, unique=True)
    # The browser session's visitor token (hashed), kept so that a time-out can follow the session.
    visitor_hash = models.CharField(max_length=64, db_index=True)
    nickname = models.CharField(_("schuilnaam"), max_length=30)
    age = models.PositiveSmallIntegerField(_("leeftijd"))
    board = models.ForeignKey(
        "forum.Board", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    shared_text = models.TextField(blank=True)
    is_urgent = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=ChatStatus.choices, default=ChatStatus.WAITING)
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="chats"
    )
    watcher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="watched_chats",
    )
    queued_at = models.DateTimeField(default=timezone.now)
    offered_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["status", "-is_urgent", "queued_at", "id"])]

    def __str__(self) -> str:
        return f"chat {self.pk} ({self.status})"


class Sender(models.TextChoices):
    YOUNG_PERSON = "young", _("jongere")
    VOLUNTEER = "volunteer", _("vrijwilliger")


class Message(models.Model):
    chat = models.ForeignKey(Chat, on_delete=models.CASCADE, related_name="messages")
    sender = models.CharField(max_length=10, choices=Sender.choices)
    text = models.TextField()
    # Chosen by the browser, so that a message resent after a dropped connection is stored once.
    client_id = models.CharField(max_length=40)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["chat", "sender", "client_id"], name="chat_message_once"),
        ]

    def __str__(self) -> str:
        return f"message {self.pk} in chat {self.chat_id}"


class VolunteerPresence(models.Model):
    """Whether a volunteer takes chats now."""

    volunteer = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    is_available = models.BooleanField(default=False)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"presence of {self.volunteer_id}: {self.is_available}"


class TimeOut(models.Model):
    """A browser session that may not start a chat until `until` (after abuse)."""

    visitor_hash = models.CharField(max_length=64, db_index=True)
    until = models.DateTimeField()
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"time-out until {self.until:%Y-%m-%d %H:%M}"


class Subject(models.TextChoices):
    SCHOOL = "school", _("School")
    HOME = "home", _("Thuis en familie")
    FRIENDS = "friends", _("Vrienden en pesten")
    LOVE = "love", _("Verliefd, relaties en seks")
    BODY = "body", _("Lichaam en gezondheid")
    FEELINGS = "feelings", _("Gevoelens, somberheid en angst")
    SUICIDE = "suicide", _("Zelfmoordgedachten of zelfbeschadiging")
    ABUSE = "abuse", _("Geweld of misbruik")
    GRIEF = "grief", _("Rouw en verlies")
    OTHER = "other", _("Iets anders")
    TEST = "test", _("Uitproberen, grap of misbruik van de chat")


class AgeGroup(models.TextChoices):
    AGE_8_11 = "8-11", _("8 tot 12 jaar")
    AGE_12_14 = "12-14", _("12 tot 15 jaar")
    AGE_15_18 = "15-18", _("15 tot en met 18 jaar")
    UNKNOWN = "unknown", _("Onbekend")


class Contact(models.TextChoices):
    FIRST = "first", _("Eerste contact")
    REPEAT = "repeat", _("Herhaald contact")
    UNKNOWN = "unknown", _("Onbekend")


class ChatRecord(models.Model):
    """What remains of a chat once it has ended: figures and the volunteer's registration."""

    queued_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(default=timezone.now)
    waited_seconds = models.PositiveIntegerField(null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(null=True, blank=True)
    is_urgent = models.BooleanField(default=False)
    left_while_waiting = models.BooleanField(default=False)
    timed_out = models.BooleanField(default=False)
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chat_records",
    )
    subject = models.CharField(_("onderwerp"), max_length=20, choices=Subject.choices, blank=True)
    age_group = models.CharField(_("leeftijdsgroep"), max_length=10, choices=AgeGroup.choices, blank=True)
    contact = models.CharField(_("contact"), max_length=10, choices=Contact.choices, blank=True)
    # The age group the young person gave, to pre-fill the registration.
    stated_age_group = models.CharField(max_length=10, choices=AgeGroup.choices, blank=True)
    registered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["ended_at"]), models.Index(fields=["volunteer", "registered_at"])]

    def __str__(self) -> str:
        return f"chat record {self.pk}"
