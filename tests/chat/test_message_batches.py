"""A batch of messages (what the server's writer stores at once) gets, per message, what storing it
alone would: new messages once, resends their stored message, refusals their reason."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from chat import selectors, services
from chat.models import Message
from tests.chat.conftest import make_volunteer, queue_chat

pytestmark = pytest.mark.django_db


def test_a_mixed_batch_stores_each_new_message_once_and_answers_every_sender():
    volunteer = make_volunteer("vrijwilliger1")
    talking, _ = queue_chat("zonnetje")
    services.do_chat_take(volunteer=volunteer, chat=talking)
    waiting, _ = queue_chat("wachter")
    earlier, _ = services.message_post(chat_id=talking.pk, sender="young", text="hoi", client_id="a")
    draft = services.MessageDraft

    outcomes = services.messages_post(
        drafts=[
            draft(talking.pk, "young", "hoi", "a"),  # resent after a dropped connection
            draft(talking.pk, "young", "ben je er?", "b"),
            draft(talking.pk, "volunteer", "Ja, ik ben er", "b"),  # the same id from the other side
            draft(talking.pk, "young", "ben je er?", "b"),  # resent within the batch
            draft(waiting.pk, "young", "hallo", "c"),  # no conversation yet
            draft(talking.pk, "young", "   ", "d"),
        ]
    )

    resent, new, answer, resent_in_batch, not_active, empty = outcomes
    assert resent == (earlier, False)
    assert new[1] and answer[1] and not resent_in_batch[1]
    assert resent_in_batch[0].pk == new[0].pk
    assert isinstance(not_active, ValidationError) and not_active.code == "not_active"
    assert isinstance(empty, ValidationError) and empty.code == "empty"
    # What the other side is sent is what a reconnecting browser reads back from the database.
    assert [selectors.message_payload(m) for m in (earlier, new[0], answer[0])] == selectors.chat_messages(
        chat_id=talking.pk
    )
    assert list(Message.objects.values_list("sender", "text")) == [
        ("young", "hoi"),
        ("young", "ben je er?"),
        ("volunteer", "Ja, ik ben er"),
    ]
