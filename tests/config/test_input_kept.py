"""Nothing typed is lost or changed without a word (issue 13): a huge paste gets a Dutch page, emoji
joined with zero-width joiners stay whole in posts and chats, a too long chat message is refused with
the reason instead of being cut."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from chat import services as chat_services

pytestmark = pytest.mark.django_db

FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467"


def test_a_three_megabyte_paste_gets_a_friendly_dutch_page_with_help(member_client, topic):
    response = member_client.post(topic.get_absolute_url(), {"text": "a" * 3_000_000})

    assert response.status_code == 413
    page = response.content.decode()
    assert "Te veel tekst in één keer" in page
    assert "terugknop" in page
    assert 'href="/chat/"' in page
    assert "Bad Request" not in page


def test_a_huge_paste_without_a_session_gets_the_same_page():
    response = Client().post(reverse("forum:login"), {"username": "x" * 3_000_000})

    assert response.status_code == 413
    assert "Te veel tekst in één keer" in response.content.decode()


def test_a_reply_with_emoji_joined_by_zero_width_joiners_keeps_them_whole(member, topic):
    from forum import services
    from forum.crypto import unseal

    post = services.post_reply(author=member, topic=topic, text=f"ons gezin {FAMILY} is top")

    assert FAMILY in unseal(post.original)


def test_a_chat_message_with_joined_emoji_stays_whole():
    assert chat_services.text_clean(f"hoi {FAMILY}", max_length=2000) == f"hoi {FAMILY}"


def test_a_too_long_chat_message_is_refused_with_the_reason_not_cut():
    with pytest.raises(ValidationError) as refused:
        chat_services.text_clean("x" * 2001, max_length=2000)

    assert refused.value.code == "too_long"
    assert "te lang: 2001 tekens" in refused.value.messages[0]
    assert "2000" in refused.value.messages[0]
