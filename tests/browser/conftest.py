"""A real browser: Playwright driving Debian's Chromium against a live test server."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.servers import free_port, uvicorn_start, wait_until_serving

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


@pytest.fixture
def asgi_server(transactional_db):
    """uvicorn serving config.asgi (HTTP and WebSockets) on a free loopback port; stopped after the
    test, before the test database is emptied."""
    port = free_port()
    server = uvicorn_start(port, {"REDIS_URL": ""})  # one process: the in-memory channel layer
    url = f"http://127.0.0.1:{port}"
    wait_until_serving(server, f"{url}/chat/", seconds=30)
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
