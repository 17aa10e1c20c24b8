"""A real browser: Playwright driving Debian's Chromium against a live test server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


MISSING = "Chromium is not installed (apt-get install chromium); the browser tests are skipped"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Without Chromium every browser test skips for the same reason: report it on one line,
    not one line per test file."""
    outcome = yield
    report = outcome.get_result()
    if CHROMIUM is None and report.skipped and isinstance(report.longrepr, tuple):
        report.longrepr = (__file__, None, MISSING)


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("Chromium is not installed (apt-get install chromium)")
        pytest.skip(MISSING)
    from playwright.sync_api import sync_playwright

    # Playwright runs an event loop in this thread; Django's ORM calls from the live server's own
    # thread are fine, but the test's own ORM calls need this.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def database_url() -> str:
    """The URL of the test database this process uses, for the server to use too."""
    s = connection.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{s['NAME']}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def asgi_server(transactional_db):
    """uvicorn serving config.asgi (HTTP and WebSockets) on a free loopback port; stopped after the
    test, before the test database is emptied."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.chat.server_settings",
        "DATABASE_URL": database_url(),
        "REDIS_URL": "",  # one process: the in-memory channel layer
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "config.asgi:application", "--host", "127.0.0.1"]
        + ["--port", str(port), "--no-access-log", "--log-level", "warning"]
        + ["--ws-per-message-deflate", "false"],  # as in production (README)
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{url}/chat/", timeout=2)  # noqa: S310 (loopback)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(
                    f"the ASGI server did not start:\n{server.stdout.read() if server.stdout else ''}"
                )
            time.sleep(0.2)
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def _axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def axe_serious(page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now ("rule: target, …")."""
    page.evaluate(_axe_source())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): " + ", ".join(str(n["target"]) for n in v["nodes"][:5])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def log_in(page, nickname: str, password: str) -> None:
    """Log in on the forum's page as a member does, and wait until it is done: a form sent before its
    proof of work is solved waits for it (static/js/challenge.js), so the page changes a moment later."""
    page.goto("/forum/inloggen/")
    page.get_by_label("Schuilnaam").fill(nickname)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/inloggen/" not in url)


def log_in_to_admin(page, username: str, password: str) -> None:
    page.goto("/beheer/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/beheer/**")
