"""The proof of work (ALTCHA) in a real browser: with JavaScript the widget, served by the site under
its strict Content-Security-Policy, solves the challenge and the sign-up goes through on its proof
alone; without JavaScript the same form still signs a child up."""

from __future__ import annotations

import pytest

from forum.models import Member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NO_PROOF_ALLOWED = (0, 60)


def fill_sign_up(page, nickname: str) -> None:
    page.goto("/forum/aanmelden/")
    page.get_by_label("Schuilnaam").fill(nickname)
    page.get_by_label("Hoe oud ben je?").fill("14")
    page.get_by_label("Wachtwoord", exact=True).fill("mijn-lange-wachtwoord")
    page.get_by_label("Wachtwoord nog een keer").fill("mijn-lange-wachtwoord")


def test_with_javascript_the_widget_solves_the_challenge_and_the_sign_up_succeeds(page, settings):
    from tests.browser.conftest import axe_serious

    # Only a proof can get through: the budget for forms without one is nil.
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign_up_unproven": NO_PROOF_ALLOWED}
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)

    fill_sign_up(page, "wolkje14")
    page.get_by_text("Klaar: je bent geen robot").wait_for()  # in Dutch, solved while typing
    assert page.get_by_role("checkbox", name="Klaar: je bent geen robot").is_checked()
    assert not page.get_by_text("Je browser gebruikt geen JavaScript").is_visible()
    assert page.locator("input[name=altcha]").input_value()  # the solution, sent with the form
    assert axe_serious(page) == []
    page.get_by_role("button", name="Aanmelden").click()

    page.get_by_role("heading", name="Welkom! Bewaar deze herstelcodes").wait_for()
    assert Member.objects.filter(username="wolkje14").exists()
    assert blocked == []  # nothing the widget needs was refused by the CSP


def test_a_form_sent_before_the_check_is_done_waits_for_it(page, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign_up_unproven": NO_PROOF_ALLOWED}
    page.goto("/forum/aanmelden/")
    # Straight to the button, without focusing the form first: the check runs, then the form goes.
    page.evaluate(
        """() => {
        for (const [name, value] of [["nickname", "zeester12"], ["age", "12"],
            ["password", "mijn-lange-wachtwoord"], ["password_again", "mijn-lange-wachtwoord"]]) {
            document.querySelector(`[name=${name}]`).value = value;
        }
        document.querySelector("main form button[type=submit]").click();
    }"""
    )

    page.get_by_role("heading", name="Welkom! Bewaar deze herstelcodes").wait_for()
    assert Member.objects.filter(username="zeester12").exists()


def test_without_javascript_a_child_still_signs_up_and_logs_in(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    try:
        fill_sign_up(page, "maanvis13")
        assert page.get_by_text("Je browser gebruikt geen JavaScript. Dat is goed").is_visible()
        page.get_by_role("button", name="Aanmelden").click()
        assert page.get_by_role("heading", name="Welkom! Bewaar deze herstelcodes").is_visible()
        page.get_by_role("button", name="Uitloggen").click()

        page.goto("/forum/inloggen/")
        page.get_by_label("Schuilnaam").fill("maanvis13")
        page.get_by_label("Wachtwoord").fill("mijn-lange-wachtwoord")
        page.locator("main").get_by_role("button", name="Inloggen").click()
        assert page.get_by_role("button", name="Uitloggen").is_visible()
    finally:
        context.close()
