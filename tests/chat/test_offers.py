"""Waiting chats are offered urgent first, each to a volunteer at random among the available ones
with a free place; a volunteer handles at most CHAT_MAX_CONCURRENT chats at once."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.utils import timezone

from chat import selectors, services
from chat.models import Chat, ChatStatus, VolunteerPresence
from chat.tasks import offer_waiting_chats
from tests.chat.conftest import make_volunteer, queue_chat

pytestmark = pytest.mark.django_db


def test_without_an_available_volunteer_chats_wait_in_the_queue():
    make_volunteer("vrijwilliger1", available=False)
    first, _ = queue_chat("eerste")
    second, _ = queue_chat("tweede")
    assert (first.status, second.status) == (ChatStatus.WAITING, ChatStatus.WAITING)
    assert selectors.queue_position(chat=first) == 1
    assert selectors.queue_position(chat=second) == 2
    assert selectors.chat_state(chat=second).wait_minutes is None  # nobody to estimate with


def test_an_urgent_chat_goes_before_those_who_waited_longer(settings, seeded):
    settings.CHAT_MAX_CONCURRENT = 1
    volunteer = make_volunteer("vrijwilliger1", available=False)
    calm, _ = queue_chat("rustig")
    urgent, _ = queue_chat("dringend", urgent=True)
    assert selectors.queue_position(chat=urgent) == 1
    assert selectors.queue_position(chat=calm) == 2

    services.volunteer_set_available(volunteer=volunteer, available=True)

    urgent.refresh_from_db()
    calm.refresh_from_db()
    assert (urgent.status, urgent.volunteer) == (ChatStatus.OFFERED, volunteer)
    assert calm.status == ChatStatus.WAITING
    assert selectors.queue_position(chat=calm) == 1


def test_chats_are_offered_at_random_among_available_volunteers_only(settings, seeded):
    settings.CHAT_MAX_CONCURRENT = 20
    anna, bram = make_volunteer("anna", available=False), make_volunteer("bram", available=False)
    make_volunteer("away", available=False)
    for n in range(12):
        queue_chat(f"jongere{n}")
    # Both come on duty at the same moment, before the queue is offered.
    VolunteerPresence.objects.filter(volunteer__in=[anna, bram]).update(is_available=True)

    offered = services.chat_offer_waiting(rng=seeded)

    per_volunteer = Counter(chat.volunteer.username for chat in offered)
    assert sum(per_volunteer.values()) == 12
    assert set(per_volunteer) == {"anna", "bram"}  # both got some, "away" none


def test_a_volunteer_gets_no_more_chats_than_the_maximum_at_once(settings):
    settings.CHAT_MAX_CONCURRENT = 2
    volunteer = make_volunteer("vrijwilliger1")
    chats = [queue_chat(f"jongere{n}")[0] for n in range(3)]
    for chat in chats:
        chat.refresh_from_db()
    assert [c.status for c in chats] == [ChatStatus.OFFERED, ChatStatus.OFFERED, ChatStatus.WAITING]

    services.do_chat_take(volunteer=volunteer, chat=chats[0])
    services.do_chat_end(volunteer=volunteer, chat=chats[0], time_out_minutes=None)

    chats[2].refresh_from_db()
    assert (chats[2].status, chats[2].volunteer) == (ChatStatus.OFFERED, volunteer)


def test_an_offer_not_taken_in_time_goes_to_the_queue_and_the_volunteer_is_marked_away(settings):
    settings.CHAT_OFFER_SECONDS = 60
    volunteer = make_volunteer("vrijwilliger1")
    chat, _ = queue_chat()
    Chat.objects.filter(pk=chat.pk).update(offered_at=timezone.now() - dt.timedelta(seconds=61))
    colleague = make_volunteer("vrijwilliger2")  # becoming available runs the offers again

    chat.refresh_from_db()
    assert (chat.status, chat.volunteer) == (ChatStatus.OFFERED, colleague)
    assert not selectors.console_state(volunteer=volunteer).is_available


def test_going_unavailable_hands_untaken_offers_back_to_the_queue():
    volunteer = make_volunteer("vrijwilliger1")
    chat, _ = queue_chat()
    services.volunteer_set_available(volunteer=volunteer, available=False)
    chat.refresh_from_db()
    assert (chat.status, chat.volunteer) == (ChatStatus.WAITING, None)
    assert selectors.queue_position(chat=chat) == 1


def test_only_the_volunteer_it_was_offered_to_can_take_a_chat():
    make_volunteer("vrijwilliger1", available=False)
    offered_to = make_volunteer("vrijwilliger2")
    other = make_volunteer("vrijwilliger3", available=False)
    chat, _ = queue_chat()
    chat.refresh_from_db()
    assert chat.volunteer == offered_to
    with pytest.raises(services.ValidationError):
        services.check_chat_take(volunteer=other, chat=chat)
    services.check_chat_take(volunteer=offered_to, chat=chat)


def test_the_wait_estimate_grows_with_the_queue(settings):
    settings.CHAT_MAX_CONCURRENT = 1
    settings.CHAT_DEFAULT_CHAT_MINUTES = 20
    make_volunteer("vrijwilliger1")
    queue_chat("eerste")  # offered at once: the only place is taken
    second, _ = queue_chat("tweede")
    third, _ = queue_chat("derde")
    assert selectors.chat_state(chat=second).as_event() == {
        "type": "state",
        "status": "waiting",
        "position": 1,
        "wait": 20,
    }
    assert selectors.chat_state(chat=third).wait_minutes == 40


def test_the_offers_timer_hands_an_untaken_offer_to_a_colleague_when_nothing_else_happens(settings):
    settings.CHAT_OFFER_SECONDS = 60
    away = make_volunteer("vrijwilliger1")
    chat, _ = queue_chat()
    colleague = make_volunteer("vrijwilliger2", available=False)
    VolunteerPresence.objects.filter(volunteer=colleague).update(is_available=True)  # no queue change
    Chat.objects.filter(pk=chat.pk).update(offered_at=timezone.now() - dt.timedelta(seconds=61))

    assert offer_waiting_chats() == 1  # the beat task (CELERY_BEAT_SCHEDULE), run as beat runs it

    chat.refresh_from_db()
    assert (chat.status, chat.volunteer) == (ChatStatus.OFFERED, colleague)
    assert not selectors.console_state(volunteer=away).is_available
    assert offer_waiting_chats() == 0  # nothing to do twice


def test_the_offers_timer_is_on_the_beat_schedule(settings):
    schedule = {entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert schedule["chat.tasks.offer_waiting_chats"] <= settings.CHAT_OFFER_SECONDS / 4
