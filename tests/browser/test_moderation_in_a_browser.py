"""A moderator works the queue in a real browser: urgent first, then a queued insult."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from forum import services
from moderation.roles import moderator_groups_ensure
from moderation.services import post_screen
from tests.conftest import PASSWORD
from tests.forum.factories import BoardFactory, MemberFactory, PostFactory, TopicFactory

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
    mod.get_by_text("contact gelegd via de chat").first.wait_for()

    mod.goto("/beheer/moderatie/")
    mod.locator(".mod-item", has_text="stoerd14").locator("a").click()
    mod.get_by_label("Reden (de schrijver ziet deze)").select_option("hurtful")
    mod.get_by_label("Geef een waarschuwing").check()
    mod.get_by_role("button", name="Afwijzen (r)").click()
    mod.get_by_text("Afgewezen.").wait_for()

    writer = browser.new_context(base_url=live_server.url).new_page()
    writer.goto("/forum/inloggen/")
    writer.get_by_label("Schuilnaam").fill("stoerd14")
    writer.get_by_label("Wachtwoord").fill(PASSWORD)
    writer.get_by_role("button", name="Inloggen").click()
    writer.goto(topic.get_absolute_url())
    assert writer.get_by_text("Je bericht kan iemand anders kwetsen").is_visible()

    mod.goto("/beheer/moderatie/logboek/")
    log = mod.locator("table.listing").inner_text()
    assert "opvolging afgerond" in log and "afgewezen" in log and "waarschuwing gegeven" in log
    mod.goto("/beheer/moderatie/cijfers/")
    assert "moderator1" in mod.locator("main").inner_text()
