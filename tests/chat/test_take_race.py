"""Two volunteers race for one offer: it expired at the first, who clicks "aannemen" just as the
offers' timer hands it to a colleague. The take locks and checks the offer again in one
transaction, so one of them gets the chat and the other is told so kindly.

The race itself on PostgreSQL only: SQLite has no row locks (SELECT … FOR UPDATE) and lets one
writer in at a time anyway. CI runs the suite on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from chat import services
from chat.models import Chat, ChatStatus
from tests.chat.conftest import in_thread, make_volunteer, queue_chat

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
needs_row_locks = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL (SQLite has none); CI runs it"
)


def _wait_until_blocked_on_a_lock(database: str) -> None:
    """Until some session of `database` waits for a row lock (the first volunteer's take). Asked
    outside any transaction: within one, PostgreSQL shows the same snapshot of its activity."""
    deadline = time.monotonic() + 30
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'",
                [database],
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.05)
    raise AssertionError("the first volunteer's take never waited for the lock")


@needs_row_locks
def test_two_volunteers_race_for_one_offer_one_gets_it_and_the_other_is_told_kindly(settings):
    in_thread(lambda: _two_volunteers_race(settings))  # away from a browser test's event loop


def _two_volunteers_race(settings) -> None:
    settings.CHAT_OFFER_SECONDS = 60
    settings.CHAT_MAX_CONCURRENT = 1
    first = make_volunteer("anna")
    chat, _ = queue_chat()
    chat.refresh_from_db()
    assert (chat.status, chat.volunteer) == (ChatStatus.OFFERED, first)
    colleague = make_volunteer("bram", available=False)
    Chat.objects.filter(pk=chat.pk).update(offered_at=timezone.now() - dt.timedelta(seconds=61))
    anna, bram = Client(), Client()
    anna.force_login(first)
    bram.force_login(colleague)
    outcome: dict[str, object] = {}
    sweep_holds_the_offer, sweep_may_commit = threading.Event(), threading.Event()

    def offers_timer() -> None:
        """The timer's sweep hands the offer to Bram, and holds its transaction open until Anna's
        take waits for the lock on the chat."""
        with transaction.atomic():
            Chat.objects.select_for_update().get(pk=chat.pk)
            services.volunteer_set_available(volunteer=colleague, available=True)  # offers waiting chats
            sweep_holds_the_offer.set()
            assert sweep_may_commit.wait(timeout=30)

    def anna_takes() -> None:
        outcome["anna"] = anna.post(f"/chat/vrijwilliger/aannemen/{chat.pk}/", follow=True)

    sweeper = threading.Thread(target=lambda: in_thread(offers_timer))
    sweeper.start()
    assert sweep_holds_the_offer.wait(timeout=30)
    # Anna's check passes: the chat she reads is still offered to her (the sweep has not committed).
    # Her take then waits for the sweep's lock, and reads the offer again once it has.
    taker = threading.Thread(target=lambda: in_thread(anna_takes))
    taker.start()
    _wait_until_blocked_on_a_lock(connection.settings_dict["NAME"])
    sweep_may_commit.set()
    sweeper.join(timeout=60)
    taker.join(timeout=60)

    page = outcome["anna"].content.decode()  # type: ignore[attr-defined]
    assert "Net te laat: dit gesprek is inmiddels naar een collega gegaan" in page
    chat.refresh_from_db()
    assert (chat.status, chat.volunteer) == (ChatStatus.OFFERED, colleague)

    answer = in_thread(lambda: bram.post(f"/chat/vrijwilliger/aannemen/{chat.pk}/"))
    assert answer.status_code == 302 and answer.url == f"/chat/vrijwilliger/gesprek/{chat.pk}/"
    chat.refresh_from_db()
    assert (chat.status, chat.volunteer, chat.started_at is not None) == (ChatStatus.ACTIVE, colleague, True)


def test_a_take_that_waited_for_a_colleagues_take_changes_nothing(settings):
    in_thread(lambda: _a_take_that_waited(settings))  # away from a browser test's event loop


def _a_take_that_waited(settings) -> None:
    """The same offer taken twice at once (two tabs, or a double click): one take starts the
    conversation, the other hears that it is no longer theirs."""
    volunteer = make_volunteer("anna")
    chat, _ = queue_chat()
    chat.refresh_from_db()
    stale = Chat.objects.get(pk=chat.pk)
    services.do_chat_take(volunteer=volunteer, chat=chat)
    started = Chat.objects.get(pk=chat.pk).started_at
    with pytest.raises(services.ValidationError) as refused:
        services.do_chat_take(volunteer=volunteer, chat=stale)
    assert refused.value.code == "taken"
    assert Chat.objects.get(pk=chat.pk).started_at == started
