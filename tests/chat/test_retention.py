"""Messages live only as long as the chat: an abandoned chat is closed and its messages deleted."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from chat import services
from chat.models import Chat, ChatRecord, Message
from chat.tasks import end_stale_chats
from tests.chat.conftest import make_volunteer, queue_chat

pytestmark = pytest.mark.django_db


def test_a_chat_left_untouched_for_hours_is_closed_with_its_messages(settings):
    settings.CHAT_STALE_MINUTES = 180
    volunteer = make_volunteer("vrijwilliger1")
    abandoned, _ = queue_chat("weg")
    services.do_chat_take(volunteer=volunteer, chat=abandoned)
    services.message_post(chat_id=abandoned.pk, sender="young", text="hallo?", client_id="a")
    queue_chat("hier")
    long_ago = timezone.now() - dt.timedelta(hours=4)
    Chat.objects.filter(pk=abandoned.pk).update(last_activity_at=long_ago)
    Message.objects.filter(chat=abandoned).update(created_at=long_ago)

    assert end_stale_chats() == 1

    assert list(Chat.objects.values_list("nickname", flat=True)) == ["hier"]
    assert not Message.objects.exists()
    assert ChatRecord.objects.get().volunteer == volunteer  # to be registered, as any ended chat


def test_a_chat_with_a_recent_message_is_kept(settings):
    volunteer = make_volunteer("vrijwilliger1")
    chat, _ = queue_chat()
    services.do_chat_take(volunteer=volunteer, chat=chat)
    Chat.objects.filter(pk=chat.pk).update(last_activity_at=timezone.now() - dt.timedelta(hours=4))
    services.message_post(chat_id=chat.pk, sender="volunteer", text="Ben je er nog?", client_id="v")

    assert end_stale_chats() == 0
    assert Chat.objects.exists()
