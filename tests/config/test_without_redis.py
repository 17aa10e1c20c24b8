"""Graceful without Redis (issue 13): the cache points at a closed port; pages, logging in and
posting keep working, limits that create something for others refuse kindly, /healthz says what is down."""

from __future__ import annotations

import socket

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from forum.models import Post
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens here once the socket is closed


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/13",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
    yield
    caches["default"].close()


def test_pages_login_and_posting_keep_working_with_the_cache_down(redis_down, member, topic):
    visitor = Client()
    for url in ["/", "/forum/", topic.get_absolute_url(), reverse("forum:login"), "/chat/"]:
        assert visitor.get(url).status_code == 200, url

    logged_in = visitor.post(reverse("forum:login"), {"username": member.username, "password": PASSWORD})
    assert logged_in.status_code == 302
    reply = visitor.post(topic.get_absolute_url(), {"text": "ik heb hetzelfde meegemaakt"}, follow=True)

    assert reply.status_code == 200
    assert Post.objects.filter(author=member).exists()


def test_signing_up_waits_with_a_dutch_message_while_limits_cannot_be_counted(redis_down):
    data = {"nickname": "golf9x", "age": 14, "password": "lange-zin-als-wachtwoord"}
    response = Client().post(reverse("forum:sign_up"), {**data, "password_again": data["password"]})

    assert response.status_code == 429
    page = response.content.decode()
    assert "We kunnen dit nu even niet controleren. Dat ligt niet aan jou." in page
    assert "Probeer het over 1 minuut opnieuw" in page
    assert "te vaak geprobeerd" not in page  # nobody tried too often: the count is not there
    assert 'value="golf9x"' in page


def test_starting_a_chat_says_kindly_that_it_cannot_be_checked_now(redis_down, settings):
    from tests.chat.conftest import ALL_DAY

    settings.CHAT_OPENING_HOURS, settings.CHAT_OPENING_HOURS_PROVIDER = ALL_DAY, ""
    response = Client().post("/chat/", {"nickname": "zonnetje", "age": 14})

    page = response.content.decode()
    assert response.status_code == 429
    assert "We kunnen dit nu even niet controleren" in page and "te vaak geprobeerd" not in page
    assert 'value="zonnetje"' in page


def test_logging_in_with_a_solved_challenge_works_with_the_cache_down(redis_down, member):
    from tests.forum.test_challenge import solved

    visitor = Client()
    response = visitor.post(
        reverse("forum:login"),
        {"username": member.username, "password": PASSWORD, "altcha": solved(visitor, "login")},
    )

    assert response.status_code == 302  # logging in fails open: the solution cannot be marked used


def test_healthz_says_the_cache_is_down(redis_down):
    response = Client().get("/healthz")

    assert response.status_code == 503
    assert response.json()["cache"] == "error"
    assert response.json()["database"] == "ok"
