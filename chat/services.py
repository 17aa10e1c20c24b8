"""Writes for the chat. Volunteer actions come in pairs: `check_*` authorises and validates
(raising PermissionDenied or ValidationError), `do_*` changes the data and tells the browsers."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import random
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import nlp_models
from chat import events, hours, selectors
from chat.models import AgeGroup, Chat, ChatRecord, ChatStatus, Message, TimeOut, VolunteerPresence
from forum.models import Board, Member

_system_random = random.SystemRandom()


def new_token() -> str:
    """A random token for the browser session; only its hash is stored."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def text_clean(text: str, *, max_length: int) -> str:
    """The forum's input cleaning (NFC, no control or hidden characters; emoji joined with zero-width
    joiners stay whole), trimmed. Refuses an empty text, and a text over `max_length` characters with
    a message saying so: nothing is cut off without a word."""
    text = nlp_models.clean_input(text or "").strip()
    if not text:
        raise ValidationError(_("Je bericht is leeg."), code="empty")
    if len(text) > max_length:
        raise ValidationError(
            _(
                "Je bericht is te lang: %(n)d tekens, en er passen er %(max)d in één bericht. "
                "Verstuur het in delen; je tekst staat er nog."
            )
            % {"n": len(text), "max": max_length},
            code="too_long",
        )
    return text


def age_group(age: int) -> str:
    if age < 12:
        return AgeGroup.AGE_8_11
    if age < 15:
        return AgeGroup.AGE_12_14
    return AgeGroup.AGE_15_18


# --- The young person's side ---------------------------------------------------------------


def time_out_until(*, visitor_hash: str) -> dt.datetime | None:
    """The end of the running time-out of this browser session, if any."""
    running = TimeOut.objects.filter(visitor_hash=visitor_hash, until__gt=timezone.now()).order_by("-until")
    return running.values_list("until", flat=True).first()


def check_chat_start(*, visitor_hash: str, nickname: str, age: int, at: dt.datetime | None = None) -> str:
    """Raise ValidationError when this session may not start a chat now; returns the clean nickname."""
    if time_out_until(visitor_hash=visitor_hash):
        raise ValidationError(_("Je kunt op dit moment geen nieuwe chat starten."), code="time_out")
    if not hours.is_open(at=at):
        raise ValidationError(_("De chat is nu gesloten."), code="closed")
    if Chat.objects.filter(visitor_hash=visitor_hash).exists():
        raise ValidationError(_("Je hebt al een chat open."), code="already_open")
    if not settings.CHAT_MIN_AGE <= age <= settings.CHAT_MAX_AGE:
        raise ValidationError(
            _("Deze chat is voor jongeren van %(min)d tot en met %(max)d jaar.")
            % {"min": settings.CHAT_MIN_AGE, "max": settings.CHAT_MAX_AGE},
            code="age",
        )
    clean = " ".join(nickname.split())[:30]
    if not clean:
        raise ValidationError(_("Kies een naam waarmee de vrijwilliger je mag aanspreken."), code="nickname")
    return clean


def chat_start(
    *,
    token: str,
    visitor_hash: str,
    nickname: str,
    age: int,
    board: Board | None = None,
    shared_text: str = "",
    is_urgent: bool = False,
) -> Chat:
    """Put a young person in the queue, if `check_chat_start` allows it, and offer waiting chats."""
    chat = Chat.objects.create(
        token_hash=token_hash(token),
        visitor_hash=visitor_hash,
        nickname=check_chat_start(visitor_hash=visitor_hash, nickname=nickname, age=age),
        age=age,
        board=board,
        shared_text=shared_text,
        is_urgent=is_urgent,
    )
    events.queue_changed()
    chat_offer_waiting()
    return chat


def chat_leave(*, chat: Chat) -> ChatRecord:
    """The young person stops: waiting, offered or in conversation."""
    was_waiting = chat.status != ChatStatus.ACTIVE
    return _chat_close(chat=chat, left_while_waiting=was_waiting, time_out_minutes=None, given_by=None)


def _chat_close(
    *, chat: Chat, left_while_waiting: bool, time_out_minutes: int | None, given_by: Member | None
) -> ChatRecord:
    """Delete the chat and its messages, keep the record, free the volunteer's place."""
    now = timezone.now()
    with transaction.atomic():
        record = ChatRecord.objects.create(
            queued_at=chat.queued_at,
            started_at=chat.started_at,
            ended_at=now,
            waited_seconds=int((chat.started_at - chat.queued_at).total_seconds())
            if chat.started_at
            else None,
            duration_seconds=int((now - chat.started_at).total_seconds()) if chat.started_at else None,
            is_urgent=chat.is_urgent,
            left_while_waiting=left_while_waiting,
            timed_out=time_out_minutes is not None,
            volunteer=chat.volunteer if chat.started_at else None,
            stated_age_group=age_group(chat.age),
        )
        if time_out_minutes is not None:
            TimeOut.objects.filter(until__lte=now).delete()
            TimeOut.objects.create(
                visitor_hash=chat.visitor_hash,
                until=now + dt.timedelta(minutes=time_out_minutes),
                given_by=given_by,
            )
        chat_id = chat.pk
        chat.delete()  # and, through the cascade, every message
        events.chat_ended(chat_id, timed_out=time_out_minutes is not None)
        events.queue_changed()
    chat_offer_waiting()
    return record


# --- Offering waiting chats to volunteers ----------------------------------------------------


def _release_expired_offers(*, now: dt.datetime) -> None:
    """An offer not taken in time goes back to the queue (its place kept); its volunteer is
    apparently away and is marked unavailable."""
    # Locked, skipping a chat whose volunteer is taking it this moment (do_chat_take decides that one).
    expired = Chat.objects.select_for_update(skip_locked=True).filter(
        status=ChatStatus.OFFERED, offered_at__lt=now - dt.timedelta(seconds=settings.CHAT_OFFER_SECONDS)
    )
    away = {chat.volunteer_id for chat in expired.only("pk", "volunteer_id") if chat.volunteer_id}
    if not away:
        return
    VolunteerPresence.objects.filter(volunteer_id__in=away).update(is_available=False, changed_at=now)
    _offers_withdraw(volunteer_ids=away)


def _offers_withdraw(*, volunteer_ids: set[int]) -> None:
    for chat_id in Chat.objects.filter(status=ChatStatus.OFFERED, volunteer_id__in=volunteer_ids).values_list(
        "pk", flat=True
    ):
        events.chat_state_changed(chat_id)
    Chat.objects.filter(status=ChatStatus.OFFERED, volunteer_id__in=volunteer_ids).update(
        status=ChatStatus.WAITING, volunteer=None, offered_at=None
    )


def chat_offer_waiting(*, rng: random.Random | None = None) -> list[Chat]:
    """Hand offers not taken within CHAT_OFFER_SECONDS back to the queue, then offer waiting chats,
    urgent ones first and then first come, each to a volunteer chosen at random among the available
    ones with a free place (fewer than CHAT_MAX_CONCURRENT chats offered or active). Returns the
    chats offered now. Runs on every change of the queue and, as the offers' own timer, every
    CHAT_OFFER_SWEEP_SECONDS from Celery beat (`chat.tasks.offer_waiting_chats`)."""
    rng = rng or _system_random
    now = timezone.now()
    offered: list[Chat] = []
    with transaction.atomic():
        _release_expired_offers(now=now)
        waiting = list(selectors.waiting_chats().select_for_update())
        if waiting:
            free = {
                volunteer_id: settings.CHAT_MAX_CONCURRENT - load
                for volunteer_id, load in selectors.volunteer_loads().items()
            }
            for chat in waiting:
                eligible = sorted(v for v, places in free.items() if places > 0)
                if not eligible:
                    break
                chosen = rng.choice(eligible)
                free[chosen] -= 1
                chat.status, chat.volunteer_id, chat.offered_at = ChatStatus.OFFERED, chosen, now
                chat.save(update_fields=["status", "volunteer", "offered_at"])
                events.chat_state_changed(chat.pk)
                offered.append(chat)
        if offered:
            events.queue_changed()
    return offered


def volunteer_set_available(*, volunteer: Member, available: bool) -> None:
    """Mark a volunteer (un)available. Going away hands their untaken offers to others."""
    if not selectors.is_volunteer(volunteer):
        raise PermissionDenied
    with transaction.atomic():
        VolunteerPresence.objects.update_or_create(
            volunteer=volunteer, defaults={"is_available": available, "changed_at": timezone.now()}
        )
        if not available:
            _offers_withdraw(volunteer_ids={volunteer.pk})
        events.queue_changed()
    chat_offer_waiting()


# --- Volunteer actions on a chat -------------------------------------------------------------


def check_chat_take(*, volunteer: Member, chat: Chat) -> None:
    if not selectors.is_volunteer(volunteer):
        raise PermissionDenied
    if chat.status != ChatStatus.OFFERED or chat.volunteer_id != volunteer.pk:
        raise ValidationError(_("Dit gesprek is niet (meer) aan jou aangeboden."), code="not_offered")


def do_chat_take(*, volunteer: Member, chat: Chat) -> Chat:
    """The volunteer takes the chat offered to them: the conversation starts.

    The offer is locked and checked again in the same transaction as the change: `check_chat_take`
    read it earlier, and meanwhile it may have expired and gone to a colleague, or been taken by
    them. Then this raises ValidationError (code "taken") with a message for the volunteer, and
    nothing changes. An offer past its time that no sweep has handed on yet is still this
    volunteer's: they are here, and nobody else holds it.
    """
    now = timezone.now()
    with transaction.atomic():
        locked = Chat.objects.select_for_update().filter(pk=chat.pk).first()
        if locked is None or locked.status != ChatStatus.OFFERED or locked.volunteer_id != volunteer.pk:
            raise ValidationError(
                _(
                    "Net te laat: dit gesprek is inmiddels naar een collega gegaan of gestopt. Dat is niet "
                    "erg, de jongere wordt geholpen. Nieuwe gesprekken zie je vanzelf in je overzicht."
                ),
                code="taken",
            )
        locked.status, locked.started_at, locked.last_activity_at = ChatStatus.ACTIVE, now, now
        locked.save(update_fields=["status", "started_at", "last_activity_at"])
        events.chat_state_changed(locked.pk)
        events.queue_changed()
    chat.status, chat.started_at, chat.last_activity_at = locked.status, now, now
    return chat


def check_chat_end(*, volunteer: Member, chat: Chat, time_out_minutes: int | None) -> None:
    if chat.volunteer_id != volunteer.pk or chat.status != ChatStatus.ACTIVE:
        raise PermissionDenied
    if time_out_minutes is not None and time_out_minutes not in settings.CHAT_TIME_OUT_MINUTES:
        raise ValidationError(_("Kies een van de lengtes voor een time-out."), code="time_out_length")


def do_chat_end(*, volunteer: Member, chat: Chat, time_out_minutes: int | None) -> ChatRecord:
    """End the conversation (with a time-out for this browser session when given): the messages are
    deleted; the record waits for the volunteer's registration."""
    return _chat_close(
        chat=chat, left_while_waiting=False, time_out_minutes=time_out_minutes, given_by=volunteer
    )


def check_watch_request(*, volunteer: Member, chat: Chat, colleague: Member) -> None:
    if chat.volunteer_id != volunteer.pk or chat.status != ChatStatus.ACTIVE:
        raise PermissionDenied
    if colleague.pk == volunteer.pk or not selectors.is_volunteer(colleague):
        raise ValidationError(_("Kies een collega-vrijwilliger."), code="colleague")


def do_watch_request(*, volunteer: Member, chat: Chat, colleague: Member) -> Chat:
    """Ask a colleague to watch along (read only) on a heavy chat."""
    chat.watcher = colleague
    chat.save(update_fields=["watcher"])
    events.publish(events.CONSOLE_GROUP, {"type": "console.changed"})
    return chat


MessageKey = tuple[int, str, str]  # (chat id, sender, client id): a message is stored once per key


@dataclass(frozen=True)
class MessageDraft:
    """A message as a browser sent it, before it is checked and stored."""

    chat_id: int
    sender: str
    text: str
    client_id: str


def message_post(*, chat_id: int, sender: str, text: str, client_id: str) -> tuple[Message, bool]:
    """Store a message of an active chat once per (sender, client_id): a browser that resends after a
    dropped connection gets the stored one back. Returns the message and whether it is new; the
    caller sends a new one to both sides (`events.chat_message`, or the consumer directly).
    Raises ValidationError for an empty or too long text and a chat that is not active."""
    (outcome,) = messages_post(drafts=[MessageDraft(chat_id, sender, text, client_id)])
    if isinstance(outcome, ValidationError):
        raise outcome
    return outcome


def messages_post(*, drafts: Sequence[MessageDraft]) -> list[tuple[Message, bool] | ValidationError]:
    """`message_post` for many drafts at once, in a few queries whatever their number (the consumers'
    writer passes what arrived in a process while the previous batch was being written). Returns,
    per draft in order, what `message_post` returns or the ValidationError it raises. A draft sent
    twice in one batch is stored once; the second gets the first's message, not new."""
    outcomes: list[tuple[Message, bool] | ValidationError | None] = [None] * len(drafts)
    wanted: dict[MessageKey, list[int]] = {}  # draft positions
    texts: dict[MessageKey, str] = {}
    for i, draft in enumerate(drafts):
        try:
            text = text_clean(draft.text, max_length=settings.CHAT_MESSAGE_MAX_LENGTH)
        except ValidationError as error:
            outcomes[i] = error
            continue
        key = (draft.chat_id, draft.sender, draft.client_id[:40] or new_token()[:40])
        wanted.setdefault(key, []).append(i)
        texts.setdefault(key, text)
    found: dict[MessageKey, tuple[Message, bool] | ValidationError] = {}
    if wanted and connection.vendor == "postgresql":
        found = {k: (m, True) for k, m in _messages_insert_active(keys=list(wanted), texts=texts).items()}
    # What the one statement skipped is a resend or a chat that is not active (rare): told apart here.
    rest = [k for k in wanted if k not in found]
    if rest:
        found |= _messages_store(keys=rest, texts=texts)
    for key, positions in wanted.items():
        outcome = found[key] if key in found else _not_active()
        for n, i in enumerate(positions):
            outcomes[i] = outcome if n == 0 or isinstance(outcome, ValidationError) else (outcome[0], False)
    return [o if o is not None else _not_active() for o in outcomes]


def _messages_store(
    *, keys: Sequence[MessageKey], texts: dict[MessageKey, str]
) -> dict[MessageKey, tuple[Message, bool] | ValidationError]:
    """Per key: the new message, the one stored before (a resend) or why there is none."""
    active = set(
        Chat.objects.filter(pk__in={k[0] for k in keys}, status=ChatStatus.ACTIVE).values_list(
            "pk", flat=True
        )
    )
    found: dict[MessageKey, tuple[Message, bool] | ValidationError] = {
        k: _not_active() for k in keys if k[0] not in active
    }
    wanted = [k for k in keys if k[0] in active]
    if not wanted:
        return found
    try:
        with transaction.atomic():
            fresh: dict[MessageKey, tuple[Message, bool] | ValidationError] = {
                k: (m, True) for k, m in _messages_insert(keys=wanted, texts=texts).items()
            }
    except IntegrityError:  # a chat ended meanwhile: its messages have nowhere to go
        fresh = {k: _message_store_one(key=k, text=texts[k]) for k in wanted}
    found |= fresh
    resent = {k for k in wanted if k not in fresh}
    if resent:
        for m in Message.objects.filter(
            chat_id__in={k[0] for k in resent}, client_id__in={k[2] for k in resent}
        ):
            key = (m.chat_id, m.sender, m.client_id)
            if key in resent:
                found[key] = (m, False)
    return found


def _messages_insert_active(
    *, keys: Sequence[MessageKey], texts: dict[MessageKey, str]
) -> dict[MessageKey, Message]:
    """PostgreSQL: store the messages of `keys` whose chat is active and that are not stored yet, in
    one statement of a fixed text whatever the batch's size (the values as five arrays, `unnest`), in
    one round trip: no transaction of its own, the active chats checked in the statement. Returns the
    new ones; a key left out is a resend or a chat that is not active. The statement text is fixed so
    that psycopg parses it once, not 2,500 placeholders per batch (py-spy: `_split_query` 6 % of a
    loaded server's samples)."""
    now = timezone.now()
    message, chat = Message._meta, Chat._meta
    quote = connection.ops.quote_name
    field = {f.name: f for f in message.concrete_fields}
    key_columns = ", ".join(quote(str(field[name].column)) for name in ("chat", "sender", "client_id"))
    sql = (
        f"INSERT INTO {quote(message.db_table)} ({key_columns}, {quote(str(field['text'].column))},"  # noqa: S608 (names from the models, every value a parameter)
        f" {quote(str(field['created_at'].column))})"
        f" SELECT d.chat_id, d.sender, d.client_id, d.text, %s"
        f" FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[]) AS d(chat_id, sender, client_id, text)"
        f" WHERE EXISTS (SELECT 1 FROM {quote(chat.db_table)} c"
        f" WHERE c.{quote(str(chat.pk.column))} = d.chat_id AND c.{quote(str(chat.get_field('status').column))} = %s)"
        f" ON CONFLICT ({key_columns}) DO NOTHING"
        f" RETURNING {quote(str(field['id'].column))}, {key_columns}"
    )
    params: list[Any] = [
        now,
        [k[0] for k in keys],
        [k[1] for k in keys],
        [k[2] for k in keys],
        [texts[k] for k in keys],
    ]
    # In autocommit the statement is its own transaction; inside one, a savepoint keeps it whole.
    guard = transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext()
    try:
        with guard, connection.cursor() as cursor:
            cursor.execute(sql, [*params, ChatStatus.ACTIVE])
            rows = cursor.fetchall()
    except IntegrityError:  # a chat was deleted meanwhile: the careful way sorts it out
        return {}
    found: dict[MessageKey, Message] = {}
    for pk, *key in rows:  # matched by key: RETURNING keeps no promised order
        stored = Message(pk=pk, chat_id=key[0], sender=key[1], client_id=key[2], created_at=now)
        stored.text = texts[stored.chat_id, stored.sender, stored.client_id]
        stored._state.adding, stored._state.db = False, connection.alias
        found[stored.chat_id, stored.sender, stored.client_id] = stored
    return found


def _messages_insert(
    *, keys: Sequence[MessageKey], texts: dict[MessageKey, str]
) -> dict[MessageKey, Message]:
    """Store the messages of `keys` that are not stored yet, in one statement per batch; returns the
    new ones. Must run in a transaction: a chat that is gone raises IntegrityError (at the latest when
    it commits, since PostgreSQL checks foreign keys then).

    On PostgreSQL and SQLite this is one multi-row `INSERT … ON CONFLICT DO NOTHING RETURNING`,
    written here rather than by the ORM: building the statement through Django's compiler cost the
    writer's thread more than PostgreSQL took to run it (docs/benchmarks.md), and a resend (the
    unique constraint `chat_message_once`) is skipped by the database instead of looked up first.
    """
    now = timezone.now()
    if connection.vendor not in ("postgresql", "sqlite"):  # no ON CONFLICT … RETURNING: the ORM's way
        stored = set(
            Message.objects.filter(
                chat_id__in={k[0] for k in keys}, client_id__in={k[2] for k in keys}
            ).values_list("chat_id", "sender", "client_id")
        )
        new = [k for k in keys if k not in stored]
        created = Message.objects.bulk_create(
            [Message(chat_id=k[0], sender=k[1], client_id=k[2], text=texts[k], created_at=now) for k in new]
        )
        return dict(zip(new, created, strict=True))
    meta, quote = Message._meta, connection.ops.quote_name
    field = {f.name: f for f in meta.concrete_fields}
    chat, sender, client_id, text, created_at = (
        field[name] for name in ("chat", "sender", "client_id", "text", "created_at")
    )
    key_columns = ", ".join(quote(str(f.column)) for f in (chat, sender, client_id))
    columns = ", ".join([key_columns, *(quote(str(f.column)) for f in (text, created_at))])
    pk_column = quote(str(field["id"].column))
    when = connection.ops.adapt_datetimefield_value(now)
    found: dict[MessageKey, Message] = {}
    size = max(1, connection.ops.bulk_batch_size([chat, sender, client_id, text, created_at], list(keys)))
    with connection.cursor() as cursor:
        for start in range(0, len(keys), size):
            batch = keys[start : start + size]
            # Names from the model, every value a parameter.
            cursor.execute(
                f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES "  # noqa: S608
                + ", ".join(["(%s, %s, %s, %s, %s)"] * len(batch))
                + f" ON CONFLICT ({key_columns}) DO NOTHING RETURNING {pk_column}, {key_columns}",
                [value for k in batch for value in (*k, texts[k], when)],
            )
            for pk, *key in cursor.fetchall():  # matched by key: RETURNING keeps no promised order
                message = Message(pk=pk, chat_id=key[0], sender=key[1], client_id=key[2], created_at=now)
                message.text = texts[message.chat_id, message.sender, message.client_id]
                message._state.adding, message._state.db = False, connection.alias
                found[message.chat_id, message.sender, message.client_id] = message
    return found


def _not_active() -> ValidationError:
    return ValidationError(_("Dit gesprek is niet bezig."), code="not_active")


def _message_store_one(*, key: MessageKey, text: str) -> tuple[Message, bool] | ValidationError:
    chat_id, sender, client_id = key
    try:
        with transaction.atomic():
            return Message.objects.create(
                chat_id=chat_id, sender=sender, client_id=client_id, text=text
            ), True
    except IntegrityError:  # sent before, or the chat is gone
        message = Message.objects.filter(chat_id=chat_id, sender=sender, client_id=client_id).first()
        return (message, False) if message else _not_active()


def check_registration(*, volunteer: Member, record: ChatRecord) -> None:
    if record.volunteer_id != volunteer.pk:
        raise PermissionDenied


def do_registration(*, record: ChatRecord, subject: str, age_group: str, contact: str) -> ChatRecord:
    """The volunteer's registration after a chat: choices only, no free text."""
    record.subject, record.age_group, record.contact = subject, age_group, contact
    record.registered_at = timezone.now()
    record.save(update_fields=["subject", "age_group", "contact", "registered_at"])
    return record


def chats_end_stale(*, now: dt.datetime | None = None) -> int:
    """Close chats nobody touched for CHAT_STALE_MINUTES (a browser closed for good), so that their
    messages do not outlive the conversation. Returns how many were closed."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(minutes=settings.CHAT_STALE_MINUTES)
    stale = Chat.objects.filter(last_activity_at__lt=cutoff).exclude(messages__created_at__gte=cutoff)
    closed = 0
    for chat in stale.select_related("volunteer"):
        chat_leave(chat=chat)
        closed += 1
    return closed


def chat_touch(*, chat_id: int) -> None:
    """The young person's page is still open (it says so now and then while waiting)."""
    Chat.objects.filter(pk=chat_id).update(last_activity_at=timezone.now())
