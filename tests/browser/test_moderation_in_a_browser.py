"""A moderator works the queue in a real browser: urgent first, then a queued insult."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from forum import services
from moderation.roles import moderator_groups_ensure
from moderation.services import post_screen
from tests.browser.conftest import axe_serious, log_in, log_in_to_admin
from tests.conftest import PASSWORD
from tests.forum.factories import BoardFactory, MemberFactory, PostFactory, TopicFactory

# Screenshots for a person to look at (make test leaves them here); never compared by the test.
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", tempfile.gettempdir()))

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def held(author, topic, text):
    post = services.post_reply(author=author, topic=topic, text=text)
    post_screen(post_id=post.pk)
    return post


def test_moderator_handles_urgent_first_then_rejects_an_insult_with_a_warning(browser, live_server):
    moderator_groups_ensure()
    moderator = MemberFactory(username="moderator1", age=None)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    topic = TopicFactory(board=BoardFactory(name="Pesten", slug="pesten"), title="Gepest in de bus")
    PostFactory(topic=topic, is_opening=True, body="Wat moet ik doen?")
    bully = MemberFactory(username="stoerd14")
    held(bully, topic, "jij bent een vieze homo, iedereen haat je")
    held(MemberFactory(username="stilte15"), topic, "ik wil dood, ik heb al pillen gespaard")

    mod = browser.new_context(base_url=live_server.url).new_page()
    mod.goto("/beheer/login/")
    mod.locator("#id_username").fill("moderator1")
    mod.locator("#id_password").fill(PASSWORD)
    mod.locator("form button[type=submit]").first.click()
    mod.goto("/beheer/moderatie/")

    first = mod.locator(".mod-item").first
    assert "Urgent" in first.inner_text()
    first.locator("a").click()
    assert mod.locator("[data-mod-blur]").get_attribute("class").count("mod-blurred") == 1
    mod.get_by_role("button", name="Toon de tekst (t)").click()
    assert "mod-blurred" not in mod.locator("[data-mod-blur]").get_attribute("class")
    mod.get_by_label("Hoe is het opgevolgd?").select_option("chat")
    mod.get_by_role("button", name="Opvolging afgerond (o)").click()
    mod.get_by_text("Afgerond: contact gelegd via de chat").wait_for()

    mod.goto("/beheer/moderatie/")
    mod.locator(".mod-item", has_text="stoerd14").locator("a").click()
    mod.get_by_label("Reden (de schrijver ziet deze)").select_option("hurtful")
    mod.get_by_label("Geef een waarschuwing").check()
    mod.get_by_role("button", name="Afwijzen (r)").click()
    mod.get_by_text("Afgewezen.").wait_for()

    writer = browser.new_context(base_url=live_server.url).new_page()
    log_in(writer, "stoerd14", PASSWORD)
    writer.goto(topic.get_absolute_url())
    assert writer.get_by_text("Je bericht kan iemand anders kwetsen").is_visible()

    mod.goto("/beheer/moderatie/logboek/")
    log = mod.locator("table.listing").inner_text()
    assert "opvolging afgerond" in log and "afgewezen" in log and "waarschuwing gegeven" in log
    mod.goto("/beheer/moderatie/cijfers/")
    assert "moderator1" in mod.locator("main").inner_text()


def test_a_rejected_cry_for_help_needs_a_follow_up_and_keeps_the_writer_s_help_box(browser, live_server):
    moderator_groups_ensure()
    moderator = MemberFactory(username="moderator1", age=None)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    topic = TopicFactory(board=BoardFactory(name="Thuis", slug="thuis"), title="Ruzie thuis")
    PostFactory(topic=topic, is_opening=True, body="Hoe gaan jullie om met ruzie?")
    writer_member = MemberFactory(username="stilte15")
    held(writer_member, topic, "ik wil dood, ik heb al pillen gespaard")
    PostFactory(topic=topic, author=writer_member, status="published", body="eerder bericht")
    later = held(MemberFactory(username="ander14"), topic, "zullen we afspreken bij het station?")
    later.author = writer_member  # the same writer's second item, for the history below
    later.save(update_fields=["author"])

    mod = browser.new_context(base_url=live_server.url).new_page()
    log_in_to_admin(mod, "moderator1", PASSWORD)
    mod.goto("/beheer/moderatie/")
    mod.locator(".mod-item.mod-urgent a").click()
    assert mod.get_by_label("Reden (de schrijver ziet deze)").input_value() == "care"
    mod.get_by_role("button", name="Afwijzen (r)").click()
    mod.get_by_text("Dit is een urgent bericht. Kies eerst wat er voor de schrijver is gedaan").wait_for()
    mod.get_by_label("Wat is er voor de schrijver gedaan?").select_option("chat_offered")
    mod.get_by_role("button", name="Afwijzen (r)").click()
    mod.get_by_text("de opvolging is vastgelegd").wait_for()

    # The writer's other item shows the urgent text blurred under their earlier posts.
    mod.locator(".mod-item", has_text="afspreken").locator("a").click()
    history = mod.locator(".mod-history")
    history.wait_for()
    assert history.locator(".mod-blurred").count() == 1
    assert axe_serious(mod) == []

    writer = browser.new_context(base_url=live_server.url).new_page()
    log_in(writer, "stilte15", PASSWORD)
    writer.goto(topic.get_absolute_url())
    help_box = writer.get_by_role("alert").filter(has_text="We willen graag met je praten")
    assert help_box.is_visible()
    assert "omdat we ons zorgen om je maken" in help_box.inner_text()
    assert "113" in help_box.inner_text()
    assert help_box.get_by_role("link", name="Chat nu met een vrijwilliger").is_visible()
    assert axe_serious(writer) == []
    mod.goto("/beheer/moderatie/logboek/")
    assert "chat aangeboden" in mod.locator("table.listing").inner_text()


def test_the_figures_carry_titles_axes_values_and_tables_and_fit_a_phone(browser, live_server):
    moderator_groups_ensure()
    moderator = MemberFactory(username="moderator1", age=None)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    topic = TopicFactory(board=BoardFactory(name="School", slug="school"), title="Toetsen")
    PostFactory(topic=topic, is_opening=True, body="Hoe leren jullie?")
    held(MemberFactory(username="bel14"), topic, "bel me op 0612345678, zullen we afspreken bij het station?")
    held(MemberFactory(username="stilte15"), topic, "ik wil dood, ik heb al pillen gespaard")
    from moderation import actions
    from moderation.models import Review

    for review in Review.objects.all():
        actions.do_claim(review=review, moderator=moderator)
        actions.do_reject(review=review, moderator=moderator, reason="care", followup="chat_offered")

    page = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900}).new_page()
    log_in_to_admin(page, "moderator1", PASSWORD)
    page.goto("/beheer/moderatie/cijfers/")
    removals = page.locator("#grafiek-weggehaald")
    page.locator("#grafiek-per-moderator").screenshot(path=str(SHOTS / "figures-1280.png"))
    svg = removals.locator("svg").inner_html()
    assert "aantal keer weggehaald" in svg and "telefoonnummer" in svg  # axis label, a Dutch row label
    assert ">1</text>" in svg  # the value on its bar
    assert removals.get_by_role("table").get_by_role("row", name="telefoonnummer 1").is_visible()
    per_moderator = page.locator("#grafiek-per-moderator")
    assert "moderator1" in per_moderator.locator("svg").inner_html()
    assert per_moderator.get_by_role("row", name="moderator1 2").is_visible()
    urgent = page.locator("#grafiek-urgent")
    assert "urgent binnengekomen" in urgent.locator("svg").inner_html()  # the legend
    first_action = page.locator("#grafiek-eerste-actie")
    assert "minuten tot eerste actie" in first_action.get_by_role("table").inner_text()
    assert axe_serious(page) == []

    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/beheer/moderatie/cijfers/")
    widths = page.evaluate(
        "() => [...document.querySelectorAll('.mod-chart-svg')].map(s => s.getBoundingClientRect().right)"
    )
    assert widths and max(widths) <= 376  # sub-pixel rounding
    page.locator("#grafiek-weggehaald").screenshot(path=str(SHOTS / "figures-375.png"))
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
    assert axe_serious(page) == []
