"""The preview in a real browser, with and without JavaScript: the phone number and why it goes."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.conftest import PASSWORD
from tests.forum.factories import BoardFactory, MemberFactory, PostFactory, TopicFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def logged_in_page(browser, live_server, *, javascript: bool):
    MemberFactory(username="typist14")
    page = browser.new_context(base_url=live_server.url, java_script_enabled=javascript).new_page()
    page.set_default_timeout(15_000)
    log_in(page, "typist14", PASSWORD)
    return page


def a_topic():
    topic = TopicFactory(board=BoardFactory(name="School", slug="school"), title="Toetsweek")
    PostFactory(topic=topic, is_opening=True, body="Hoe leren jullie?")
    return topic


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_reply_preview_shows_the_phone_number_replaced_and_explained(browser, live_server, javascript):
    topic = a_topic()
    page = logged_in_page(browser, live_server, javascript=javascript)
    page.goto(topic.get_absolute_url())

    page.get_by_label("Jouw reactie").fill("Leer met mij! Bel 06-12345678")
    if not javascript:
        page.get_by_role("button", name="Bekijk eerst").click()

    preview = page.locator("[data-preview] .preview")
    preview.locator("mark[data-kind=PHONE]").wait_for()
    assert "Bel [telefoonnummer]" in preview.inner_text()
    assert "zodat niemand je buiten het forum kan vinden" in preview.inner_text()
    assert page.get_by_label("Jouw reactie").input_value() == "Leer met mij! Bel 06-12345678"

    page.get_by_role("button", name="Plaatsen", exact=True).click()
    page.locator(".post", has_text="Leer met mij!").get_by_text("Bel [telefoonnummer]").wait_for()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_a_birthday_is_explained_before_posting_and_what_is_posted_is_exactly_the_preview(
    browser, live_server, javascript
):
    topic = a_topic()
    page = logged_in_page(browser, live_server, javascript=javascript)
    page.goto(topic.get_absolute_url())
    reply = page.get_by_label("Jouw reactie")
    preview = page.locator("[data-preview] .preview")

    reply.fill(
        "Leer samen met mij, mijn oude nummer 06-12345678 is gehackt. Morgen word ik 14 en dan heb ik vrij"
    )
    if not javascript:
        page.get_by_role("button", name="Bekijk eerst").click()
    preview.locator("mark.identifying").wait_for()
    assert preview.locator("mark[data-kind=PHONE]").inner_text() == "[telefoonnummer]"
    assert "zodat niemand je buiten het forum kan vinden" in preview.inner_text()
    assert "Morgen word ik 14" in preview.locator("mark.identifying").inner_text()
    assert "zo weet iemand je geboortedatum" in preview.inner_text()

    reply.fill("Leer samen met mij, mijn oude nummer 06-12345678 is gehackt. Dan heb ik vrij")
    if not javascript:
        page.get_by_role("button", name="Bekijk eerst").click()
    preview.get_by_text("Als je op Plaatsen drukt, komt je bericht meteen online.").wait_for()
    assert preview.locator("mark.identifying").count() == 0
    assert "geboortedatum" not in preview.inner_text()
    previewed = preview.locator(".preview-body").inner_text()
    assert previewed == "Leer samen met mij, mijn oude nummer [telefoonnummer] is gehackt. Dan heb ik vrij"

    page.get_by_role("button", name="Plaatsen", exact=True).click()
    published = page.locator(".post", has_text="Leer samen met mij").locator(".post-body")
    published.wait_for()
    assert published.inner_text() == previewed


def test_the_counter_says_what_is_left_and_the_preview_says_why_it_stops_over_the_limit(browser, live_server):
    from tests.browser.conftest import axe_serious

    topic = a_topic()
    page = logged_in_page(browser, live_server, javascript=True)
    page.goto(topic.get_absolute_url())
    assert page.get_by_text("Nog 5.000 tekens over").is_visible()

    page.get_by_label("Jouw reactie").fill("Bel 06-12345678")
    page.locator("[data-preview] .preview").wait_for()
    assert page.get_by_text("Nog 4.985 tekens over").is_visible()

    too_long = "a" * 5_010
    page.get_by_label("Jouw reactie").fill(too_long)
    counter = page.locator(".char-count")
    expect(counter).to_have_text("10 tekens te veel: maak je tekst wat korter")
    expect(page.locator("[aria-live=polite].visually-hidden")).to_have_text(counter.inner_text())  # announced
    page.get_by_text("Het voorbeeld stopt, omdat je tekst langer is dan 5.000 tekens.").wait_for()
    assert page.get_by_label("Jouw reactie").input_value() == too_long  # nothing typed is lost
    assert axe_serious(page) == []
