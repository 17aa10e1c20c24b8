"""Before posting, the writer sees what the filter will hide and why: exactly what screening does."""

from __future__ import annotations

import itertools
import logging
import random

import pytest
from django.core.cache import cache
from django.urls import reverse

from forum import services
from forum.models import Post
from forum.preview import preview_build
from moderation.services import post_screen
from tests.forum.factories import MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()


def test_bekijk_eerst_shows_the_text_as_published_with_the_reason_and_stores_nothing(member_client, topic):
    response = member_client.post(
        topic.get_absolute_url(), {"text": "mijn oude nummer was 06-12345678 na school", "voorbeeld": "1"}
    )

    page = response.content.decode()
    assert '<mark class="replaced" data-kind="PHONE">[telefoonnummer]</mark>' in page
    assert "zodat niemand je buiten het forum kan vinden" in page
    assert "komt je bericht meteen online" in page
    assert "mijn oude nummer was 06-12345678 na school</textarea>" in page  # the draft stays in the form
    assert not Post.objects.filter(topic=topic, is_opening=False).exists()


def test_new_topic_preview_covers_the_title_too(member_client, board):
    response = member_client.post(
        reverse("forum:topic_new", args=[board.slug]),
        {"title": "mail me: a.b@example.nl", "text": "Wie weet raad?", "voorbeeld": "1"},
    )

    page = response.content.decode()
    assert '<mark class="replaced" data-kind="EMAIL">[e-mailadres]</mark>' in page
    assert not board.topics.exists()


def test_preview_fragment_for_the_script(member_client):
    response = member_client.post(reverse("forum:preview"), {"text": "mijn mail is iemand@example.nl"})

    assert response.status_code == 200
    assert "[e-mailadres]" in response.content.decode()
    assert "<html" not in response.content.decode()


def test_a_cry_for_help_in_a_draft_shows_the_way_to_a_volunteer_without_blocking_the_post(
    member_client, topic
):
    page = member_client.post(
        topic.get_absolute_url(), {"text": "ik wil dood, niemand zou me missen", "voorbeeld": "1"}
    ).content.decode()

    assert "Chat nu met een vrijwilliger" in page
    assert "0800-0113" in page
    assert "Je mag je bericht gewoon plaatsen" in page
    assert '<button type="submit">Plaatsen</button>' in page


def test_held_draft_is_told_kindly_that_a_moderator_reads_it_first(member_client):
    page = member_client.post(reverse("forum:preview"), {"text": "jij bent een vieze homo"}).content.decode()

    assert "Een moderator leest je bericht eerst" in page


def test_previews_are_limited_per_member(member_client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "preview": (2, 60)}
    for _ in range(2):
        member_client.post(reverse("forum:preview"), {"text": "hoi"})

    assert member_client.post(reverse("forum:preview"), {"text": "hoi"}).status_code == 429


def test_visitors_get_no_preview(client):
    response = client.post(reverse("forum:preview"), {"text": "hoi"})

    assert response.status_code == 302


def test_drafts_are_never_logged(member_client, caplog):
    caplog.set_level(logging.DEBUG)

    member_client.post(reverse("forum:preview"), {"text": "geheim concept 0612345678"})

    assert "geheim concept" not in caplog.text
    assert "0612345678" not in caplog.text


def test_a_birthday_in_a_draft_is_marked_with_advice_and_without_it_the_reply_goes_online_at_once(
    member_client, topic
):
    draft = "Mijn oude nummer was 06-12345678, morgen word ik 14!"
    page = member_client.post(topic.get_absolute_url(), {"text": draft, "voorbeeld": "1"}).content.decode()

    assert '<mark class="replaced" data-kind="PHONE">[telefoonnummer]</mark>' in page
    assert (
        '<mark class="identifying" data-kind="herkenbaar: leeftijd en verjaardag">morgen word ik 14</mark>'
        in page
    )
    assert "Samen vertellen \u201cmorgen word ik 14\u201d wanneer je jarig bent" in page
    assert "Laat je weg wat hierboven staat, dan komt je bericht meteen online" in page

    page = member_client.post(
        topic.get_absolute_url(), {"text": "Mijn oude nummer was 06-12345678!", "voorbeeld": "1"}
    ).content.decode()
    assert 'class="identifying"' not in page
    assert "Als je op Plaatsen drukt, komt je bericht meteen online." in page


def test_a_small_place_and_a_class_are_named_together_in_the_advice(member_client):
    page = member_client.post(
        reverse("forum:preview"), {"text": "ik woon in Lemmer en zit in groep 7, wie ook?"}
    ).content.decode()

    assert "Samen maken \u201cLemmer\u201d en \u201cgroep 7\u201d je herkenbaar" in page
    assert "Laat een van de twee weg" in page


def test_a_cry_for_help_with_a_combination_is_not_promised_to_go_online_at_once(member_client):
    page = member_client.post(
        reverse("forum:preview"), {"text": "morgen word ik 14 maar ik wil dood"}
    ).content.decode()

    assert "Chat nu met een vrijwilliger" in page
    assert "dan komt je bericht meteen online" not in page


OPENINGS = ["hoi allemaal,", "ik weet het niet meer.", "Vraagje:", "", "help!!"]
MIDDLES = [
    "mijn oude nummer was 06-12345678",
    "mijn mail is zonnetje@example.nl",
    "ik woon op Merelstraat 14 in 3532 KL",
    "die kutleraar deed weer stom",
    "mijn oma heeft kanker",
    "mijn vriendin Sanne de Boer zegt niks meer",
    "ik wil dood",
    "ik lag dood van het lachen",
    "zullen we afspreken bij het station?",
    "op school gaat het wel",
    "mijn insta is @wolkje_2011",
    "morgen word ik 14",
    "ik woon in Lemmer en zit in groep 7",
    "zaterdag heb ik een toernooi in Genemuiden",
]
ENDINGS = ["", "wat moet ik doen?", "groetjes", "FUCK dit"]


def generated_posts(n: int, seed: int = 7) -> list[str]:
    """Posts made of pieces that each trigger (or must not trigger) a different rule."""
    rng = random.Random(seed)
    combos = list(itertools.product(OPENINGS, MIDDLES, ENDINGS))
    rng.shuffle(combos)
    return [" ".join(p for p in combo if p) for combo in combos[:n]]


def test_preview_and_screening_agree_on_every_post_of_a_generated_set(topic):
    author = MemberFactory(username="schrijver")
    for text in generated_posts(40):
        preview = preview_build(text=text)
        Post.objects.filter(author=author).delete()  # so the posting interval does not apply
        post = services.post_reply(author=author, topic=topic, text=text)

        post = post_screen(post_id=post.pk)

        assert (preview.decision, preview.published_text) == (
            {"published": "publish", "queued": "queue", "urgent": "urgent"}[post.status],
            post.body,
        ), text
