"""Starting chats over and over is paused per browser session, kindly, and nothing typed is lost."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.test import Client

from chat.models import Chat
from tests.chat.conftest import start_chat_in_browser

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counts(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "chat_start": (2, 3600)}
    cache.clear()
    yield
    cache.clear()


def start_and_leave(client: Client, times: int) -> None:
    for _ in range(times):
        start_chat_in_browser(client)
        client.post("/chat/gesprek/stoppen/")


def test_starting_too_many_chats_shows_a_kind_message_with_the_crisis_numbers(client, board):
    start_and_leave(client, 2)

    response = client.post("/chat/", {"nickname": "stormvogel", "age": 15, "board": board.pk})

    assert response.status_code == 429
    page = response.content.decode()
    assert "Je hebt kort na elkaar al een paar keer een chat gestart." in page
    assert re.search(r"Over \d+ minu(ut|ten) kun je weer een chat starten", page)
    assert "0800-0113" in page and "0800-0432" in page and "112" in page
    assert not Chat.objects.exists()


def test_what_the_young_person_typed_is_still_in_the_form_when_paused(client, board):
    start_and_leave(client, 2)

    page = client.post("/chat/", {"nickname": "stormvogel", "age": 15, "board": board.pk}).content.decode()

    assert 'value="stormvogel"' in page
    assert 'value="15"' in page
    assert f'<option value="{board.pk}" selected>' in page
    assert "Start de chat" in page


def test_another_browser_session_may_still_start_a_chat(client):
    start_and_leave(client, 2)

    page = start_chat_in_browser(Client(), nickname="zeemeeuw")

    assert "Je wacht op een vrijwilliger" in page.content.decode()
    assert Chat.objects.get().nickname == "zeemeeuw"


def test_the_pause_follows_the_session_not_the_ip_address(client):
    start_and_leave(client, 2)

    page = Client(REMOTE_ADDR="203.0.113.9").post(
        "/chat/", {"nickname": "zeemeeuw", "age": 14}, REMOTE_ADDR="203.0.113.9", follow=True
    )
    paused = client.post("/chat/", {"nickname": "stormvogel", "age": 15}, REMOTE_ADDR="198.51.100.4")

    assert "Je wacht op een vrijwilliger" in page.content.decode()
    assert paused.status_code == 429


def test_refused_starts_do_not_count(client):
    for _ in range(3):
        start_chat_in_browser(client, age=25)  # refused: the chat is for 8 to 18

    page = start_chat_in_browser(client, age=14)

    assert "Je wacht op een vrijwilliger" in page.content.decode()


def test_a_logged_in_member_is_paused_per_browser_session_too(client, member):
    client.force_login(member)
    start_and_leave(client, 2)

    other_browser = Client()
    other_browser.force_login(member)

    assert client.post("/chat/", {"nickname": "stormvogel", "age": 15}).status_code == 429
    assert "Je wacht op een vrijwilliger" in start_chat_in_browser(other_browser).content.decode()


def test_chats_started_by_everyone_together_are_limited_per_minute_whatever_the_cookies(settings, board):
    # A script that drops its cookie each time is a new browser session every time (issue 13).
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "chat_start_all": (3, 60)}
    for _ in range(3):
        start_chat_in_browser(Client())

    response = Client().post("/chat/", {"nickname": "stormvogel", "age": 15, "board": board.pk})

    assert response.status_code == 429
    page = response.content.decode()
    assert "Er starten nu heel veel mensen tegelijk een chat" in page
    assert 'value="stormvogel"' in page
    assert "0800-0113" in page
    assert Chat.objects.count() == 3
