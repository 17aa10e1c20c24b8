"""The home page is a Wagtail page; editors and moderators work in the Wagtail admin at /beheer/."""

from __future__ import annotations

import pytest
from wagtail.models import Page, Site

from cms.models import HomePage

pytestmark = pytest.mark.django_db


def test_home_page_is_the_site_root_and_lists_the_boards(client, board):
    response = client.get("/")

    assert isinstance(Site.objects.get(is_default_site=True).root_page.specific, HomePage)
    page = response.content.decode()
    assert "Welkom op Praatplein" in page
    assert board.name in page
    assert "Praat erover met iemand" in page


def test_home_page_can_only_live_at_the_root():
    assert HomePage.parent_page_types == ["wagtailcore.Page"]
    assert not HomePage.can_create_at(Page.objects.get(depth=2))


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_editors_and_moderators_reach_the_admin(client, role, request):
    client.force_login(request.getfixturevalue(role))

    response = client.get("/beheer/")

    assert response.status_code == 200


@pytest.mark.parametrize("role", ["member", "volunteer"])
def test_members_and_volunteers_do_not_reach_the_admin(client, role, request):
    client.force_login(request.getfixturevalue(role))

    response = client.get("/beheer/")

    assert response.status_code == 302
    assert "/beheer/login/" in response["Location"]


def test_forum_moderators_cannot_publish_information_pages(moderator):
    from wagtail.models import Page

    root = Page.objects.get(depth=1)
    assert not root.permissions_for_user(moderator).can_publish()
    assert not Page.objects.get(depth=2).permissions_for_user(moderator).can_publish()
