"""An editor writes an information page, another approves it, and a young person finds it by searching."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site

from cms.help import help_cache_clear
from cms.models import HomePage, TopicIndexPage
from cms.services import editorial_workflow_ensure
from tests.forum.factories import BoardFactory, MemberFactory, PostFactory, TopicFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "geheim-wachtwoord-42"


def _site_tree() -> TopicIndexPage:
    """The page tree the migrations make, rebuilt when an earlier browser test flushed the database."""
    help_cache_clear()
    locale, _created = Locale.objects.get_or_create(language_code="nl")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", locale=locale)
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Welkom op Praatplein", slug="home"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    index = TopicIndexPage(title="Informatie", slug="informatie")
    home.add_child(instance=index)
    index.save_revision().publish()
    editorial_workflow_ensure()
    return index


def _editor(username: str):
    editor = MemberFactory(username=username, age=None)
    editor.groups.add(Group.objects.get(name="Editors"))
    return editor


def _log_in(browser, live_server, username: str):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto("/beheer/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/beheer/")
    return context, page


def test_editor_writes_second_editor_approves_young_person_finds_it(browser, live_server):
    index = _site_tree()
    _editor("redacteur1")
    _editor("redacteur2")
    board = BoardFactory(name="Pesten", slug="pesten")
    topic = TopicFactory(board=board, title="Ik word gepest in de groepsapp")
    PostFactory(topic=topic, is_opening=True, body="Wat moet ik doen tegen pesten?")

    # The first editor writes the page and sends it for review.
    context, admin = _log_in(browser, live_server, "redacteur1")
    admin.goto(f"/beheer/pages/add/cms/topicpage/{index.pk}/")
    admin.locator("#id_title").fill("Pesten en buitensluiten")
    admin.locator("#id_intro").fill("Word je gepest of buitengesloten? Dat is nooit jouw schuld.")
    admin.get_by_label("Pesten", exact=True).check()
    admin.locator("footer .w-dropdown__toggle").click()
    admin.get_by_role("button", name="Stuur door naar Redactie: vier ogen").click()
    admin.wait_for_url("**/beheer/pages/*/")
    context.close()

    page_id = Page.objects.get(title="Pesten en buitensluiten").pk
    assert not Page.objects.get(pk=page_id).live

    # A second editor approves it; approving publishes it.
    context, admin = _log_in(browser, live_server, "redacteur2")
    admin.goto(f"/beheer/pages/{page_id}/edit/")
    admin.locator("footer .w-dropdown__toggle").click()
    admin.locator(
        'footer button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    ).click()
    admin.wait_for_url(lambda url: f"/pages/{page_id}/edit/" not in url)
    admin.get_by_text("Goedgekeurd: „Pesten en buitensluiten” staat nu online.").wait_for()
    assert "is gewijzigd" not in admin.locator(".messages").inner_text()
    context.close()
    assert Page.objects.get(pk=page_id).live

    # A young person searches from the header and finds the page and the forum topic.
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    visitor = context.new_page()
    visitor.set_default_timeout(15_000)
    visitor.goto("/")
    visitor.get_by_label("Zoeken op Praatplein").fill("pesten")
    visitor.get_by_label("Zoeken op Praatplein").press("Enter")

    information = visitor.locator("section", has=visitor.get_by_role("heading", name="Informatie"))
    forum = visitor.locator("section", has=visitor.get_by_role("heading", name="Forum"))
    assert information.get_by_role("link", name="Pesten en buitensluiten").is_visible()
    assert forum.get_by_role("link", name="Ik word gepest in de groepsapp").is_visible()
    assert visitor.locator("mark").first.is_visible()

    information.get_by_role("link", name="Pesten en buitensluiten").click()
    assert visitor.get_by_role("heading", name="Pesten en buitensluiten", level=1).is_visible()
    assert visitor.get_by_role("link", name="Forum Pesten").is_visible()
    context.close()
