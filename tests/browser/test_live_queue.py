"""The moderators' queue is live: a post a young person writes in another browser appears in an
open queue within seconds, announced (visually and through an ARIA live region), with its reason in
Dutch, and the counts in the title and the menu follow. Runs on uvicorn (WebSockets), see conftest."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_serious, log_in, log_in_to_admin
from tests.conftest import PASSWORD
from tests.forum.factories import MemberFactory, PostFactory, TopicFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_urgent_post_written_elsewhere_appears_in_the_open_queue_announced(
    browser, asgi_server, moderator, board
):
    topic = TopicFactory(board=board, title="Thuis gaat het slecht")
    PostFactory(topic=topic, is_opening=True, body="Hoe gaat het bij jullie thuis?")
    MemberFactory(username="stilte15")

    mod = browser.new_context(base_url=asgi_server, locale="nl-NL").new_page()
    mod.set_default_timeout(15_000)
    log_in_to_admin(mod, moderator.username, PASSWORD)
    mod.goto("/beheer/moderatie/")
    mod.get_by_text("Er wacht niets. Goed gedaan.").wait_for()
    mod.get_by_text("Deze lijst werkt zichzelf bij").wait_for()  # the socket is open
    assert axe_serious(mod) == []

    writer = browser.new_context(base_url=asgi_server, locale="nl-NL").new_page()
    writer.set_default_timeout(15_000)
    log_in(writer, "stilte15", PASSWORD)
    writer.goto(topic.get_absolute_url())
    writer.get_by_label("Jouw reactie").fill("ik wil dood, ik heb al pillen gespaard")
    writer.get_by_role("button", name="Plaatsen").click()

    # No reload: the row arrives, with its reason in Dutch, and is announced.
    row = mod.locator(".mod-item", has_text="stilte15")
    row.wait_for(timeout=10_000)
    assert "Zelfdoding" in row.inner_text() and "Urgent" in row.inner_text()
    assert "School" in row.inner_text() and "nog door niemand opgepakt" in row.inner_text()
    alert = mod.get_by_role("alert").filter(has_text="Nieuw urgent bericht")
    expect(alert).to_be_visible()
    assert "Zelfdoding" in alert.inner_text()
    expect(mod).to_have_title(re.compile(r"^\(1 urgent\) Wachtrij \(1\)"))
    expect(mod.get_by_role("link", name="Open (1, 1 urgent)")).to_be_visible()
    mod.get_by_role("button", name="Moderatie").click()
    expect(
        mod.locator("nav").get_by_role("link", name=re.compile(r"Wachtrij \(1, 1 urgent\)"))
    ).to_be_visible()
    mod.keyboard.press("Escape")
    assert axe_serious(mod) == []

    # A colleague opens (claims) it: the first moderator's queue says so, live.
    colleague = MemberFactory(username="moderator2", age=None)
    from django.contrib.auth.models import Group

    colleague.groups.add(Group.objects.get(name="Moderators"))
    other = browser.new_context(base_url=asgi_server, locale="nl-NL").new_page()
    other.set_default_timeout(15_000)
    log_in_to_admin(other, "moderator2", PASSWORD)
    other.goto("/beheer/moderatie/")
    other.locator(".mod-item a").first.click()
    other.get_by_role("heading", name="Beoordelen").wait_for()
    expect(mod.locator(".mod-item", has_text="stilte15")).to_contain_text("moderator2 is ermee bezig")
    for page in (mod, writer, other):
        page.context.close()
