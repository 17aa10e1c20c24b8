"""Production refuses to start half-configured; /healthz tells the state of every part."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "x7!" + Fernet.generate_key().decode() + "q9#Lm2$vB8&nT4",
    "ALLOWED_HOSTS": "praatplein.example",
    "DATABASE_URL": f"sqlite:///{ROOT / '.deploy-check.sqlite3'}",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "ELASTICSEARCH_URL": "http://127.0.0.1:9200",
    "ENCRYPTION_KEY": Fernet.generate_key().decode(),
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {
        k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "config.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_and_names_what_is_missing():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k not in ("REDIS_URL", "ENCRYPTION_KEY")}

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "REDIS_URL" in result.stderr
    assert "ENCRYPTION_KEY" in result.stderr
    assert "DATABASE_URL" not in result.stderr


def test_deploy_check_passes_without_warnings_in_production():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_demo_content_is_never_loaded_in_production():
    result = manage("load_demo", env=PRODUCTION_ENV)

    assert result.returncode != 0
    assert "never loaded in production" in result.stderr


@pytest.mark.django_db
def test_healthz_reports_database_cache_and_broker(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "broker": "eager",
        "search": "database",
    }


@pytest.mark.django_db
def test_pages_are_dutch_even_for_an_english_browser_until_english_is_chosen(client):
    dutch = client.get("/forum/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/forum/"})
    english = client.get("/forum/").content.decode()

    assert "Praat erover met iemand" in dutch
    assert "Talk to someone about it" in english


COOKIE_SETTINGS = [
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
]


def _production_cookie_settings() -> dict:
    import json

    code = "import json; from django.conf import settings as s; print(json.dumps({n: getattr(s, n) for n in %r}))"
    result = manage("shell", "-c", code % COOKIE_SETTINGS, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_cookies_are_secure_http_only_and_same_site():
    assert _production_cookie_settings() == {
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
    }


@pytest.mark.django_db
def test_with_production_cookie_settings_the_browser_gets_secure_cookies(client, settings):
    from tests.forum.factories import MemberFactory

    for name, value in _production_cookie_settings().items():
        setattr(settings, name, value)
    MemberFactory(username="regenboog13")
    client.get("/forum/inloggen/", secure=True)

    response = client.post(
        "/forum/inloggen/", {"username": "regenboog13", "password": "geheim-wachtwoord-42"}, secure=True
    )

    assert response.status_code == 302
    for name in ("sessionid", "csrftoken"):
        cookie = response.cookies[name]
        assert cookie["secure"] is True, name
        assert cookie["httponly"] is True, name
        assert cookie["samesite"] == "Lax", name
