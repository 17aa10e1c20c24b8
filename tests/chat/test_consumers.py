"""The live chat over WebSockets, through the real ASGI application (session cookie, origin check),
with Channels' WebsocketCommunicator; every test runs on the in-memory channel layer and again on
the Redis channel layer that production uses (skipped, saying why, when Redis is not running here)."""

from __future__ import annotations

from typing import Any

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client

from chat import services
from chat.models import Chat, ChatStatus, Message
from config.asgi import application
from forum.models import Member
from tests.chat.conftest import in_thread, make_volunteer, start_chat_in_browser

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("channel_layer_kind"),
]


def socket(client: Client | None, path: str, *, origin: str = "http://127.0.0.1") -> WebsocketCommunicator:
    headers = [(b"origin", origin.encode()), (b"host", b"127.0.0.1")]
    if client is not None and "sessionid" in client.cookies:
        headers.append((b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode()))
    return WebsocketCommunicator(application, path, headers=headers)


async def receive(communicator: WebsocketCommunicator, kind: str) -> dict[str, Any]:
    """The next event of `kind`, skipping others (state updates may come in between) and messages
    seen before, as the browser does: one sent while a socket connects can come both live and in
    the replay."""
    seen: set[int] = communicator.__dict__.setdefault("seen_ids", set())
    while True:
        event = await communicator.receive_json_from(timeout=5)
        if event["type"] == kind and not (kind == "message" and event["id"] in seen):
            seen.add(event.get("id", 0))
            return event


async def no_new_message(communicator: WebsocketCommunicator) -> bool:
    """Nothing new arrives within a moment: at most a message seen before, which a socket that was
    still connecting gets both live and in its replay."""
    seen: set[int] = communicator.__dict__.setdefault("seen_ids", set())
    while not await communicator.receive_nothing(timeout=0.3):
        event = await communicator.receive_json_from()
        if event["type"] == "message" and event["id"] not in seen:
            return False
    return True


def run(scenario) -> None:
    in_thread(async_to_sync(scenario))


@pytest.fixture
def young():
    client = Client()
    in_thread(lambda: start_chat_in_browser(client, nickname="zonnetje"))
    return client


@pytest.fixture
def volunteer_client(volunteer):
    client = Client()
    client.force_login(volunteer)
    return client


def take(volunteer_client: Client, volunteer: Member) -> Chat:
    """The volunteer comes on duty, is offered the waiting chat, and takes it."""
    services.volunteer_set_available(volunteer=volunteer, available=True)
    chat = Chat.objects.get(nickname="zonnetje")
    volunteer_client.post(f"/chat/vrijwilliger/aannemen/{chat.pk}/")
    return chat


@pytest.fixture
def talking(young, volunteer_client, volunteer):
    return young, volunteer_client, in_thread(lambda: take(volunteer_client, volunteer))


def test_the_waiting_young_person_sees_their_place_move_up_live(young):
    other = Client()
    in_thread(lambda: start_chat_in_browser(other, nickname="later"))

    async def scenario():
        first, second = socket(young, "/ws/chat/mijn/"), socket(other, "/ws/chat/mijn/")
        assert (await first.connect())[0] and (await second.connect())[0]
        assert (await receive(second, "state"))["position"] == 2

        await sync_to_async(young.post)("/chat/gesprek/stoppen/")

        assert (await receive(second, "state")) == {
            "type": "state",
            "status": "waiting",
            "position": 1,
            "wait": None,
        }
        await first.disconnect()
        await second.disconnect()

    run(scenario)


def test_when_a_volunteer_takes_the_chat_the_waiting_page_turns_into_the_conversation(
    young, volunteer_client, volunteer
):
    async def scenario():
        page = socket(young, "/ws/chat/mijn/")
        await page.connect()
        assert (await receive(page, "state"))["status"] == "waiting"
        await sync_to_async(take)(volunteer_client, volunteer)
        state = await receive(page, "state")
        # On the way the page may hear a new wait (a volunteer came on duty) and the offer; the
        # consumer reads the chat as it is when each event arrives.
        while state["status"] in ("waiting", "offered"):
            state = await receive(page, "state")
        assert state["status"] == "active"
        await page.disconnect()

    run(scenario)


def test_young_person_and_volunteer_exchange_messages_and_see_each_other_type(talking):
    young, volunteer_client, chat = talking

    async def scenario():
        me = socket(young, "/ws/chat/mijn/")
        them = socket(volunteer_client, f"/ws/chat/gesprek/{chat.pk}/")
        assert (await me.connect())[0] and (await them.connect())[0]

        await me.send_json_to({"type": "typing"})
        assert await receive(them, "typing") == {"type": "typing", "sender": "young"}
        await me.send_json_to({"type": "message", "text": "Hoi, ik wil iets vertellen", "client_id": "m1"})
        heard = await receive(them, "message")
        assert (heard["sender"], heard["text"]) == ("young", "Hoi, ik wil iets vertellen")
        assert (await receive(me, "message"))["id"] == heard["id"]  # the sender's own copy, with its id

        await them.send_json_to({"type": "message", "text": "Fijn dat je er bent.", "client_id": "v1"})
        assert (await receive(me, "message"))["text"] == "Fijn dat je er bent."
        assert await me.receive_nothing(timeout=0.1)  # no typing echo to oneself
        await me.disconnect()
        await them.disconnect()

    run(scenario)


def test_after_a_dropped_connection_the_missed_messages_come_back_and_a_resend_is_stored_once(talking):
    young, volunteer_client, chat = talking

    async def scenario():
        me = socket(young, "/ws/chat/mijn/")
        them = socket(volunteer_client, f"/ws/chat/gesprek/{chat.pk}/")
        await me.connect()
        await them.connect()
        await me.send_json_to({"type": "message", "text": "eerste", "client_id": "m1"})
        first = await receive(me, "message")
        await receive(them, "message")
        await me.disconnect()  # the young person's connection drops

        await them.send_json_to({"type": "message", "text": "ben je er nog?", "client_id": "v1"})
        await receive(them, "message")

        again = socket(young, f"/ws/chat/mijn/?after={first['id']}")
        await again.connect()
        assert (await receive(again, "message"))["text"] == "ben je er nog?"
        # The browser was not sure "eerste" arrived and sends it again with the same id.
        await again.send_json_to({"type": "message", "text": "eerste", "client_id": "m1"})
        await again.send_json_to({"type": "message", "text": "tweede", "client_id": "m2"})
        assert (await receive(them, "message"))["text"] == "tweede"
        await again.disconnect()
        await them.disconnect()

    run(scenario)
    assert list(Message.objects.values_list("text", flat=True)) == ["eerste", "ben je er nog?", "tweede"]


def test_the_volunteer_ends_the_chat_with_a_time_out_and_the_young_person_is_told(talking):
    young, volunteer_client, chat = talking

    async def scenario():
        me = socket(young, "/ws/chat/mijn/")
        them = socket(volunteer_client, f"/ws/chat/gesprek/{chat.pk}/")
        await me.connect()
        await them.connect()
        await sync_to_async(volunteer_client.post)(
            f"/chat/vrijwilliger/gesprek/{chat.pk}/beeindigen/", {"time_out": "30"}
        )
        assert await receive(me, "ended") == {"type": "ended", "timed_out": True}
        assert await receive(them, "ended") == {"type": "ended", "timed_out": False}
        assert (await me.receive_output(timeout=1))["type"] == "websocket.close"

        later = socket(young, "/ws/chat/mijn/")
        await later.connect()
        assert await receive(later, "state") == {
            "type": "state",
            "status": "ended",
            "position": None,
            "wait": None,
        }

    run(scenario)
    assert not Message.objects.exists() and not Chat.objects.exists()


def test_a_colleague_watching_along_reads_but_cannot_write(talking):
    young, volunteer_client, chat = talking
    colleague = in_thread(lambda: make_volunteer("vrijwilliger2", available=False))
    in_thread(lambda: services.do_watch_request(volunteer=chat.volunteer, chat=chat, colleague=colleague))
    watcher = Client()
    watcher.force_login(colleague)

    async def scenario():
        me = socket(young, "/ws/chat/mijn/")
        eye = socket(watcher, f"/ws/chat/gesprek/{chat.pk}/")
        assert (await me.connect())[0] and (await eye.connect())[0]
        await me.send_json_to({"type": "message", "text": "het is zwaar", "client_id": "m1"})
        assert (await receive(eye, "message"))["text"] == "het is zwaar"
        await eye.send_json_to({"type": "message", "text": "ik schrijf mee", "client_id": "w1"})
        await receive(me, "message")  # its own copy of "het is zwaar"
        assert await me.receive_nothing(timeout=0.2)
        await me.disconnect()
        await eye.disconnect()

    run(scenario)
    assert list(Message.objects.values_list("text", flat=True)) == ["het is zwaar"]


def test_members_and_other_sites_cannot_connect(talking, member):
    young, volunteer_client, chat = talking
    member_client = Client()
    member_client.force_login(member)

    async def scenario():
        for communicator in (
            socket(member_client, f"/ws/chat/gesprek/{chat.pk}/"),
            socket(member_client, "/ws/chat/console/"),
            socket(None, "/ws/chat/console/"),
            socket(young, "/ws/chat/mijn/", origin="https://elders.example"),
        ):
            connected, _ = await communicator.connect()
            assert not connected

    run(scenario)


def test_an_open_console_hears_that_a_chat_is_waiting(volunteer_client):
    async def scenario():
        console = socket(volunteer_client, "/ws/chat/console/")
        assert (await console.connect())[0]
        await sync_to_async(start_chat_in_browser)(Client(), nickname="nieuw")
        assert await receive(console, "changed") == {"type": "changed"}
        await console.disconnect()

    run(scenario)
    assert Chat.objects.get().status == ChatStatus.WAITING


def test_a_young_person_who_sends_too_fast_is_asked_kindly_to_wait_and_keeps_the_text(talking, settings):
    settings.CHAT_SOCKET_MESSAGES = (3, 60.0)
    young, volunteer_client, chat = talking

    async def scenario():
        me = socket(young, "/ws/chat/mijn/")
        them = socket(volunteer_client, f"/ws/chat/gesprek/{chat.pk}/")
        assert (await me.connect())[0] and (await them.connect())[0]
        for n in range(4):
            await me.send_json_to({"type": "message", "text": f"bericht {n}", "client_id": f"m{n}"})
        refused = await receive(me, "error")
        assert refused["code"] == "rate_limited"
        assert refused["client_id"] == "m3"  # the page puts this text back in the box
        assert "Wacht even" in refused["text"] and "Je tekst staat er nog." in refused["text"]
        for n in range(3):
            assert (await receive(them, "message"))["text"] == f"bericht {n}"
        await me.disconnect()
        await them.disconnect()

    run(scenario)
    assert list(Message.objects.values_list("text", flat=True)) == ["bericht 0", "bericht 1", "bericht 2"]


def test_messages_sent_at_once_by_many_chats_are_each_stored_once_and_delivered(
    young, volunteer_client, volunteer, settings
):
    """The writer stores what arrives together in one batch; a resend in the same batch stays one."""
    settings.CHAT_MAX_CONCURRENT = 4
    others = [Client() for _ in range(3)]
    for n, client in enumerate(others):
        in_thread(lambda client=client, n=n: start_chat_in_browser(client, nickname=f"jongere{n}"))
    chats = in_thread(lambda: _take_all(volunteer_client, volunteer))

    async def scenario():
        pairs = []
        for client, chat in zip([young, *others], chats, strict=True):
            me, them = (
                socket(client, "/ws/chat/mijn/"),
                socket(volunteer_client, f"/ws/chat/gesprek/{chat.pk}/"),
            )
            assert (await me.connect())[0] and (await them.connect())[0]
            pairs.append((me, them))
        for n, (me, _) in enumerate(pairs):
            await me.send_json_to({"type": "message", "text": f"hoi {n}", "client_id": "a"})
            await me.send_json_to({"type": "message", "text": f"hoi {n}", "client_id": "a"})
        for n, (me, them) in enumerate(pairs):
            assert (await receive(them, "message"))["text"] == f"hoi {n}"
            assert await no_new_message(them)  # the resend is not a second message
            await me.disconnect()
            await them.disconnect()

    run(scenario)
    assert sorted(Message.objects.values_list("text", flat=True)) == ["hoi 0", "hoi 1", "hoi 2", "hoi 3"]


def _take_all(volunteer_client: Client, volunteer: Member) -> list[Chat]:
    """The volunteer comes on duty and takes every chat offered to them."""
    services.volunteer_set_available(volunteer=volunteer, available=True)
    chats = list(Chat.objects.order_by("pk"))
    for chat in chats:
        volunteer_client.post(f"/chat/vrijwilliger/aannemen/{chat.pk}/")
    return list(Chat.objects.filter(status=ChatStatus.ACTIVE).order_by("pk"))
