"""The forum's writes. Views, tasks and commands call these; they hold the rules."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.search import index

import nlp_models
from forum.crypto import seal
from forum.models import (
    HELD_STATUSES,
    Board,
    Member,
    Post,
    Reaction,
    RecoveryCode,
    RejectReason,
    Report,
    Status,
    Topic,
)
from forum.signals import forum_changed, member_deleting, post_reported, post_submitted


class RateLimited(ValidationError):
    """Posting again too soon. `wait` is the number of seconds left."""

    def __init__(self, wait: int, message: str | None = None) -> None:
        self.wait = wait
        super().__init__(
            message
            or ngettext(
                "Je hebt net al iets geplaatst. Wacht nog %(n)d seconde en probeer het dan opnieuw. "
                "Je tekst staat hieronder nog.",
                "Je hebt net al iets geplaatst. Wacht nog %(n)d seconden en probeer het dan opnieuw. "
                "Je tekst staat hieronder nog.",
                wait,
            )
            % {"n": wait},
            code="rate_limited",
        )


class HourlyCapReached(RateLimited):
    """Posted as often as `RATE_LIMITS["post"]` allows within its window. `wait` is in seconds."""

    def __init__(self, wait: int, *, limit: int) -> None:
        minutes = max(1, -(-wait // 60))  # rounded up: never "0 minutes"
        super().__init__(
            wait,
            ngettext(
                "Je hebt het afgelopen uur al %(limit)d bericht geplaatst; meer kan niet in een uur.",
                "Je hebt het afgelopen uur al %(limit)d berichten geplaatst; meer kan niet in een uur.",
                limit,
            )
            % {"limit": limit}
            + " "
            + ngettext(
                "Over %(n)d minuut kun je weer iets plaatsen. Je tekst staat hieronder nog.",
                "Over %(n)d minuten kun je weer iets plaatsen. Je tekst staat hieronder nog.",
                minutes,
            )
            % {"n": minutes},
        )


# --- Members -------------------------------------------------------------------------------

NICKNAME_PROBLEMS = {
    "PERSON": gettext_lazy("lijkt op een echte naam"),
    "PHONE": gettext_lazy("bevat een telefoonnummer"),
    "EMAIL": gettext_lazy("bevat een e-mailadres"),
    "HANDLE": gettext_lazy("lijkt op een gebruikersnaam van een ander platform"),
    "URL": gettext_lazy("bevat een link"),
    "PROFANITY": gettext_lazy("bevat een scheldwoord"),
}


def nickname_validate(nickname: str) -> str:
    """Return the cleaned nickname, or raise ValidationError saying in Dutch why it is refused."""
    nickname = nlp_models.clean_input(nickname).strip()
    if not 3 <= len(nickname) <= settings.FORUM_NICKNAME_MAX_LENGTH:
        raise ValidationError(
            _("Kies een schuilnaam van 3 tot %(max)d tekens.") % {"max": settings.FORUM_NICKNAME_MAX_LENGTH},
            code="length",
        )
    if not all(c.isalnum() or c in "_-." for c in nickname):
        raise ValidationError(
            _("Gebruik alleen letters, cijfers, en - _ of . in je schuilnaam (geen spaties)."), code="chars"
        )
    problems = []
    for finding in nlp_models.check_nickname(nickname):
        reason = NICKNAME_PROBLEMS.get(finding.type, _("verraadt misschien wie je bent"))
        if reason not in problems:
            problems.append(reason)
    if problems:
        raise ValidationError(
            _("Deze schuilnaam %(why)s. Kies een naam die niets over jou verraadt, zoals 'zonnebloem14'.")
            % {"why": _(" en ").join(str(p) for p in problems)},
            code="identifying",
        )
    if Member.objects.filter(username__iexact=nickname).exists():
        raise ValidationError(_("Deze schuilnaam is al bezet. Kies een andere."), code="taken")
    return nickname


def _code_hash(code: str) -> str:
    return hashlib.sha256(code.strip().lower().replace("-", "").replace(" ", "").encode()).hexdigest()


def _new_recovery_code() -> str:
    raw = secrets.token_hex(6)  # 48 bits: enough for a single-use code that is checked per nickname
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def member_sign_up(*, nickname: str, password: str, age: int) -> tuple[Member, list[str]]:
    """Create a member and return it with its recovery codes (shown once, stored hashed).

    Raises ValidationError with the problems per field ("nickname", "password").
    Preconditions: the caller checked the age range (see `age_allowed`).
    """
    errors: dict[str, list[ValidationError]] = {}
    try:
        nickname = nickname_validate(nickname)
    except ValidationError as error:
        errors["nickname"] = error.error_list
    member = Member(username=nickname, age=age, age_given_on=timezone.localdate())
    try:
        validate_password(password, user=member)
    except ValidationError as error:
        errors["password"] = error.error_list
    if errors:
        raise ValidationError(errors)
    member.set_password(password)
    codes = [_new_recovery_code() for _ in range(settings.FORUM_RECOVERY_CODES)]
    with transaction.atomic():
        member.save()
        RecoveryCode.objects.bulk_create(RecoveryCode(member=member, code_hash=_code_hash(c)) for c in codes)
    return member, codes


def age_allowed(age: int) -> bool:
    return settings.FORUM_MIN_AGE <= age <= settings.FORUM_MAX_AGE


def member_reset_password(*, nickname: str, code: str, new_password: str) -> Member:
    """Set a new password with a recovery code, which is then used up."""
    error = ValidationError(
        _("Deze schuilnaam en herstelcode horen niet bij elkaar, of de code is al gebruikt."), code="invalid"
    )
    member = Member.objects.filter(username__iexact=nickname.strip(), is_active=True).first()
    if member is None:
        raise error
    with transaction.atomic():
        recovery = (
            RecoveryCode.objects.select_for_update()
            .filter(member=member, code_hash=_code_hash(code), used_at__isnull=True)
            .first()
        )
        if recovery is None:
            raise error
        validate_password(new_password, user=member)
        recovery.used_at = timezone.now()
        recovery.save(update_fields=["used_at"])
        member.set_password(new_password)
        member.save(update_fields=["password"])
    return member


def member_delete(*, member: Member, delete_posts: bool) -> None:
    """Delete an account.

    Posts that wait for a moderator are always deleted, with their original texts. Published
    posts stay readable under "oud-lid" unless `delete_posts`, in which case their text is
    replaced by a notice so the conversations around them still make sense.
    """
    with transaction.atomic():
        Post.objects.filter(author=member, status__in=HELD_STATUSES).delete()
        Topic.objects.filter(author=member, status__in=HELD_STATUSES).delete()
        if delete_posts:
            for post in Post.objects.filter(author=member, status=Status.PUBLISHED).select_related("topic"):
                post.body = ""
                post.status = Status.REMOVED
                post.save(update_fields=["body", "status"])
                index.remove_object(post)
        member_deleting.send(sender=Member, member_id=member.pk, nickname=member.username)
        member.delete()
        _announce_change()  # their posts now read "oud-lid", or "verwijderd door de schrijver"


def _announce_change() -> None:
    """Tell listeners (the page cache) that what visitors see on the forum changed."""
    forum_changed.send(sender=Post)


# --- Boards --------------------------------------------------------------------------------


def board_recount(*, board_id: int) -> None:
    """Store a board's number of published topics and its latest activity, counted from its topics.

    Every service that puts a topic on or off the forum, or publishes a reply, calls this in its own
    transaction, after its change. The board's row is locked first, so that of two writers on the
    same board the second counts after the first committed: the stored figures cannot drift. One
    board's topics are counted on the (board, status, -last_activity_at) index.
    """
    with transaction.atomic():
        list(Board.objects.select_for_update().filter(pk=board_id).values_list("pk", flat=True))
        figures = Topic.objects.filter(board_id=board_id, status=Status.PUBLISHED).aggregate(
            count=Count("id"), latest=Max("last_activity_at")
        )
        Board.objects.filter(pk=board_id).update(
            topic_count=figures["count"], last_activity_at=figures["latest"]
        )
        _announce_change()


def boards_recount(*, board_ids: list[int] | None = None) -> None:
    """Recount the given boards (all of them by default): after bulk writes that bypass the services."""
    ids = board_ids if board_ids is not None else list(Board.objects.values_list("pk", flat=True))
    for board_id in ids:
        board_recount(board_id=board_id)


# --- Posting -------------------------------------------------------------------------------


def text_clean(text: str, *, max_length: int, what: str) -> str:
    """Normalise a typed text and check it is neither empty nor too long."""
    text = nlp_models.clean_input(text).strip()
    if not text:
        raise ValidationError(_("Je %(what)s is leeg. Schrijf eerst iets.") % {"what": what}, code="empty")
    if len(text) > max_length:
        raise ValidationError(
            _("Je %(what)s is %(n)d tekens lang; het mag maximaal %(max)d tekens zijn. Maak het wat korter.")
            % {"what": what, "n": len(text), "max": max_length},
            code="too_long",
        )
    return text


def posting_check(*, member: Member) -> None:
    """Raise ValidationError when `member` may not post now (time-out, or posting too fast)."""
    now = timezone.now()
    if member.posting_blocked_until and member.posting_blocked_until > now:
        local = timezone.localtime(member.posting_blocked_until)
        raise ValidationError(
            _("Je kunt tot %(until)s geen berichten plaatsen. Lezen kan wel, en praten met iemand ook.")
            % {"until": local.strftime("%d-%m-%Y %H:%M")},
            code="time_out",
        )
    is_new = member.date_joined > now - dt.timedelta(days=settings.FORUM_NEW_MEMBER_DAYS)
    interval = settings.FORUM_NEW_MEMBER_POST_INTERVAL if is_new else settings.FORUM_MEMBER_POST_INTERVAL
    limit, window = settings.RATE_LIMITS["post"]
    # Counted from the member's own posts (a sliding window, shared by every process), not from
    # attempts: a refused or empty submission costs nothing. One query for both checks.
    recent = list(
        Post.objects.filter(author=member, created_at__gt=now - dt.timedelta(seconds=max(interval, window)))
        .order_by("-created_at")
        .values_list("created_at", flat=True)[: max(limit, 1)]
    )
    if recent:
        wait = interval - int((now - recent[0]).total_seconds())
        if wait > 0:
            raise RateLimited(wait)
    if 0 < limit <= len(recent):
        # The oldest of the last `limit` posts leaves the window first.
        wait = window - int((now - recent[limit - 1]).total_seconds())
        if wait > 0:
            raise HourlyCapReached(wait, limit=limit)


def _posting_check_locked(author: Member) -> None:
    """`posting_check` with the member's row locked until the transaction ends, so that two
    submissions at the same moment are checked one after the other: the second sees the first's
    post and waits its interval (without the lock, ten replies sent at once got two accepted).
    Call inside `transaction.atomic()`, before saving the post."""
    locked = (
        Member.objects.select_for_update()
        .only("pk", "date_joined", "posting_blocked_until")
        .get(pk=author.pk)
    )
    posting_check(member=locked)


def _announce(post: Post) -> None:
    post_id = post.pk
    transaction.on_commit(lambda: post_submitted.send(sender=Post, post_id=post_id))


def topic_start(*, author: Member, board: Board, title: str, text: str) -> Topic:
    """Start a topic: title and opening post are saved pending and announced for screening."""
    title = text_clean(title, max_length=settings.FORUM_TITLE_MAX_LENGTH, what=_("titel"))
    text = text_clean(text, max_length=settings.FORUM_POST_MAX_LENGTH, what=_("bericht"))
    with transaction.atomic():
        _posting_check_locked(author)
        topic = Topic.objects.create(board=board, author=author, title_original=seal(title))
        post = Post.objects.create(topic=topic, author=author, is_opening=True, original=seal(text))
        _announce(post)
    return topic


def post_reply(*, author: Member, topic: Topic, text: str) -> Post:
    """Reply to a published topic: saved pending and announced for screening."""
    text = text_clean(text, max_length=settings.FORUM_POST_MAX_LENGTH, what=_("bericht"))
    if topic.status != Status.PUBLISHED:
        raise ValidationError(_("Op dit onderwerp kun je (nog) niet reageren."), code="closed")
    with transaction.atomic():
        _posting_check_locked(author)
        post = Post.objects.create(topic=topic, author=author, original=seal(text))
        _announce(post)
    return post


@dataclass(frozen=True)
class ScreeningOutcome:
    """What screening decided for one post (and, for an opening post, its topic's title)."""

    decision: str  # "publish" | "queue" | "urgent"
    published_text: str
    published_title: str | None = None


_STATUS_FOR_DECISION = {"publish": Status.PUBLISHED, "queue": Status.QUEUED, "urgent": Status.URGENT}


def post_record_screening(*, post: Post, outcome: ScreeningOutcome) -> Post:
    """Record the filter's decision on a pending post.

    Published: only the filtered text is kept; the original is deleted. Held: the filtered
    text is kept for the moderator, and the encrypted original until a moderator decides.
    Preconditions: `post` is locked by the caller and pending.
    """
    now = timezone.now()
    post.status = _STATUS_FOR_DECISION[outcome.decision]
    post.body = outcome.published_text
    post.screened_at = now
    if post.status == Status.PUBLISHED:
        post.original = ""
        post.published_at = now
    post.save(update_fields=["status", "body", "screened_at", "original", "published_at"])
    topic = post.topic
    if post.is_opening:
        topic.status = post.status
        topic.title = outcome.published_title or ""
        fields = ["status", "title"]
        if post.status == Status.PUBLISHED:
            topic.title_original = ""
            topic.last_activity_at = now
            fields += ["title_original", "last_activity_at"]
        topic.save(update_fields=fields)
        if post.status == Status.PUBLISHED:
            board_recount(board_id=topic.board_id)
    elif post.status == Status.PUBLISHED:
        Topic.objects.filter(pk=topic.pk).update(reply_count=F("reply_count") + 1, last_activity_at=now)
        board_recount(board_id=topic.board_id)
    return post


# --- Decisions by a moderator (moderation calls these; it records who and why) -----------------


def _topic_recount(topic: Topic) -> None:
    replies = Post.objects.filter(topic=topic, status=Status.PUBLISHED, is_opening=False).count()
    Topic.objects.filter(pk=topic.pk).update(reply_count=replies)
    _announce_change()


def post_publish(*, post: Post, text: str, title: str | None = None) -> Post:
    """Put a held post online with `text` (already filtered), deleting its original.

    For an opening post the topic goes online too, with `title` when given.
    """
    now = timezone.now()
    post.status = Status.PUBLISHED
    post.body = text
    post.original = ""
    post.reject_reason = ""
    post.published_at = post.published_at or now
    post.save(update_fields=["status", "body", "original", "reject_reason", "published_at"])
    topic = post.topic
    if post.is_opening:
        topic.status = Status.PUBLISHED
        if title is not None:
            topic.title = title
        topic.title_original = ""
        topic.last_activity_at = now
        topic.save(update_fields=["status", "title", "title_original", "last_activity_at"])
    else:
        Topic.objects.filter(pk=topic.pk).update(last_activity_at=now)
        _topic_recount(topic)
    board_recount(board_id=topic.board_id)
    return post


def post_reject(*, post: Post, reason: str) -> Post:
    """Take a post off (or keep it off) the forum for `reason` (a RejectReason), deleting its original.

    Its writer still sees the filtered text and the reason. A rejected opening post takes its
    topic off the forum as well.
    """
    if reason not in RejectReason.values:
        raise ValidationError(_("Kies een reden."), code="reason")
    post.status = Status.REJECTED
    post.original = ""
    post.reject_reason = reason
    post.save(update_fields=["status", "original", "reject_reason"])
    index.remove_object(post)
    topic = post.topic
    if post.is_opening:
        topic.status = Status.REJECTED
        topic.title_original = ""
        topic.save(update_fields=["status", "title_original"])
        index.remove_object(topic)
        board_recount(board_id=topic.board_id)
    else:
        _topic_recount(topic)
    return post


def post_hide(*, post: Post) -> Post:
    """Take a published post off the forum until a moderator looks (it was reported by several members)."""
    if post.status != Status.PUBLISHED:
        return post
    post.status = Status.QUEUED
    post.save(update_fields=["status"])
    index.remove_object(post)
    if post.is_opening:
        Topic.objects.filter(pk=post.topic_id).update(status=Status.QUEUED)
        index.remove_object(post.topic)
        board_recount(board_id=post.topic.board_id)
    else:
        _topic_recount(post.topic)
    return post


def member_time_out(*, member: Member, until: dt.datetime | None) -> Member:
    """Block posting until `until` (None lifts it). Reading, the chat and the crisis numbers stay."""
    member.posting_blocked_until = until
    member.save(update_fields=["posting_blocked_until"])
    return member


def member_block(*, member: Member) -> Member:
    """Block an account: it can no longer log in. Its published posts stay."""
    member.is_active = False
    member.save(update_fields=["is_active"])
    return member


def reaction_toggle(*, member: Member, post: Post) -> bool:
    """Add or take back a "herkenbaar" reaction. Returns whether it is now on."""
    if post.status != Status.PUBLISHED or post.author_id == member.pk:
        raise ValidationError(_("Je kunt alleen 'herkenbaar' zeggen bij berichten van anderen."), code="own")
    with transaction.atomic():
        deleted, _details = Reaction.objects.filter(post=post, member=member).delete()
        if deleted:
            Post.objects.filter(pk=post.pk).update(recognised_count=F("recognised_count") - 1)
            _announce_change()
            return False
        Reaction.objects.create(post=post, member=member)
        Post.objects.filter(pk=post.pk).update(recognised_count=F("recognised_count") + 1)
        _announce_change()
        return True


def report_create(*, reporter: Member, post: Post, reason: str) -> Report:
    """Report a post to the moderators. Reporting the same post twice changes the reason."""
    if post.status != Status.PUBLISHED:
        raise ValidationError(_("Dit bericht kun je niet melden."), code="not_published")
    if reason not in Report.Reason.values:
        raise ValidationError(_("Kies een reden."), code="reason")
    report, _created = Report.objects.update_or_create(
        post=post, reporter=reporter, defaults={"reason": reason, "resolved_at": None}
    )
    post_id = post.pk
    transaction.on_commit(lambda: post_reported.send(sender=Report, post_id=post_id))
    return report
