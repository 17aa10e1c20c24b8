"""Reads for the chat: who may do what, the queue, a volunteer's console, the figures."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.cache import cache
from django.db.models import Avg, Count, Max, Q, QuerySet
from django.db.models.functions import ExtractHour, TruncDate
from django.utils import timezone

from chat.hours import AMSTERDAM
from chat.models import Chat, ChatRecord, ChatStatus, Message, Subject, VolunteerPresence
from forum.models import Board, Member, Post, Status, Topic

VOLUNTEER_GROUP = "Vrijwilligers"
COORDINATOR_GROUP = "Coördinatoren"

AnyUser = AbstractBaseUser | AnonymousUser


def _in_group_or_superuser(user: AnyUser, group: str) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if getattr(user, "is_superuser", False):
        return True
    groups = getattr(user, "groups", None)
    return bool(groups is not None and groups.filter(name=group).exists())


def is_volunteer(user: AnyUser) -> bool:
    """Volunteers (the "Vrijwilligers" group) and superusers work in the console."""
    return _in_group_or_superuser(user, VOLUNTEER_GROUP)


def is_coordinator(user: AnyUser) -> bool:
    """Coordinators (the "Coördinatoren" group) and superusers see the figures."""
    return _in_group_or_superuser(user, COORDINATOR_GROUP)


def volunteers() -> QuerySet[Member]:
    return Member.objects.filter(
        Q(is_superuser=True) | Q(groups__name=VOLUNTEER_GROUP), is_active=True
    ).distinct()


def chat_for_token_hash(*, token_hash: str) -> Chat | None:
    return Chat.objects.filter(token_hash=token_hash).first()


def waiting_chats() -> QuerySet[Chat]:
    """Waiting chats in the order they are offered: urgent first, then first come."""
    return Chat.objects.filter(status=ChatStatus.WAITING).order_by("-is_urgent", "queued_at", "id")


def waiting_count() -> int:
    return Chat.objects.filter(status=ChatStatus.WAITING).count()


def queue_position(*, chat: Chat) -> int:
    """1 for the next chat to be offered. Urgent chats go before the others."""
    ahead = Q(queued_at__lt=chat.queued_at) | Q(queued_at=chat.queued_at, id__lt=chat.pk)
    before = Q(is_urgent=True) & ahead if chat.is_urgent else Q(is_urgent=True) | ahead
    return Chat.objects.filter(before, status=ChatStatus.WAITING).exclude(pk=chat.pk).count() + 1


def volunteer_loads() -> dict[int, int]:
    """Open chats (offered or active) per available volunteer, including those with none."""
    available = VolunteerPresence.objects.filter(is_available=True, volunteer__in=volunteers())
    loads = dict.fromkeys(available.values_list("volunteer_id", flat=True), 0)
    counted = (
        Chat.objects.filter(volunteer_id__in=loads, status__in=[ChatStatus.OFFERED, ChatStatus.ACTIVE])
        .values("volunteer_id")
        .annotate(n=Count("id"))
    )
    for row in counted:
        loads[row["volunteer_id"]] = row["n"]
    return loads


def _average_chat_minutes() -> float:
    recent = ChatRecord.objects.filter(duration_seconds__isnull=False).order_by("-ended_at")[:50]
    average = ChatRecord.objects.filter(pk__in=list(recent.values_list("pk", flat=True))).aggregate(
        a=Avg("duration_seconds")
    )["a"]
    return (average / 60) if average else settings.CHAT_DEFAULT_CHAT_MINUTES


def estimated_wait_minutes(*, position: int) -> int | None:
    """A rough wait for the chat at `position` (1 = next); None when no volunteer is available.

    Free places at available volunteers are taken at once; beyond those, each place in the queue
    waits for a chat of average length to end at one of the volunteers' places.
    """
    loads = volunteer_loads()
    if not loads:
        return None
    places = len(loads) * settings.CHAT_MAX_CONCURRENT
    free = sum(max(settings.CHAT_MAX_CONCURRENT - n, 0) for n in loads.values())
    if position <= free:
        return 1
    return max(1, math.ceil((position - free) * _average_chat_minutes() / places))


ENTRY_FIGURES_KEY = "chat:entry-figures"
ENTRY_FIGURES_SECONDS = 5


def entry_figures() -> tuple[int, int | None]:
    """How many wait and the estimated wait for a newcomer, as the entry page shows them.

    Kept for a few seconds: the entry page is the chat's busiest page, and a wait a few seconds old
    is as good as a fresh one there (the waiting page itself is live).
    """
    figures = cache.get(ENTRY_FIGURES_KEY)
    if figures is None:
        waiting = waiting_count()
        figures = (waiting, estimated_wait_minutes(position=waiting + 1))
        cache.set(ENTRY_FIGURES_KEY, figures, ENTRY_FIGURES_SECONDS)
    return figures


@dataclass
class WaitingState:
    status: str
    position: int | None = None
    wait_minutes: int | None = None

    def as_event(self) -> dict[str, Any]:
        return {"type": "state", "status": self.status, "position": self.position, "wait": self.wait_minutes}


def chat_state(*, chat: Chat | None) -> WaitingState:
    """What the young person's page shows: waiting (place, wait), found, talking, or ended."""
    if chat is None:
        return WaitingState(status="ended")
    if chat.status == ChatStatus.WAITING:
        position = queue_position(chat=chat)
        return WaitingState(
            status="waiting", position=position, wait_minutes=estimated_wait_minutes(position=position)
        )
    return WaitingState(status=str(chat.status))


def message_payload(message: Message) -> dict[str, Any]:
    return {
        "id": message.pk,
        "sender": message.sender,
        "text": message.text,
        "client_id": message.client_id,
        "time": timezone.localtime(message.created_at, AMSTERDAM).strftime("%H:%M"),
    }


def chat_messages(*, chat_id: int, after: int = 0) -> list[dict[str, Any]]:
    """The chat's messages after message id `after`, oldest first, ready to send."""
    return [message_payload(m) for m in Message.objects.filter(chat_id=chat_id, id__gt=after)]


@dataclass
class ConsoleState:
    is_available: bool
    waiting: int
    offered: list[Chat] = field(default_factory=list)
    active: list[Chat] = field(default_factory=list)
    watching: list[Chat] = field(default_factory=list)
    to_register: list[ChatRecord] = field(default_factory=list)
    max_concurrent: int = 0


def console_state(*, volunteer: Member) -> ConsoleState:
    presence = VolunteerPresence.objects.filter(volunteer=volunteer).first()
    own = list(
        Chat.objects.filter(volunteer=volunteer, status__in=[ChatStatus.OFFERED, ChatStatus.ACTIVE])
        .select_related("board")
        .order_by("queued_at")
    )
    return ConsoleState(
        is_available=bool(presence and presence.is_available),
        waiting=waiting_count(),
        offered=[c for c in own if c.status == ChatStatus.OFFERED],
        active=[c for c in own if c.status == ChatStatus.ACTIVE],
        watching=list(
            Chat.objects.filter(watcher=volunteer, status=ChatStatus.ACTIVE).select_related("volunteer")
        ),
        to_register=list(
            ChatRecord.objects.filter(
                volunteer=volunteer, registered_at__isnull=True, started_at__isnull=False
            ).order_by("-ended_at")[:20]
        ),
        max_concurrent=settings.CHAT_MAX_CONCURRENT,
    )


def watch_colleagues(*, chat: Chat) -> QuerySet[Member]:
    """Colleagues who may be asked to watch along: other volunteers."""
    return volunteers().exclude(pk__in=[chat.volunteer_id]).order_by("username")


@dataclass
class Shareable:
    """What a young person coming from the forum may take along into the chat."""

    text: str = ""
    is_urgent: bool = False
    board: Board | None = None


def shareable_from_forum(*, post_id: int | None, topic_id: int | None, viewer: AnyUser) -> Shareable:
    """The filtered text of a post the viewer may read (a published post, or their own held one),
    from a post id or a topic (their own latest held post there, else its opening post).

    The chat is urgent only when that post is the viewer's own and waits as urgent.
    """
    viewer_id = viewer.pk if viewer.is_authenticated else None
    readable = Q(status=Status.PUBLISHED, topic__status=Status.PUBLISHED)
    own_held = (
        Q(author_id=viewer_id, status__in=[Status.QUEUED, Status.URGENT]) if viewer_id else Q(pk__in=[])
    )
    posts = Post.objects.select_related("topic__board")
    post: Post | None = None
    if post_id is not None:
        post = posts.filter(readable | own_held, pk=post_id).first()
    elif topic_id is not None:
        topic_posts = posts.filter(topic_id=topic_id)
        post = (
            topic_posts.filter(own_held).order_by("-status", "-created_at").first()  # "urgent" > "queued"
            or topic_posts.filter(readable, is_opening=True).first()
        )
        if post is None:
            topic = Topic.objects.filter(pk=topic_id, status=Status.PUBLISHED).select_related("board").first()
            return Shareable(board=topic.board if topic else None)
    if post is None:
        return Shareable()
    return Shareable(
        text=post.body,
        is_urgent=post.status == Status.URGENT and viewer_id is not None and post.author_id == viewer_id,
        board=post.topic.board,
    )


# --- Figures for coordinators ------------------------------------------------------------------


@dataclass
class Figures:
    days: int
    total: int
    per_day: list[tuple[dt.date, int]]
    per_hour: list[tuple[int, int]]
    average_wait_minutes: float | None
    longest_wait_minutes: float | None
    left_while_waiting: int
    per_volunteer: list[tuple[str, int]]
    subjects: list[tuple[str, int]]
    unregistered: int
    time_outs: int


def figures(*, days: int = 30) -> Figures:
    since = timezone.now() - dt.timedelta(days=days)
    records = ChatRecord.objects.filter(ended_at__gte=since)
    answered = records.filter(started_at__isnull=False)
    per_day = (
        records.annotate(day=TruncDate("queued_at", tzinfo=AMSTERDAM))
        .values("day")
        .annotate(n=Count("id"))
        .order_by("day")
    )
    per_hour = dict(
        records.annotate(hour=ExtractHour("queued_at", tzinfo=AMSTERDAM))
        .values("hour")
        .annotate(n=Count("id"))
        .values_list("hour", "n")
    )
    waits = answered.aggregate(avg=Avg("waited_seconds"), longest=Max("waited_seconds"))
    per_volunteer = (
        answered.values("volunteer__username").annotate(n=Count("id")).order_by("-n", "volunteer__username")
    )
    labels = dict(Subject.choices)
    subjects = (
        answered.exclude(subject="").values("subject").annotate(n=Count("id")).order_by("-n", "subject")
    )
    return Figures(
        days=days,
        total=records.count(),
        per_day=[(row["day"], row["n"]) for row in per_day],
        per_hour=[(hour, per_hour.get(hour, 0)) for hour in range(24) if per_hour.get(hour)],
        average_wait_minutes=round(waits["avg"] / 60, 1) if waits["avg"] is not None else None,
        longest_wait_minutes=round(waits["longest"] / 60, 1) if waits["longest"] is not None else None,
        left_while_waiting=records.filter(left_while_waiting=True).count(),
        per_volunteer=[(row["volunteer__username"] or "oud-lid", row["n"]) for row in per_volunteer],
        subjects=[(str(labels.get(row["subject"], row["subject"])), row["n"]) for row in subjects],
        unregistered=answered.filter(registered_at__isnull=True).count(),
        time_outs=records.filter(timed_out=True).count(),
    )
