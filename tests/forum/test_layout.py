"""The site's layout (header, language switch) is rendered once per language and login state
(forum.templatetags.forum_layout); what a reader notices must stay theirs: their own menu, their own
token in its forms, the language they chose."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _logged_in(member) -> Client:
    client = Client()
    client.force_login(member)
    return client


def test_members_see_their_menu_and_visitors_the_login_links_on_the_same_page(member):
    visitor_page = Client().get(reverse("forum:index")).content.decode()
    member_page = _logged_in(member).get(reverse("forum:index")).content.decode()

    assert "Uitloggen" in member_page
    assert "Inloggen" not in member_page
    assert "Inloggen" in Client().get(reverse("forum:index")).content.decode()
    assert "Uitloggen" not in visitor_page


def test_each_member_gets_their_own_token_in_the_layouts_forms(member, other_member):
    first = _logged_in(member)
    second = _logged_in(other_member)
    first.get(reverse("forum:index"))
    second.get(reverse("forum:index"))

    first_tokens = set(TOKEN.findall(first.get(reverse("forum:index")).content.decode()))
    second_tokens = set(TOKEN.findall(second.get(reverse("forum:index")).content.decode()))

    assert first_tokens and second_tokens
    assert first_tokens.isdisjoint(second_tokens)
    assert "\x00" not in first.get(reverse("forum:index")).content.decode()


def test_logging_out_with_the_layouts_form_works(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    page = client.get(reverse("forum:index")).content.decode()
    token = TOKEN.search(page).group(1)

    response = client.post(reverse("forum:logout"), {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert "Inloggen" in client.get(reverse("forum:index")).content.decode()


def test_after_switching_to_english_a_member_sees_the_layout_in_english(member):
    client = _logged_in(member)
    assert "Uitloggen" in client.get(reverse("forum:index")).content.decode()

    client.post(reverse("set_language"), {"language": "en", "next": "/forum/"})
    page = client.get(reverse("forum:index")).content.decode()

    assert "Log out" in page
    assert "Uitloggen" not in page
    assert '<option value="en" selected>' in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    page = client.get(reverse("forum:index")).content.decode()
    assert "Uitloggen" in page
    assert '<option value="nl" selected>' in page
