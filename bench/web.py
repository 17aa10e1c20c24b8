"""How fast the running site serves its pages (`make bench-web`).

    python -m bench.web [--duration 8] [--connections 16] [--database-url postgres://…/postgres]

Builds a throwaway database (a SQLite file under /tmp, or a database of its own on the PostgreSQL
server of --database-url / BENCH_DATABASE_URL, created and dropped here), migrates it, loads the demo
content and the benchmark forum (`manage.py bench_forum_data`: 50 boards × 200 topics × 20 posts and
one topic of 500 posts), collects the static files into a temporary folder, and starts gunicorn with
2 workers on a loopback port with bench.settings (production's settings; search on Wagtail's
database backend, see there). Then it loads every page with wrk (bounded: -t2 -c16 -d8s by default)
and prints requests/s, p50 and p99 latency, the ratio to the reference page (/bench/referentie/:
the site's layout with one query; measured first and again last, and the faster of the two counts)
and the SQL queries of one request, counted in this process
against the same database. The pages are loaded by a visitor without a session; one row loads the
long topic with a random query string on every request (`?utm=…`, wrk's Lua hook), which the page
cache must answer as the topic itself; and the forum index, a board and the long topic are loaded
once more by a logged-in member (their session cookie sent by wrk) who has a post waiting for
screening and three "herkenbaar" reactions on the topic's first page. The last line sums up, over every page but the reference:
`bench-web: min ratio 0.91 (members 0.85), max queries 6 (members 5)`.

Loopback only; gunicorn is stopped and the database deleted at the end, also after an error.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Another Redis database with BENCH_REDIS_URL (runs beside each other; keys carry a per-run prefix anyway).
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
REFERENCE = "reference"
REFERENCE_AGAIN = "reference, at end"
NEXT_LINK = re.compile(r'href="\?na=([^"]+)"')


@dataclass
class Result:
    name: str
    path: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: str
    queries: int
    member: bool = False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _loopback(url: str) -> bool:
    return urllib.parse.urlparse(url).hostname in ("127.0.0.1", "localhost", "::1")


def _reachable(url: str) -> bool:
    parts = urllib.parse.urlparse(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), timeout=1):
            return True
    except OSError:
        return False


def _postgres_database(server_url: str, name: str, *, create: bool) -> str:
    """Create (or drop) database `name` on the server of `server_url`; the URL of that database."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(server_url.replace("postgres://", "postgresql://", 1), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        if create:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return urllib.parse.urlparse(server_url)._replace(path=f"/{name}").geturl()


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def _get(base: str, path: str, cookie: str = "") -> str:
    request = urllib.request.Request(base + path, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback only)
        if response.status != 200:
            raise RuntimeError(f"{path} answered {response.status}")
        return response.read().decode()


def _page_ten(base: str, topic_path: str) -> str:
    """The path of page 10 of a topic, found by following each page's "next" link (?na=…)."""
    path = topic_path
    for _ in range(9):
        found = NEXT_LINK.search(_get(base, path))
        if not found:
            raise RuntimeError(f"{topic_path} has fewer than 10 pages")
        path = f"{topic_path}?na={found.group(1)}"
    return path


def _millis(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value.strip()).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


# wrk's request hook: every request of the page with a query string of its own (`?utm=<random>`), as
# links shared with tracking parameters or a script that wants to fill the cache would ask.
RANDOM_QUERY_LUA = """
request = function()
  return wrk.format(nil, wrk.path .. "?utm=" .. math.random(1, 1000000000) .. "&_=" .. math.random(1, 1000000000))
end
"""
RANDOM_QUERY = "topic, random query"


def _wrk(
    url: str, *, threads: int, connections: int, seconds: int, cookie: str = "", script: str = ""
) -> tuple[float, float, float, str]:
    out = subprocess.run(  # noqa: S603 (wrk on a loopback URL, bounded by -d)
        [
            shutil.which("wrk") or "wrk",
            *(["-H", f"Cookie: {cookie}"] if cookie else []),
            *(["-s", script] if script else []),
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _millis(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _millis(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    errors = []
    if found := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors.append(f"{found.group(1)} non-2xx")
    if found := re.search(r"Socket errors: (.+)", out):
        errors.append(f"socket errors: {found.group(1)}")
    return rps, p50, p99, "; ".join(errors)


def _drain(base: str) -> None:
    """Wait until the workers have finished what an earlier run left queued (at most a minute)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            _get(base, "/healthz")
        except OSError:
            continue
        if time.monotonic() - started < 0.5:
            return


def _stop(server: subprocess.Popen[bytes]) -> None:
    """Stop gunicorn and its workers (its whole process group), by force after 10 s."""
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            return
        try:
            server.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _query_counts(paths: dict[str, str], member: Any = None) -> dict[str, int]:
    """The SQL queries of one request to each path, after a first request has warmed the caches;
    as `member` when given, else as a visitor without a session."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    if member is not None:
        client.force_login(member, backend=settings.AUTHENTICATION_BACKENDS[0])
    counts = {}
    for name, path in paths.items():
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code} in process")
        counts[name] = len(queries)
    return counts


def _clear_cache_prefix(prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(match=f"{prefix}:*", count=500):
        client.delete(key)


def _bench_member(long_topic: Any) -> tuple[Any, str]:
    """A member who wrote on the long topic's first page, with a post waiting for screening there and
    three "herkenbaar" reactions on it; and the Cookie header of a session of theirs."""
    import datetime as dt
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.middleware.csrf import _get_new_csrf_string

    from forum import services
    from forum.models import Post, Status

    first_page = list(long_topic.posts.order_by("created_at", "id")[:50])
    member = first_page[1].author
    Post.objects.create(
        topic=long_topic,
        author=member,
        status=Status.PENDING,
        created_at=first_page[20].created_at + dt.timedelta(seconds=1),
    )
    for post in [p for p in first_page if p.author_id != member.pk][2:5]:
        services.reaction_toggle(member=member, post=post)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(member.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = member.get_session_auth_hash()
    session.create()
    cookie = f"{settings.SESSION_COOKIE_NAME}={session.session_key}; {settings.CSRF_COOKIE_NAME}={_get_new_csrf_string()}"
    return member, cookie


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=8, help="seconds of wrk per page")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", ""),
        help="a PostgreSQL server on this machine to create a scratch database on (default: SQLite in /tmp)",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: `make bench-web` installs it (apt-get install -y wrk).")
    if args.database_url and not _loopback(args.database_url):
        sys.exit("The benchmark runs on this machine only: use a PostgreSQL server on 127.0.0.1.")
    if not _reachable(REDIS_URL):
        sys.exit(f"Production settings need Redis; none answers at {REDIS_URL}.")
    # SIGTERM ends the run as Ctrl+C does, through the clean-up below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))

    scratch = tempfile.mkdtemp(prefix="praatplein-bench-web-")
    run_id = f"bench_web_{os.getpid()}"
    server: subprocess.Popen[bytes] | None = None
    postgres = bool(args.database_url)
    try:
        database_url = (
            _postgres_database(args.database_url, run_id, create=True)
            if postgres
            else f"sqlite:///{scratch}/bench.sqlite3"
        )
        quiet = {"LOG_LEVEL": "WARNING", "DATABASE_URL": database_url, "REDIS_URL": ""}
        data_env = {**os.environ, **quiet, "DJANGO_SETTINGS_MODULE": "config.settings.base"}
        print(f"database: {'PostgreSQL ' + run_id if postgres else 'SQLite ' + scratch}", flush=True)
        started = time.monotonic()
        _manage(data_env, "migrate", "--noinput", "-v0")
        _manage(data_env, "load_demo")
        _manage(data_env, "bench_forum_data")
        print(f"database ready in {time.monotonic() - started:.0f} s", flush=True)

        from cryptography.fernet import Fernet

        server_env = {
            **os.environ,
            **quiet,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "REDIS_URL": REDIS_URL,
            "ELASTICSEARCH_URL": "http://127.0.0.1:9",  # required by production; never asked (bench.settings)
            "ENCRYPTION_KEY": Fernet.generate_key().decode(),
            "SECURE_SSL_REDIRECT": "false",
            "BENCH": "1",
            "BENCH_STATIC_ROOT": f"{scratch}/static",
            "BENCH_CACHE_PREFIX": run_id,
        }
        _manage(server_env, "collectstatic", "--noinput", "-v0")
        port = _free_port()
        server = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
            [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"]
            + ["--log-level", "warning"],
            cwd=ROOT,
            env=server_env,
            start_new_session=True,  # its own process group: the workers are stopped with it
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(base, "/healthz")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    sys.exit("gunicorn did not start")
                time.sleep(0.3)

        os.environ.update(server_env)
        import django

        django.setup()
        from forum.bench_data import LONG_TOPIC_TITLE, SLUG_PREFIX
        from forum.models import Topic

        long_topic = Topic.objects.select_related("board").get(title=LONG_TOPIC_TITLE)
        board_path = f"/forum/{SLUG_PREFIX}02/"
        pages = {
            REFERENCE: "/bench/referentie/",
            "home": "/",
            "information page": "/informatie/pesten/",
            "forum index": "/forum/",
            "board topic list": board_path,
            "topic, 50 posts": long_topic.get_absolute_url(),
            "topic, page 10": _page_ten(base, long_topic.get_absolute_url()),
            RANDOM_QUERY: long_topic.get_absolute_url(),
            "chat entry": "/chat/",
            # Last: a slow search leaves requests queued in the workers after wrk stops.
            "search 'pesten'": "/zoeken/?q=pesten",
        }
        member, cookie = _bench_member(long_topic)
        member_pages = {
            "member: forum index": "/forum/",
            "member: board": board_path,
            "member: topic, 50": long_topic.get_absolute_url(),
        }
        answered, failures = {}, {}
        for name, path in {**pages, **member_pages}.items():
            try:
                for _ in range(4):  # warm both workers
                    _get(base, path, cookie if name in member_pages else "")
                answered[name] = path
            except (OSError, RuntimeError) as error:
                failures[name] = f"no answer: {error}"
        if REFERENCE not in answered:
            sys.exit("the reference page did not answer")
        queries = _query_counts({n: p for n, p in answered.items() if n not in member_pages})
        queries.update(_query_counts({n: p for n, p in answered.items() if n in member_pages}, member))
        visitor_names = list(pages)
        order = [*visitor_names[:-1], *member_pages, visitor_names[-1]]  # search stays last (see above)
        paths = {**pages, **member_pages}
        print(
            f"gunicorn, 2 workers, bench.settings; wrk -t{args.threads} -c{args.connections}"
            f" -d{args.duration}s --latency on 127.0.0.1",
            flush=True,
        )
        random_query_script = f"{scratch}/random-query.lua"
        Path(random_query_script).write_text(RANDOM_QUERY_LUA)
        results = []
        load_at_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        for name in order:
            path, is_member = paths[name], name in member_pages
            if name in failures:
                results.append(
                    Result(name, path, 0.0, float("nan"), float("nan"), failures[name], -1, is_member)
                )
                continue
            _drain(base)
            rps, p50, p99, errors = _wrk(
                base + path,
                threads=args.threads,
                connections=args.connections,
                seconds=args.duration,
                cookie=cookie if is_member else "",
                script=random_query_script if name == RANDOM_QUERY else "",
            )
            results.append(Result(name, path, rps, p50, p99, errors, queries[name], is_member))
            print(f"  {name}: {rps:.0f} requests/s", flush=True)
        # The reference again at the end: on a shared machine the load changes during a run, and a
        # reference measured in a busy minute would flatter every ratio. The faster of the two counts.
        _drain(base)
        rps, p50, p99, errors = _wrk(
            base + paths[REFERENCE], threads=args.threads, connections=args.connections, seconds=args.duration
        )
        again = Result(REFERENCE_AGAIN, paths[REFERENCE], rps, p50, p99, errors, queries[REFERENCE])
        print(f"  {REFERENCE_AGAIN}: {rps:.0f} requests/s", flush=True)
        reference = max(results[0].requests_per_second, again.requests_per_second)
        results.insert(1, again)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"\nload average {load_at_start:.2f} at the start, {load:.2f} at the end")
        print(
            f"{'page':<20} {'requests/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>6} {'queries':>7}  path"
        )
        for r in results:
            print(
                f"{r.name:<20} {r.requests_per_second:>10.0f} {r.p50_ms:>8.1f} {r.p99_ms:>8.1f}"
                f" {r.requests_per_second / reference:>6.2f} {r.queries if r.queries >= 0 else '?':>7}"
                f"  {r.path[:60]}" + (f"  ({r.errors})" if r.errors else "")
            )
        pages_measured = results[2:]
        members = [r for r in pages_measured if r.member]
        print(
            f"bench-web: min ratio {min(r.requests_per_second for r in pages_measured) / reference:.2f}"
            f" (members {min(r.requests_per_second for r in members) / reference:.2f}),"
            f" max queries {max(r.queries for r in pages_measured)}"
            f" (members {max(r.queries for r in members)})"
        )
    finally:
        if server is not None:
            _stop(server)
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: S110 (Django may never have been set up)
            pass
        if postgres:
            _postgres_database(args.database_url, run_id, create=False)
        shutil.rmtree(scratch, ignore_errors=True)
        if _reachable(REDIS_URL):
            _clear_cache_prefix(run_id)


if __name__ == "__main__":
    main()
