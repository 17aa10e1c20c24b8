"""Limits on trying too often, per member or per browser session, with a clear Dutch message."""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forum.models import Member, Post, Topic
from tests.conftest import PASSWORD
from tests.forum.factories import MemberFactory, PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()
    yield
    cache.clear()


def test_wrong_passwords_for_a_nickname_do_not_lock_its_owner_out(client, member):
    # The owner logged in in their own browser before; a stranger then tries ten wrong passwords.
    owner = Client()
    owner.post(reverse("forum:login"), {"username": member.username, "password": PASSWORD})
    owner.post(reverse("forum:logout"))
    stranger = Client()
    for _ in range(10):
        stranger.post(reverse("forum:login"), {"username": member.username, "password": "fout"})

    response = owner.post(reverse("forum:login"), {"username": member.username, "password": PASSWORD})

    assert response.status_code == 302
    assert "_auth_user_id" in owner.session


def test_after_many_wrong_passwords_a_new_browser_waits_seconds_not_minutes(client, member):
    for _ in range(8):
        client.post(reverse("forum:login"), {"username": member.username, "password": "fout"})

    response = client.post(reverse("forum:login"), {"username": member.username, "password": PASSWORD})

    assert response.status_code == 200  # slowed down, not locked
    page = response.content.decode()
    assert re.search(r"Wacht \d+ seconden? en probeer het dan opnieuw", page)
    assert "minuten" not in page
    assert f'value="{member.username}"' in page
    # Once the short wait is over (here: the last wrong try moved 61 seconds back), the owner's
    # password works in this browser too.
    from forum import ratelimit

    digest = ratelimit._nickname_digest(member.username)
    count, last = cache.get(f"lf:{digest}")
    cache.set(f"lf:{digest}", (count, last - 61), timeout=900)
    response = client.post(reverse("forum:login"), {"username": member.username, "password": PASSWORD})
    assert response.status_code == 302


def test_logging_in_too_often_from_one_browser_is_paused_whatever_the_nickname(client, member, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login": (3, 900)}
    for nickname in ("a1", "b2", "c3"):
        client.post(reverse("forum:login"), {"username": nickname, "password": "fout"})

    paused = client.post(
        reverse("forum:login"), {"username": member.username, "password": "geheim-wachtwoord-42"}
    )
    other_browser = Client().post(
        reverse("forum:login"), {"username": member.username, "password": "geheim-wachtwoord-42"}
    )

    assert paused.status_code == 429
    assert "te vaak geprobeerd" in paused.content.decode()
    assert other_browser.status_code == 302


def test_a_good_login_is_not_paused_by_a_few_typos(client, member):
    for _ in range(2):
        client.post(reverse("forum:login"), {"username": member.username, "password": "fout"})

    response = client.post(
        reverse("forum:login"), {"username": member.username, "password": "geheim-wachtwoord-42"}
    )

    assert response.status_code == 302


def test_accounts_made_by_everyone_together_are_limited_per_minute_whatever_the_cookies(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign_up": (2, 60)}
    data = {"age": 14, "password": "lange-zin-als-wachtwoord", "password_again": "lange-zin-als-wachtwoord"}
    for nickname in ("golf1x", "golf2x"):
        Client().post(reverse("forum:sign_up"), {**data, "nickname": nickname})  # each a fresh browser

    response = Client().post(reverse("forum:sign_up"), {**data, "nickname": "golf9x"})

    assert response.status_code == 429
    assert "Het is nu erg druk" in response.content.decode()
    assert 'value="golf9x"' in response.content.decode()
    assert not Member.objects.filter(username="golf9x").exists()


def test_many_tries_from_one_browser_in_a_few_minutes_are_paused(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign_up_attempt": (3, 600)}
    for _ in range(3):
        client.post(reverse("forum:sign_up"), {"nickname": "x"})

    response = client.post(reverse("forum:sign_up"), {"nickname": "golf9x", "age": 14})

    assert response.status_code == 429
    assert "te vaak geprobeerd" in response.content.decode()
    assert 'value="golf9x"' in response.content.decode()


def test_a_child_who_makes_mistakes_at_sign_up_sees_every_error_at_once_and_is_never_locked_out(client):
    wrong = {"nickname": "0612345678", "age": "veertien", "password": "kort", "password_again": "kort"}
    first = client.post(reverse("forum:sign_up"), wrong).content.decode()

    # Every problem on the first try: the nickname, the age and the password.
    assert "Deze schuilnaam" in first
    assert "Vul je leeftijd in als getal" in first
    assert "te kort" in first or "Minstens 8" in first or "minstens" in first
    for _ in range(9):
        client.post(reverse("forum:sign_up"), wrong)
    right = {"nickname": "golf9x", "age": 14, "password": "lange-zin-als-wachtwoord"}
    response = client.post(reverse("forum:sign_up"), {**right, "password_again": right["password"]})

    assert response.status_code == 200
    assert "minuten opnieuw" not in response.content.decode()
    assert Member.objects.filter(username="golf9x").exists()


def test_reporting_too_often_is_paused(member_client, topic, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "report": (2, 3600)}
    posts = [PostFactory(topic=topic) for _ in range(3)]
    for post in posts[:2]:
        member_client.post(reverse("forum:post_report", args=[post.pk]), {"reason": "spam"})

    page = member_client.post(
        reverse("forum:post_report", args=[posts[2].pk]), {"reason": "spam"}
    ).content.decode()

    assert "te vaak geprobeerd" in page
    assert not posts[2].reports.exists()


def test_public_pages_send_a_content_security_policy_without_unsafe_inline(client, topic):
    for url in ["/", "/forum/", topic.get_absolute_url(), reverse("forum:sign_up"), "/chat/"]:
        policy = client.get(url).headers.get("Content-Security-Policy", "")
        assert "default-src 'self'" in policy, url
        assert "unsafe-inline" not in policy, url


def test_no_log_line_carries_an_ip_address_or_the_text_of_a_post(
    client, member_client, topic, caplog, submit
):
    caplog.set_level(logging.DEBUG)
    submit(member_client, topic.get_absolute_url(), {"text": "mijn geheim: bel 0612345678"})
    client.get("/bestaat-niet/", REMOTE_ADDR="203.0.113.77", HTTP_X_FORWARDED_FOR="198.51.100.23")
    client.post(reverse("forum:login"), {"username": "x", "password": "y"}, REMOTE_ADDR="203.0.113.77")

    logged = "\n".join(r.getMessage() + " " + str(r.args) for r in caplog.records)
    assert "203.0.113.77" not in logged
    assert "198.51.100.23" not in logged
    assert "mijn geheim" not in logged
    assert "0612345678" not in logged


def test_passwords_are_hashed_with_argon2_in_production_settings():
    from config.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def _reply(client, topic, text, submit):
    return submit(client, topic.get_absolute_url(), {"text": text})


def test_posting_more_than_the_hourly_cap_is_paused_and_the_text_stays(
    member_client, member, topic, settings
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "post": (3, 3600)}
    for minutes_ago in (50, 30, 10):
        PostFactory(topic=topic, author=member, created_at=timezone.now() - timedelta(minutes=minutes_ago))

    response = member_client.post(topic.get_absolute_url(), {"text": "Nog één ding dat ik kwijt wil."})

    assert response.status_code == 429
    page = response.content.decode()
    assert "Je hebt het afgelopen uur al 3 berichten geplaatst" in page
    assert "Over 10 minuten kun je weer iets plaatsen." in page
    assert "Nog één ding dat ik kwijt wil." in page
    assert Post.objects.filter(author=member).count() == 3


def test_a_new_topic_over_the_hourly_cap_keeps_its_title_and_text(member_client, member, board, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "post": (2, 3600)}
    for minutes_ago in (40, 20):
        PostFactory(author=member, created_at=timezone.now() - timedelta(minutes=minutes_ago))

    response = member_client.post(
        reverse("forum:topic_new", args=[board.slug]), {"title": "Mijn vraag", "text": "Wie herkent dit?"}
    )

    assert response.status_code == 429
    page = response.content.decode()
    assert "meer kan niet in een uur" in page
    assert 'value="Mijn vraag"' in page
    assert "Wie herkent dit?" in page
    assert not Topic.objects.filter(board=board).exists()


def test_posts_older_than_an_hour_do_not_count_towards_the_cap(
    member_client, member, topic, submit, settings
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "post": (2, 3600)}
    for minutes_ago in (90, 70, 61):
        PostFactory(topic=topic, author=member, created_at=timezone.now() - timedelta(minutes=minutes_ago))

    page = _reply(member_client, topic, "Dit mag gewoon.", submit).content.decode()

    assert "Dit mag gewoon." in page
    assert Post.objects.filter(topic=topic, author=member, is_opening=False).count() == 4


def test_one_member_at_the_cap_does_not_pause_another(client, member, topic, submit, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "post": (2, 3600)}
    for minutes_ago in (30, 10):
        PostFactory(topic=topic, author=member, created_at=timezone.now() - timedelta(minutes=minutes_ago))
    another = MemberFactory(username="wolkje12")
    client.force_login(another)

    response = _reply(client, topic, "Ik mag nog wel.", submit)

    assert response.status_code == 200
    assert Post.objects.filter(author=another).count() == 1


def test_posting_again_within_the_interval_is_paused_per_member_and_the_text_stays(
    client, member, topic, submit, settings
):
    settings.FORUM_MEMBER_POST_INTERVAL = 60
    client.force_login(member)
    _reply(client, topic, "Eerste.", submit)

    paused = client.post(topic.get_absolute_url(), {"text": "Tweede, meteen erachteraan."})
    another = MemberFactory(username="wolkje12")
    client.force_login(another)
    other = _reply(client, topic, "Ik ben iemand anders.", submit)

    assert paused.status_code == 429
    assert "Wacht nog" in paused.content.decode()
    assert "Tweede, meteen erachteraan." in paused.content.decode()
    assert other.status_code == 200
    assert Post.objects.filter(author=another).count() == 1


def test_a_draft_too_long_to_post_is_not_screened_for_a_preview(member_client, topic, monkeypatch):
    import forum.views

    screened = []
    monkeypatch.setattr(forum.views, "preview_context", lambda **kwargs: screened.append(kwargs) or {})
    draft = "Dit is mijn verhaal. " * 300  # 6,300 characters; a post may be 5,000

    fragment = member_client.post(reverse("forum:preview"), {"text": draft})
    page = member_client.post(topic.get_absolute_url(), {"text": draft, "voorbeeld": "1"})

    assert fragment.status_code == 413
    assert "het mag maximaal 5000 tekens zijn" in page.content.decode()
    assert "Dit is mijn verhaal." in page.content.decode()
    assert screened == []


@pytest.mark.parametrize("first_at", [0.5, 58.0, 59.9])
def test_a_burst_across_the_edge_of_a_minute_is_still_one_burst(monkeypatch, first_at):
    # A fixed window would count afresh at every full minute: two attempts just before it and two
    # just after would all pass a limit of two a minute.
    from forum import ratelimit

    clock = [600 * 60 + first_at]
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: clock[0]))
    hit = lambda: ratelimit.rate_limit_hit(action="edge", who="all", limit=2, window=60)  # noqa: E731

    assert [hit(), hit()] == [0, 0]
    clock[0] += 1.0
    wait = hit()

    assert wait > 0
    clock[0] += wait
    assert hit() == 0, "allowed again once the wait it was told has passed"


def test_the_wait_told_is_not_longer_than_needed(monkeypatch):
    from forum import ratelimit

    clock = [600 * 60 + 30.0]
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: clock[0]))
    for _ in range(3):
        ratelimit.rate_limit_hit(action="told", who="all", limit=3, window=60)

    wait = ratelimit.rate_limit_wait(action="told", who="all", limit=3, window=60)
    clock[0] += wait - 2

    assert wait > 2
    assert ratelimit.rate_limit_wait(action="told", who="all", limit=3, window=60) > 0
