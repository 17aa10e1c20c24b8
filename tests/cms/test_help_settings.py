"""Crisis numbers and opening hours come from the site settings and change at once when editors save."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils.module_loading import import_string
from wagtail.models import Site

from cms.help import CACHE_KEY, chat_opening_hours, crisis_lines, help_cache_clear
from cms.models import HelpSettings

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    help_cache_clear()
    yield
    help_cache_clear()


def test_without_settings_every_page_shows_the_default_crisis_numbers(client):
    html = client.get("/").content.decode()

    assert crisis_lines() == list(settings.CRISIS_LINES)
    assert 'href="tel:08000113"' in html


def test_saved_crisis_numbers_appear_at_once_on_every_page(client):
    client.get("/")  # the defaults are now cached
    help_settings = HelpSettings.for_site(Site.objects.get(is_default_site=True))
    help_settings.crisis_lines = [("line", {"name": "De Kindertelefoon", "phone": "0800-0432"})]
    help_settings.save()

    for url in ["/", "/forum/", "/chat/"]:
        html = client.get(url).content.decode()
        assert 'De Kindertelefoon: <a href="tel:08000432">0800-0432</a>' in html, url
        assert "113 Zelfmoordpreventie" not in html.split('class="crisis-lines"')[1], url


def test_opening_hours_reach_the_chat_through_the_provider_setting():
    help_settings = HelpSettings.for_site(Site.objects.get(is_default_site=True))
    help_settings.opening_hours = [
        ("hours", {"weekday": "2", "opens": dt.time(19), "closes": dt.time(21, 30)}),
        ("hours", {"weekday": "2", "opens": dt.time(13), "closes": dt.time(15)}),
        ("hours", {"weekday": "5", "opens": dt.time(10), "closes": dt.time(12)}),
        ("hours", {"weekday": "6", "opens": dt.time(20), "closes": dt.time(0)}),
    ]
    help_settings.save()

    provider = import_string(settings.CHAT_OPENING_HOURS_PROVIDER)

    assert provider is chat_opening_hours
    assert provider() == {
        2: [("13:00", "15:00"), ("19:00", "21:30")],
        5: [("10:00", "12:00")],
        6: [("20:00", "24:00")],
    }


def test_opening_hours_default_to_the_chat_setting():
    assert chat_opening_hours() == settings.CHAT_OPENING_HOURS


def test_closing_before_opening_is_refused():
    from wagtail.blocks import StructBlockValidationError

    from cms.blocks import OpeningHoursBlock

    block = OpeningHoursBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"weekday": "1", "opens": "21:00", "closes": "14:00"}))


def test_a_crisis_number_must_be_a_phone_number():
    from wagtail.blocks import StructBlockValidationError

    from cms.blocks import CrisisLineBlock

    block = CrisisLineBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"name": "Iets", "phone": "bel ons"}))


def test_an_administrator_edits_help_and_chat_in_the_settings(admin_client):
    site = Site.objects.get(is_default_site=True)

    response = admin_client.get(f"/beheer/settings/cms/helpsettings/{site.pk}/")

    assert response.status_code == 200
    assert "Hulplijnen" in response.content.decode()


def test_crisis_numbers_another_request_read_before_the_save_committed_are_not_kept(
    client, django_capture_on_commit_callbacks
):
    help_settings = HelpSettings.for_site(Site.objects.get(is_default_site=True))
    with django_capture_on_commit_callbacks(execute=True):
        help_settings.crisis_lines = [("line", {"name": "De Kindertelefoon", "phone": "0800-0432"})]
        help_settings.save()
        # Meanwhile another request, which still sees the old settings, reads them and keeps them.
        cache.set(CACHE_KEY, {"crisis_lines": list(settings.CRISIS_LINES), "opening_hours": {}}, 3600)

    html = client.get("/").content.decode()
    assert 'De Kindertelefoon: <a href="tel:08000432">0800-0432</a>' in html
