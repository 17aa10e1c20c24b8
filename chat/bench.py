"""How many concurrent chats one server process holds with the Redis channel layer.

    python -m chat.bench [--rooms 100,250,500,1000] [--seconds 10] [--redis redis://127.0.0.1:6379/14]
                         [--database-url postgres://…] [--port 8001] [--profile /tmp/chat-profile]

Starts one uvicorn process (config.asgi, the real consumers) on a loopback port with the Redis
channel layer, against a scratch database (--database-url, else DATABASE_URL when it names
PostgreSQL, else a temporary SQLite file; migrated here). For each step it creates that many active chats, opens two WebSockets per chat
(the young person and the volunteer), and lets every young person send a message every 2 s (--interval) for
--seconds; it reports delivery to the volunteer (latency p50/p99 over every message delivered,
"late" delivered after more than 1 s, "lost" sent but not delivered within 10 s after the chat's last
message), the server's and the clients' CPU and the server's memory. It stops by itself after the last step, or at the first step with losses or a p99 above
one second. The last line sums it up: `bench-chat: max chats N at p99 X ms, lost L` (the largest
step with p99 under 100 ms and nothing lost). With --profile, py-spy (when installed) samples the
server during each step's traffic and the busiest functions are printed. Loopback only; not run by
the tests. Needs `websockets` (installed with uvicorn); the clients run on uvloop when installed.

The clients share the machine with the server. On two or more cores the server is pinned to the
first one (`os.sched_setaffinity`, every thread) and the clients, this process, to the others, so
that the clients never take the server's core (--no-pin leaves both to the kernel); PostgreSQL and
Redis stay free. On 3 December 2026 (2 shared cores) both ways gave the same p99 at 1,000 chats
(136 and 137 ms); unpinned, 12 messages of 5,000 were late (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INTERVAL = 2.0  # seconds between a young person's messages (--interval)
LATE = 1.0  # seconds: a message delivered later than this counts as late (and in p50/p99)
DRAIN = 10.0  # seconds after its last message a chat waits for what is still under way; then lost


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _loopback(url: str) -> bool:
    return urllib.parse.urlparse(url).hostname in ("127.0.0.1", "localhost", "::1")


def _proc_stats(pid: int) -> tuple[float, int]:
    """CPU seconds used so far and resident memory in KB of process `pid` (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    rss = next(
        int(line.split()[1])
        for line in Path(f"/proc/{pid}/status").read_text().splitlines()
        if line.startswith("VmRSS")
    )
    return cpu, rss


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _profiler(pid: int, seconds: float, path: str) -> subprocess.Popen | None:
    """py-spy sampling process `pid` for `seconds` into `path` (collapsed stacks), if installed."""
    py_spy = Path(sys.executable).with_name("py-spy")
    if not py_spy.exists():
        print("(--profile: py-spy is not installed; pip install py-spy)")
        return None
    return subprocess.Popen(  # noqa: S603 (our own tool and arguments)
        [str(py_spy), "record", "--pid", str(pid), "--duration", str(int(seconds)), "--rate", "200"]
        + ["--format", "raw", "--output", path, "--threads", "--nonblocking"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _profile_summary(path: str, top: int = 12) -> None:
    """Where the server's threads spent the step: the share of samples per thread and the
    functions that were running (self) or on the stack (inclusive), project and library code."""
    if not Path(path).exists():
        return
    threads: Counter[str] = Counter()
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for line in Path(path).read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        n = int(count)
        total += n
        frames = [re.sub(r":\d+\)$", ")", f) for f in stack.split(";")]
        threads[re.sub(r"\(\d+\)", "", frames[0]).strip()] += n
        own[frames[-1]] += n
        for frame in set(frames[1:]):
            inclusive[frame] += n
    if not total:
        return
    print(f"  profile ({total} samples at 200/s, all threads): {path}")
    print(
        "  threads: "
        + ", ".join(f"{t.replace('thread ', '')} {100 * n / total:.0f}%" for t, n in threads.most_common(6))
    )
    print("  running:")
    for frame, n in own.most_common(top):
        print(f"    {100 * n / total:5.1f}%  {frame}")
    print("  on the stack:")
    interesting = (
        "chat/",
        "channels",
        "django/db",
        "psycopg",
        "websockets",
        "uvicorn/protocols",
        "asyncio/selector",
    )
    for frame, n in [(f, n) for f, n in inclusive.most_common(400) if any(k in f for k in interesting)][:top]:
        print(f"    {100 * n / total:5.1f}%  {frame}")


def _pin(server_pid: int) -> str:
    """The server on the first core and these clients on the others, when there are two or more.
    The clients are as busy as the server (2,000 sockets); left to the scheduler they share its core
    half the time and the bench measures the clients' queue instead of the server (at 1,000 chats the
    server got 63–75 % of a core, docs/benchmarks.md). PostgreSQL and Redis stay free to move."""
    cores = sorted(os.sched_getaffinity(0))
    if len(cores) < 2:
        return ""
    for task in Path(f"/proc/{server_pid}/task").iterdir():  # every thread: the loop and the pool's
        os.sched_setaffinity(int(task.name), {cores[0]})
    os.sched_setaffinity(0, set(cores[1:]))
    return f"server pinned to core {cores[0]}, clients to {','.join(map(str, cores[1:]))}"


def _client_loop() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop for the clients too, when installed (as for the server): less of the machine for the clients."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def _setup_django(database_url: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    os.environ["DATABASE_URL"] = database_url
    os.environ["REDIS_URL"] = ""
    import django

    django.setup()


def _make_chats(n: int) -> tuple[list[str], str, list[int]]:
    """n active chats of one volunteer: the young people's session keys, the volunteer's, the chat ids."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from chat import services
    from chat.models import Chat, ChatStatus
    from forum.models import Member

    volunteer, _ = Member.objects.get_or_create(username="bench-vrijwilliger")
    volunteer.groups.add(Group.objects.get_or_create(name="Vrijwilligers")[0])
    session = SessionStore()
    session[SESSION_KEY] = str(volunteer.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = volunteer.get_session_auth_hash()
    session.create()
    volunteer_key = session.session_key or ""
    young_keys, chat_ids = [], []
    now = timezone.now()
    for i in range(n):
        token = services.new_token()
        chat = Chat.objects.create(
            token_hash=services.token_hash(token),
            visitor_hash=services.token_hash(services.new_token()),
            nickname=f"bench{i}",
            age=14,
            status=ChatStatus.ACTIVE,
            volunteer=volunteer,
            started_at=now,
        )
        young = SessionStore()
        young["chat_token"] = token
        young.create()
        young_keys.append(young.session_key or "")
        chat_ids.append(chat.pk)
    return young_keys, volunteer_key, chat_ids


def _clear_chats(session_keys: list[str]) -> None:
    """Delete what the benchmark created, and nothing else."""
    from django.contrib.sessions.models import Session

    from chat.models import Chat

    Chat.objects.filter(nickname__startswith="bench", volunteer__username="bench-vrijwilliger").delete()
    Session.objects.filter(session_key__in=session_keys).delete()


async def _room(
    url: str,
    young_key: str,
    volunteer_key: str,
    chat_id: int,
    phase: float,
    seconds: float,
    interval: float,
    stats: dict,
) -> None:
    """One chat: both sockets open, then a message from the young person every `interval` seconds,
    `phase` (0 to 1) of an interval after the common start, for `seconds`; the volunteer's socket
    times each message's arrival."""
    import websockets

    origin = url.replace("ws://", "http://")
    # No client pings and a patient handshake: the client shares the machine with the server.
    young = await websockets.connect(
        f"{url}/ws/chat/mijn/",
        origin=websockets.Origin(origin),
        additional_headers={"Cookie": f"sessionid={young_key}"},
        ping_interval=None,
        open_timeout=60,
    )
    volunteer = await websockets.connect(
        f"{url}/ws/chat/gesprek/{chat_id}/",
        origin=websockets.Origin(origin),
        additional_headers={"Cookie": f"sessionid={volunteer_key}"},
        ping_interval=None,
        open_timeout=60,
    )
    stats["connected"] += 2
    await stats["ready"].wait()

    mine = {"sent": 0, "delivered": 0}
    all_in = asyncio.Event()

    async def listen() -> None:
        import json

        seen: set[int] = set()
        async for raw in volunteer:
            event = json.loads(raw)
            # Once per id, as the browser counts: a socket whose replay ran late gets a message twice.
            if event.get("type") == "message" and event.get("sender") == "young" and event["id"] not in seen:
                seen.add(event["id"])
                stats["latencies"].append(time.monotonic() - float(event["text"]))
                mine["delivered"] += 1
                if mine["delivered"] >= mine["sent"] and sending_done:
                    all_in.set()

    async def drain() -> None:
        async for _ in young:
            pass

    sending_done = False
    listener, drainer = asyncio.create_task(listen()), asyncio.create_task(drain())
    import json

    # On a fixed timetable from the moment every socket is open, the chats' phases spread evenly over
    # the interval: the load is the same in every second. (Sleeping `interval` after each send, from a
    # random phase, let the client's own busy start bunch the chats: 660 and 340 messages in
    # alternate seconds at 1,000 chats, which measured bursts rather than the rate asked for.)
    start = stats["start"] + interval * phase
    end = stats["start"] + seconds
    k = 0
    while (due := start + k * interval) < end:
        await asyncio.sleep(max(0.0, due - time.monotonic()))
        await young.send(
            json.dumps({"type": "message", "text": repr(time.monotonic()), "client_id": uuid.uuid4().hex})
        )
        stats["sent"] += 1
        mine["sent"] += 1
        k += 1
    sending_done = True
    if mine["delivered"] < mine["sent"]:
        # Late is not lost: wait for the stragglers (they count in p99) for up to DRAIN seconds.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(all_in.wait(), DRAIN)
    listener.cancel()
    drainer.cancel()
    await young.close()
    await volunteer.close()


async def _step(
    url: str,
    young_keys: list[str],
    volunteer_key: str,
    chat_ids: list[int],
    seconds: float,
    interval: float,
    server_pid: int,
    profile: str,
) -> dict:
    stats: dict = {"sent": 0, "latencies": [], "connected": 0, "ready": asyncio.Event(), "errors": 0}
    tasks: list[asyncio.Task[None]] = []
    for key, chat_id in zip(young_keys, chat_ids, strict=True):
        phase = len(tasks) / len(chat_ids)
        tasks.append(
            asyncio.create_task(_room(url, key, volunteer_key, chat_id, phase, seconds, interval, stats))
        )
        await asyncio.sleep(0.005)  # do not open thousands of sockets in the same millisecond
    while stats["connected"] < 2 * len(chat_ids) and not any(t.done() for t in tasks):
        await asyncio.sleep(0.1)
    stats["start"] = time.monotonic() + 0.5  # a moment for every room to wake up
    stats["ready"].set()
    sampler = _profiler(server_pid, seconds, profile) if profile else None
    results = await asyncio.gather(*tasks, return_exceptions=True)
    if sampler is not None:
        sampler.wait(timeout=60)
    stats["errors"] = sum(isinstance(r, BaseException) for r in results)
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rooms", default="100,250,500,1000", help="chats per step, comma-separated")
    parser.add_argument("--seconds", type=float, default=10.0, help="traffic per step")
    parser.add_argument("--interval", type=float, default=INTERVAL, help="seconds between messages in a chat")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/14", help="Redis on this machine")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", "")
        if "postgres" in os.environ.get("DATABASE_URL", "")
        else "",
        help="a scratch database (default: DATABASE_URL when it is PostgreSQL, else a temporary SQLite file)",
    )
    parser.add_argument(
        "--port", type=int, default=0, help="the server's loopback port (default: a free one)"
    )
    parser.add_argument("--profile", default="", help="py-spy samples of the server, to PROFILE-<chats>.txt")
    parser.add_argument(
        "--no-pin", action="store_true", help="leave the server and the clients where the kernel puts them"
    )
    parser.add_argument("--server-args", default="", help="more uvicorn options, e.g. '--loop asyncio'")
    args = parser.parse_args()
    if not _loopback(args.redis) or (
        args.database_url and not _loopback(args.database_url.replace("sqlite", "x"))
    ):
        sys.exit("The benchmark runs on this machine only: use a loopback Redis and database.")
    scratch = tempfile.TemporaryDirectory(prefix="chat-bench-")
    database_url = args.database_url or f"sqlite:///{scratch.name}/bench.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DATABASE_URL": database_url,
        # Connections kept open, as README advises for production ("Scaling out").
        "DATABASE_CONN_MAX_AGE": os.environ.get("DATABASE_CONN_MAX_AGE", "60"),
    }
    print("migrating the scratch database…", flush=True)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    _setup_django(database_url)
    port = args.port or _free_port()
    server = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
        [
            sys.executable,
            "-m",
            "uvicorn",
            "config.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ]
        + ["--no-access-log", "--log-level", "warning", "--ws-max-queue", "64"]
        + ["--loop", "uvloop", "--http", "httptools"]  # as in production (README)
        # As in production (README, "Running in production"): chat lines are short, and compressing
        # every frame cost the event loop more than the bytes it saved on loopback or a LAN.
        + ["--ws-per-message-deflate", "false"]
        + args.server_args.split(),
        cwd=ROOT,
        env={**env, "REDIS_URL": args.redis, "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING")},
    )
    pinned = _pin(server.pid) if not args.no_pin else ""
    url = f"ws://127.0.0.1:{port}"
    created: list[str] = []
    best: tuple[int, float, int] | None = None
    first_miss: tuple[int, float, int] | None = None
    try:
        import urllib.request

        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)  # noqa: S310 (loopback)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    sys.exit("the server did not start")
                time.sleep(0.3)
        database = "PostgreSQL" if "postgres" in database_url else "SQLite"
        print(
            f"one uvicorn process, {database}, Redis channel layer"
            f" ({os.environ.get('CHAT_CHANNEL_LAYER', 'redis-pubsub')}) at {args.redis},"
            f" one message per chat every {args.interval:g} s, DATABASE_CONN_MAX_AGE="
            f"{env['DATABASE_CONN_MAX_AGE']}; {pinned or 'nothing pinned'}; load average before: {_load()}"
        )
        print(
            "chats  sockets  sent/s  delivered  late  lost   p50 ms  p99 ms  server CPU  client CPU  server RSS"
        )
        for rooms in (int(r) for r in args.rooms.split(",")):
            _clear_chats(created)
            young_keys, volunteer_key, chat_ids = _make_chats(rooms)
            created = [*young_keys, volunteer_key]
            cpu_before, _ = _proc_stats(server.pid)
            client_before = _proc_stats(os.getpid())[0]
            started = time.monotonic()
            profile = f"{args.profile}-{rooms}.txt" if args.profile else ""
            with asyncio.Runner(loop_factory=_client_loop()) as runner:
                stats = runner.run(
                    _step(
                        url,
                        young_keys,
                        volunteer_key,
                        chat_ids,
                        args.seconds,
                        args.interval,
                        server.pid,
                        profile,
                    )
                )
            elapsed = time.monotonic() - started
            cpu_after, rss = _proc_stats(server.pid)
            client_cpu = _proc_stats(os.getpid())[0] - client_before
            latencies = sorted(stats["latencies"])
            delivered = len(latencies)
            lost = stats["sent"] - delivered
            late = sum(latency > LATE for latency in latencies)
            p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
            p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000 if latencies else float("nan")
            print(
                f"{rooms:5d}  {2 * rooms:7d}  {stats['sent'] / args.seconds:6.0f}  {delivered:9d}  {late:4d}"
                f"  {lost:4d}  {p50:7.1f} {p99:7.1f}  {100 * (cpu_after - cpu_before) / elapsed:8.0f} %"
                f"  {100 * client_cpu / elapsed:8.0f} %  {rss / 1024:7.0f} MB"
                + (f"  ({stats['errors']} rooms failed)" if stats["errors"] else ""),
                flush=True,
            )
            if profile:
                _profile_summary(profile)
            if not lost and not stats["errors"] and p99 < 100:
                best = (rooms, p99, lost)
            elif first_miss is None:
                first_miss = (rooms, p99, lost)
            if lost > stats["sent"] * 0.005 or p99 > 1000 or stats["errors"]:
                print("stopping: losses, failures or a p99 above one second at this step")
                break
        # The largest step within the target (p99 under 100 ms, nothing lost), else the first step.
        rooms, p99, lost = best or (0, *(first_miss or (0, float("nan"), 0))[1:])
        print(f"bench-chat: max chats {rooms} at p99 {p99:.0f} ms, lost {lost}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)
        _clear_chats(created)
        scratch.cleanup()


if __name__ == "__main__":
    main()
