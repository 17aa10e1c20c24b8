"""The way in: opening hours, the wait, the crisis numbers, and starting a chat without an account."""

from __future__ import annotations

import pytest
from django.test import Client

from chat.models import Chat, ChatStatus
from forum.models import Status
from tests.chat.conftest import CLOSED, make_volunteer, start_chat_in_browser
from tests.forum.factories import PostFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_the_entry_shows_the_hours_the_wait_and_the_crisis_numbers(client):
    page = client.get("/chat/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Wanneer is de chat open?" in text
    assert "Er is nu nog geen vrijwilliger beschikbaar" in text
    assert "0800-0113" in text
    assert "Start de chat" in text


def test_reading_the_entry_leaves_no_cookie_behind(client):
    response = client.get("/chat/")
    assert "sessionid" not in response.cookies


def test_outside_opening_hours_there_are_alternatives_and_no_queue(client, settings):
    settings.CHAT_OPENING_HOURS = CLOSED
    page = client.get("/chat/")
    text = page.content.decode()
    assert "De chat is nu gesloten." in text
    assert "0800-0432" in text and "0800-0113" in text
    assert "Start de chat" not in text
    start_chat_in_browser(client)
    assert not Chat.objects.exists()


def test_a_visitor_without_an_account_starts_a_chat_and_sees_their_place_in_the_queue(client):
    page = start_chat_in_browser(client, nickname="zonnetje", age=13)
    assert "Je wacht op een vrijwilliger" in page.content.decode()
    assert "Je bent nummer 1 in de rij." in page.content.decode()
    chat = Chat.objects.get()
    assert (chat.nickname, chat.age, chat.is_urgent, chat.shared_text) == ("zonnetje", 13, False, "")


def test_coming_back_to_the_entry_brings_the_young_person_back_to_their_place(client):
    start_chat_in_browser(client)
    page = client.get("/chat/", follow=True)
    assert "Je wacht op een vrijwilliger" in page.content.decode()
    assert Chat.objects.count() == 1


def test_the_chat_is_for_ages_8_to_18(client):
    page = start_chat_in_browser(client, age=25)
    assert "Deze chat is voor jongeren van 8 tot en met 18 jaar." in page.content.decode()
    assert not Chat.objects.exists()


def test_leaving_the_queue_deletes_the_chat_and_keeps_only_a_record(client):
    start_chat_in_browser(client)
    page = client.post("/chat/gesprek/stoppen/", follow=True)
    assert "Je bent gestopt met chatten." in page.content.decode()
    assert not Chat.objects.exists()
    from chat.models import ChatRecord

    record = ChatRecord.objects.get()
    assert record.left_while_waiting and record.volunteer is None


def test_from_a_topic_the_post_is_shared_only_when_the_young_person_ticks_it(client, topic):
    page = client.get(f"/chat/?onderwerp={topic.pk}").content.decode()
    assert "Laat de vrijwilliger mijn bericht van het forum lezen" in page
    assert 'type="checkbox" name="share"' in page and "checked" not in page
    assert f'<option value="{topic.board.pk}" selected>' in page  # the board's subject, which they may change
    start_chat_in_browser(client, onderwerp=topic.pk)
    assert Chat.objects.get().shared_text == ""

    other = Client()
    start_chat_in_browser(other, nickname="ander", onderwerp=topic.pk, share="on")
    assert Chat.objects.get(nickname="ander").shared_text == "Hoe leren jullie voor toetsen?"


def test_the_writer_of_an_urgent_post_gets_an_urgent_chat_offered_first(client, member, board, settings):
    settings.CHAT_MAX_CONCURRENT = 1
    volunteer = make_volunteer("vrijwilliger1", available=False)
    start_chat_in_browser(Client(), nickname="eerder")
    topic = TopicFactory(board=board, author=member, status=Status.URGENT, title="")
    post = PostFactory(topic=topic, author=member, status=Status.URGENT, body="Ik zie het niet meer zitten")
    client.force_login(member)

    start_chat_in_browser(
        client, nickname="regenboog", query=f"?bericht={post.pk}", bericht=post.pk, share="on"
    )

    chat = Chat.objects.get(nickname="regenboog")
    assert chat.is_urgent and chat.shared_text == "Ik zie het niet meer zitten"
    from chat import services

    services.volunteer_set_available(volunteer=volunteer, available=True)
    chat.refresh_from_db()
    assert (chat.status, chat.volunteer) == (ChatStatus.OFFERED, volunteer)


def test_someone_elses_held_post_is_neither_shared_nor_urgent(client, other_member, board):
    topic = TopicFactory(board=board, author=other_member, status=Status.URGENT, title="")
    post = PostFactory(topic=topic, author=other_member, status=Status.URGENT, body="geheim en zwaar")
    page = client.get(f"/chat/?bericht={post.pk}")
    assert "Laat de vrijwilliger mijn bericht" not in page.content.decode()
    start_chat_in_browser(client, bericht=post.pk, share="on")
    chat = Chat.objects.get()
    assert not chat.is_urgent and chat.shared_text == ""


def test_the_forum_topic_links_to_the_chat_with_the_topic(client, topic):
    page = client.get(topic.get_absolute_url())
    assert f'/chat/?onderwerp={topic.pk}"' in page.content.decode()
