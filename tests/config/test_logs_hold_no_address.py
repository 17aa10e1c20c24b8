"""No client address in any server's log (issue 13): the ASGI server runs for real, as the README
starts it, and is asked over HTTP and a WebSocket with a forwarded address."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from websockets.exceptions import InvalidStatus, WebSocketException
from websockets.sync.client import connect

from config.log_scrub import ScrubAddresses, logging_config, scrub
from tests.servers import database_url, free_port

ROOT = Path(__file__).resolve().parents[2]
FORWARDED = "203.0.113.77"  # the young person's address, as a proxy in front passes it on
IPV4 = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])")


def serve_and_visit(command: list[str], port: int) -> str:
    """Start `command`, load a page and open a chat WebSocket with X-Forwarded-For; its whole output."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.chat.server_settings",
        "DATABASE_URL": database_url(),
    }
    env["REDIS_URL"] = ""
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/chat/", headers={"X-Forwarded-For": FORWARDED}
            )
            try:
                urllib.request.urlopen(request, timeout=2)  # noqa: S310 (loopback)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("the server did not start")
                time.sleep(0.2)
        for path in ("/ws/chat/mijn/", "/ws/chat/console/"):
            try:
                with connect(
                    f"ws://127.0.0.1:{port}{path}",
                    additional_headers={"X-Forwarded-For": FORWARDED, "Origin": f"http://127.0.0.1:{port}"},
                    open_timeout=5,
                ) as ws:
                    ws.recv(timeout=2)
            except (InvalidStatus, WebSocketException, TimeoutError):
                pass  # refused or closed without a session: what is logged about it matters here
        time.sleep(0.5)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=15)
    return output


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_chat_server_as_the_readme_starts_it_logs_no_client_address():
    port = free_port()
    # The README's command (config/uvicorn-logging.json, no access log, proxy headers, no
    # per-message compression), at the most
    # talkative level, so that every line uvicorn can write about a connection is written.
    command = [sys.executable, "-m", "uvicorn", "config.asgi:application", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--proxy-headers", "--forwarded-allow-ips", "*"]
    command += ["--log-config", "config/uvicorn-logging.json", "--no-access-log", "--log-level", "debug"]
    command += ["--ws-per-message-deflate", "false"]

    output = serve_and_visit(command, port)

    assert '"WebSocket /ws/chat/mijn/"' in output  # uvicorn did write about the connection
    assert FORWARDED not in output
    assert not IPV4.search(output), output


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_chat_server_logs_no_address_even_with_its_access_log_on():
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "config.asgi:application", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--proxy-headers", "--forwarded-allow-ips", "*"]
    command += ["--log-config", "config/uvicorn-logging.json", "--log-level", "debug"]

    output = serve_and_visit(command, port)

    assert "WebSocket /ws/chat/console/" in output
    assert FORWARDED not in output
    assert not IPV4.search(output), output


def test_the_uvicorn_logging_file_is_the_projects_configuration():
    assert json.loads((ROOT / "config" / "uvicorn-logging.json").read_text()) == logging_config()


def test_a_traceback_that_prints_a_scope_is_scrubbed():
    import logging

    try:
        raise RuntimeError(f"scope {{'client': ('{FORWARDED}', 0)}}")
    except RuntimeError:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "from %s", ("2001:db8::7",), sys.exc_info()
        )
    ScrubAddresses().filter(record)

    assert "2001:db8::7" not in record.getMessage()
    assert FORWARDED not in (record.exc_text or "")
    assert scrub("19:27:20 version 5.2.1") == "19:27:20 version 5.2.1"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_gunicorn_as_the_readme_starts_it_logs_no_client_address_for_a_bad_request():
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"]
    command += ["--workers", "1", "--bind", f"127.0.0.1:{port}", "--log-level", "debug"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.chat.server_settings",
        "DATABASE_URL": database_url(),
    }
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/chat/", timeout=2)  # noqa: S310 (loopback)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("gunicorn did not start")
                time.sleep(0.2)
        with socket.create_connection(("127.0.0.1", port)) as s:
            s.sendall(b"GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n")  # gunicorn logs "Invalid request from ip=…"
            s.recv(1000)
        time.sleep(0.5)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=15)

    assert "Invalid request from ip=[address]" in output
    assert not IPV4.search(output), output
