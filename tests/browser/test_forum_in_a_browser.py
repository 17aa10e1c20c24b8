"""A young person signs up, posts a message with a phone number, and sees it published without it."""

from __future__ import annotations

import pytest

from forum.models import Board

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_sign_up_post_and_see_the_phone_number_removed(page):
    Board.objects.create(name="School", slug="school", description="Cijfers, leraren en de klas.")

    page.goto("/forum/")
    page.get_by_role("link", name="Aanmelden").first.click()
    page.get_by_label("Schuilnaam").fill("wolkje14")
    page.get_by_label("Hoe oud ben je?").fill("14")
    page.get_by_label("Wachtwoord", exact=True).fill("mijn-lange-wachtwoord")
    page.get_by_label("Wachtwoord nog een keer").fill("mijn-lange-wachtwoord")
    page.get_by_role("button", name="Aanmelden").click()
    # The form may wait a moment for its proof of work (static/js/challenge.js) before it goes.
    page.get_by_role("heading", name="Welkom! Bewaar deze herstelcodes").wait_for()

    page.get_by_role("link", name="Ik heb ze bewaard, naar het forum").click()
    page.get_by_role("link", name="School").click()
    page.get_by_role("link", name="Nieuw onderwerp").click()
    page.get_by_label("Titel").fill("Wie wil samen leren?")
    page.get_by_label("Je bericht").fill("Ik wil graag een studiemaatje, mijn oude nummer was 06-12345678")
    page.get_by_role("button", name="Plaatsen").click()

    post = page.locator(".post").first
    post.get_by_text("mijn oude nummer was [telefoonnummer]").wait_for()
    assert "06-12345678" not in page.content()
    assert page.get_by_role("heading", name="Wie wil samen leren?").is_visible()


def test_every_page_has_a_skip_link_and_the_way_to_a_volunteer(page):
    Board.objects.create(name="Rouw", slug="rouw")

    page.goto("/forum/rouw/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    assert skip.evaluate("el => el === document.activeElement")
    skip.press("Enter")
    page.get_by_role("link", name="Praat erover met iemand").click()
    # Waits until each is shown (a click starts the navigation; the page may still be arriving).
    page.get_by_role("heading", name="Praat erover met iemand").wait_for()
    page.get_by_text("0800-0113").first.wait_for()
