"""Every page a moderator or volunteer looks at speaks plain Dutch: no filter codes (PERSON, PHONE,
SCHOOL, PROFANITY), no "queue"/"publish", no "rule:" as the text one reads; rule names and scores
only as secondary detail. The finding types come from nlp_models itself."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from forum import services
from moderation.actions import review_for_report
from moderation.findings import finding_type, known_types
from moderation.models import Review
from moderation.services import post_screen
from tests.forum.factories import MemberFactory, PostFactory, TopicFactory

CODES = re.compile(
    r"\b(PERSON|PHONE|EMAIL|ADDRESS|POSTCODE|BSN|IBAN|HANDLE|URL|SCHOOL|BIRTHDATE|PLATE|PROFANITY)\b"
    r"|\bbericht: queue\b|\btitel: publish\b|\brule:|\bnames:|\blexicon:|\bcombination:"
    r"|\b(queue|publish|published|rejected|escalated|held|reported|decided)\b"
)


class _Text(HTMLParser):
    """The text a reader sees: text nodes outside <script>, <style> and hidden templates."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        if tag in ("script", "style", "template"):
            self._skip += 1

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if not self._skip and data.strip():
            self.parts.append(data.strip())


def visible_lines(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.parts


def held(author, topic, text):
    post = services.post_reply(author=author, topic=topic, text=text)
    post_screen(post_id=post.pk)
    return post


@pytest.fixture
def busy_queue(db, board):
    topic = TopicFactory(board=board, title="Pauze")
    PostFactory(topic=topic, is_opening=True, body="Wat doen jullie in de pauze?")
    writer = MemberFactory(username="zonnetje13")
    held(MemberFactory(username="stilte15"), topic, "ik wil dood, niemand ziet me")
    held(
        writer,
        topic,
        "Ik ben Jan de Vries van het Stedelijk Gymnasium, bel me op 0612345678, kut. Zullen we afspreken bij het station?",
    )
    reported = PostFactory(topic=topic, author=writer, body="Wat een gedoe allemaal", status="published")
    services.report_create(reporter=MemberFactory(), post=reported, reason="worried")
    review_for_report(post=reported)  # what the forum's signal does once the report commits
    return topic


def test_every_type_the_filter_can_emit_has_a_dutch_label_and_explanation():
    for key in known_types():
        entry = finding_type(key)
        assert str(entry.label) and not CODES.search(str(entry.label)), key
        assert len(str(entry.explanation)) > 20, key


def test_a_type_the_filter_learns_later_still_reads_as_words():
    assert str(finding_type("SELF_HARM_RISK").label) == "self harm risk"
    assert str(finding_type("grooming").label) == "grooming"
    assert str(finding_type("grooming").explanation)


def test_no_moderator_page_shows_filter_codes(busy_queue, moderator_client, moderator):
    from moderation.retention import retention_apply

    retention_apply()
    pages = [
        reverse("moderation:queue"),
        reverse("moderation:queue") + "?tab=doorgezet",
        reverse("moderation:audit"),
        reverse("moderation:figures"),
        reverse("moderation:preferences"),
        "/beheer/",
    ]
    pages += [reverse("moderation:review", args=[r.pk]) for r in Review.objects.all()]
    assert len(pages) == 9
    for url in pages:
        response = moderator_client.get(url)
        assert response.status_code == 200, url
        bad = [line for line in visible_lines(response.content.decode()) if CODES.search(line)]
        assert bad == [], url


def test_the_item_page_names_findings_in_dutch_with_the_rule_as_detail(busy_queue, moderator_client):
    review = Review.objects.get(urgent=False, kind=Review.Kind.HELD)
    page = moderator_client.get(reverse("moderation:review", args=[review.pk])).content.decode()
    text = " ".join(visible_lines(page))
    assert "Telefoonnummer (weggehaald): We halen je telefoonnummer weg" in text
    assert "Afspreken of contact buiten het forum" in text
    assert "Bericht: het filter koos „wachtrij”" in text
    assert re.search(r"regel \w+, zekerheid 0,\d\d", text)  # secondary: rule and a Dutch decimal


def test_volunteer_pages_show_no_codes(db, volunteer):
    client = Client()
    client.force_login(volunteer)
    coordinator = MemberFactory(username="coordinator1", age=None)
    coordinator.groups.add(Group.objects.get_or_create(name="Coördinatoren")[0])
    coordinator.groups.add(Group.objects.get_or_create(name="Vrijwilligers")[0])
    coordinator_client = Client()
    coordinator_client.force_login(coordinator)
    for c, url in ((client, reverse("chat:console")), (coordinator_client, reverse("chat:figures"))):
        response = c.get(url)
        assert response.status_code == 200, url
        assert [line for line in visible_lines(response.content.decode()) if CODES.search(line)] == [], url


def test_a_moderator_s_admin_home_shows_the_queue_not_images_and_documents(busy_queue, moderator_client):
    review = Review.objects.filter(urgent=False).first()
    moderator_client.get(reverse("moderation:review", args=[review.pk]))  # claims it

    text = " ".join(visible_lines(moderator_client.get("/beheer/").content.decode()))

    assert "1 urgent bericht wacht" in text
    assert "3 wachten, het oudste al" in text
    assert "1 item heb jij opgepakt" in text
    assert "0 Documenten" not in text and "0 Afbeeldingen" not in text


def test_the_item_says_what_the_language_model_reads_and_which_words_weighed_most(moderator_client, topic):
    from forum import services
    from moderation.services import post_screen

    post = services.post_reply(
        author=MemberFactory(username="regenboog9"),
        topic=topic,
        text="heb op internet opgezocht hoeveel ik er moet nemen. zaterdag zijn mijn ouders weg",
    )
    post_screen(post_id=post.pk)
    review = Review.objects.get(post=post)
    page = moderator_client.get(reverse("moderation:review", args=[review.pk])).content.decode()
    assert "Het taalmodel leest hierin" in page
    assert "zelfdoding" in page
    assert "Woorden die het zwaarst wogen" in page
    assert "post_classifier" not in page  # the model's file name is no word for a moderator
