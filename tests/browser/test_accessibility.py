"""axe-core (the copy axe-playwright-python ships) finds no serious or critical issue on the pages
moderators, volunteers, coordinators and young people use, with content on them."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from forum import services
from moderation.services import post_screen
from tests.browser.conftest import axe_serious, log_in, log_in_to_admin
from tests.conftest import PASSWORD
from tests.forum.factories import BoardFactory, MemberFactory, PostFactory, TopicFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _forum():
    board = BoardFactory(name="School", slug="school")
    topic = TopicFactory(board=board, title="Toetsweek")
    PostFactory(topic=topic, is_opening=True, body="Hoe leren jullie?", status="published")
    for name, text in (("stilte15", "ik wil dood, niemand ziet me"), ("bel14", "bel me op 0612345678")):
        post = services.post_reply(author=MemberFactory(username=name), topic=topic, text=text)
        post_screen(post_id=post.pk)
    return topic


def _check(page, urls: list[str]) -> dict[str, list[str]]:
    found = {}
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        problems = axe_serious(page)
        if problems:
            found[url] = problems
    return found


def test_public_pages_have_no_serious_accessibility_issues(browser, live_server):
    topic = _forum()
    MemberFactory(username="lezer13")
    page = browser.new_context(base_url=live_server.url, locale="nl-NL").new_page()
    urls = ["/", "/forum/", "/forum/school/", topic.get_absolute_url(), "/chat/", "/zoeken/?q=toetsen"]
    urls += ["/forum/inloggen/", "/forum/aanmelden/"]
    assert _check(page, urls) == {}
    log_in(page, "lezer13", PASSWORD)
    assert _check(page, [topic.get_absolute_url(), "/forum/school/nieuw/", "/forum/account/"]) == {}


def test_moderator_pages_have_no_serious_accessibility_issues(browser, live_server, moderator):
    _forum()
    from moderation.models import Review

    page = browser.new_context(base_url=live_server.url, locale="nl-NL").new_page()
    log_in_to_admin(page, moderator.username, PASSWORD)
    urls = [
        "/beheer/",
        "/beheer/moderatie/",
        "/beheer/moderatie/?tab=doorgezet",
        "/beheer/moderatie/logboek/",
    ]
    urls += ["/beheer/moderatie/cijfers/", "/beheer/moderatie/voorkeuren/"]
    urls += [f"/beheer/moderatie/item/{r.pk}/" for r in Review.objects.all()]
    assert _check(page, urls) == {}


def test_volunteer_and_coordinator_pages_have_no_serious_accessibility_issues(
    browser, live_server, volunteer
):
    volunteer.groups.add(Group.objects.get_or_create(name="Coördinatoren")[0])
    page = browser.new_context(base_url=live_server.url, locale="nl-NL").new_page()
    log_in(page, volunteer.username, PASSWORD)
    assert _check(page, ["/chat/vrijwilliger/", "/chat/cijfers/"]) == {}
    assert page.get_by_text("Praat erover met iemand").count() == 0  # the console's own layout
