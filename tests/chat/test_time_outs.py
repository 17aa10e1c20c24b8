"""A volunteer ends an abusive chat with a time-out: that browser session cannot start a new chat
for the chosen time, but still sees the crisis numbers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from chat.models import Chat, ChatRecord, Message, TimeOut
from tests.chat.conftest import make_volunteer, start_chat_in_browser

pytestmark = pytest.mark.django_db


@pytest.fixture
def volunteer_client():
    volunteer = make_volunteer("vrijwilliger1")
    client = Client()
    client.force_login(volunteer)
    return client


def take_and_end(volunteer_client, *, time_out: str = ""):
    chat = Chat.objects.get()
    volunteer_client.post(f"/chat/vrijwilliger/aannemen/{chat.pk}/")
    return volunteer_client.post(f"/chat/vrijwilliger/gesprek/{chat.pk}/beeindigen/", {"time_out": time_out})


def test_during_a_time_out_the_session_cannot_start_a_chat_but_sees_the_crisis_numbers(
    client, volunteer_client
):
    start_chat_in_browser(client)
    take_and_end(volunteer_client, time_out="240")

    page = client.get("/chat/")
    text = page.content.decode()
    assert "geen nieuwe chat starten" in text
    assert "0800-0113" in text and "112" in text
    assert "Start de chat" not in text
    start_chat_in_browser(client, nickname="opnieuw")
    assert not Chat.objects.exists()
    assert ChatRecord.objects.get().timed_out


def test_a_time_out_holds_for_that_session_only(client, volunteer_client):
    start_chat_in_browser(client)
    take_and_end(volunteer_client, time_out="30")
    start_chat_in_browser(Client(), nickname="iemand-anders")
    assert Chat.objects.filter(nickname="iemand-anders").exists()


def test_after_the_time_out_the_session_may_chat_again(client, volunteer_client):
    start_chat_in_browser(client)
    take_and_end(volunteer_client, time_out="30")
    TimeOut.objects.update(until=timezone.now() - dt.timedelta(seconds=1))
    start_chat_in_browser(client, nickname="weer")
    assert Chat.objects.filter(nickname="weer").exists()


def test_a_chat_ended_without_a_time_out_leaves_the_session_free(client, volunteer_client):
    start_chat_in_browser(client)
    take_and_end(volunteer_client)
    assert not TimeOut.objects.exists()
    assert "Start de chat" in client.get("/chat/").content.decode()


def test_only_the_offered_lengths_can_be_chosen(client, volunteer_client):
    start_chat_in_browser(client)
    response = take_and_end(volunteer_client, time_out="99999")
    assert response.status_code == 403
    assert Chat.objects.exists() and not TimeOut.objects.exists()


def test_ending_deletes_the_messages_and_only_the_registration_remains(client, volunteer_client):
    from chat import services

    start_chat_in_browser(client)
    chat = Chat.objects.get()
    volunteer_client.post(f"/chat/vrijwilliger/aannemen/{chat.pk}/")
    services.message_post(
        chat_id=chat.pk, sender="young", text="Ik heet Sanne en woon in Utrecht", client_id="a"
    )
    services.message_post(chat_id=chat.pk, sender="volunteer", text="Fijn dat je er bent", client_id="b")

    page = volunteer_client.post(
        f"/chat/vrijwilliger/gesprek/{chat.pk}/beeindigen/", {"time_out": ""}, follow=True
    )

    assert "Registratie van het gesprek" in page.content.decode()
    assert not Chat.objects.exists() and not Message.objects.exists()
    record = ChatRecord.objects.get()
    assert record.stated_age_group == "12-14"
    assert not any("Sanne" in str(value) for value in vars(record).values())
