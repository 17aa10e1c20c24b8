"""Only volunteers reach the console; only coordinators the figures. The volunteer takes, ends and
registers a chat."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from chat.models import Chat, ChatRecord
from tests.chat.conftest import make_volunteer, start_chat_in_browser
from tests.forum.factories import MemberFactory

pytestmark = pytest.mark.django_db

VOLUNTEER_PAGES = ["/chat/vrijwilliger/", "/chat/vrijwilliger/registratie/1/"]


@pytest.mark.parametrize("url", ["/chat/vrijwilliger/", "/chat/cijfers/"])
def test_a_visitor_is_asked_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/forum/")


@pytest.mark.parametrize("url", ["/chat/vrijwilliger/", "/chat/cijfers/"])
def test_a_member_or_moderator_is_refused(client, member, moderator, url):
    for user in (member, moderator):
        client.force_login(user)
        assert client.get(url).status_code == 403


def test_a_volunteer_and_a_superuser_reach_the_console(client, volunteer):
    client.force_login(volunteer)
    assert "Chatoverzicht" in client.get("/chat/vrijwilliger/").content.decode()
    client.force_login(MemberFactory(username="beheerder", is_superuser=True, is_staff=True))
    assert client.get("/chat/vrijwilliger/").status_code == 200


def test_a_volunteer_marks_themselves_available_and_sees_how_many_wait(client, volunteer):
    start_chat_in_browser(Client(), nickname="een")
    start_chat_in_browser(Client(), nickname="twee")
    client.force_login(volunteer)
    assert "Er wachten 2 jongeren." in client.get("/chat/vrijwilliger/").content.decode()

    page = client.post("/chat/vrijwilliger/beschikbaar/", {"available": "1"}, follow=True)

    text = page.content.decode()
    assert "Je staat op beschikbaar" in text
    assert text.count("Neem het gesprek aan") == 2  # two places at once
    assert "Er wacht 0 jongeren." in text or "Er wachten 0 jongeren." in text


def test_the_volunteer_takes_the_chat_offered_reads_the_shared_post_ends_and_registers(client, topic):
    volunteer = make_volunteer("vrijwilliger1")
    start_chat_in_browser(Client(), nickname="zonnetje", age=11, onderwerp=topic.pk, share="on")
    chat = Chat.objects.get()
    client.force_login(volunteer)

    page = client.post(f"/chat/vrijwilliger/aannemen/{chat.pk}/", follow=True)
    text = page.content.decode()
    assert "Chat met zonnetje" in text and "11 jaar" in text
    assert "Hoe leren jullie voor toetsen?" in text

    page = client.post(f"/chat/vrijwilliger/gesprek/{chat.pk}/beeindigen/", {"time_out": ""}, follow=True)
    form = page.content.decode()
    assert 'value="8-11" checked' in form.replace("\n", " ") or 'value="8-11"' in form
    assert "<textarea" not in form  # no free text about the young person
    page = client.post(
        page.wsgi_request.path, {"subject": "school", "age_group": "8-11", "contact": "first"}, follow=True
    )

    assert "De registratie is opgeslagen." in page.content.decode()
    record = ChatRecord.objects.get()
    assert (record.volunteer, record.subject, record.age_group, record.contact) == (
        volunteer,
        "school",
        "8-11",
        "first",
    )


def test_a_volunteer_cannot_open_or_register_another_volunteers_chat(client):
    owner = make_volunteer("vrijwilliger1")
    start_chat_in_browser(Client())
    chat = Chat.objects.get()
    owner_client = Client()
    owner_client.force_login(owner)
    owner_client.post(f"/chat/vrijwilliger/aannemen/{chat.pk}/")
    client.force_login(make_volunteer("vrijwilliger2", available=False))

    assert client.get(f"/chat/vrijwilliger/gesprek/{chat.pk}/").status_code == 403
    assert (
        client.post(f"/chat/vrijwilliger/gesprek/{chat.pk}/beeindigen/", {"time_out": ""}).status_code == 403
    )
    owner_client.post(f"/chat/vrijwilliger/gesprek/{chat.pk}/beeindigen/", {"time_out": ""})
    record = ChatRecord.objects.get()
    assert client.get(f"/chat/vrijwilliger/registratie/{record.pk}/").status_code == 403


def test_a_colleague_asked_to_watch_along_sees_the_chat_but_cannot_write(client):
    owner = make_volunteer("vrijwilliger1")
    colleague = make_volunteer("vrijwilliger2", available=False)
    start_chat_in_browser(Client())
    chat = Chat.objects.get()
    client.force_login(owner)
    client.post(f"/chat/vrijwilliger/aannemen/{chat.pk}/")
    page = client.post(
        f"/chat/vrijwilliger/gesprek/{chat.pk}/meekijken/", {"colleague": colleague.pk}, follow=True
    )
    assert "vrijwilliger2 kan nu meekijken." in page.content.decode()

    watcher = Client()
    watcher.force_login(colleague)
    assert "Kijk mee met vrijwilliger1" in watcher.get("/chat/vrijwilliger/").content.decode()
    text = watcher.get(f"/chat/vrijwilliger/gesprek/{chat.pk}/").content.decode()
    assert "Je kijkt mee; je kunt niet schrijven." in text
    assert "Gesprek beëindigen" not in text and "<textarea" not in text


def test_coordinators_see_the_figures(client, topic):
    volunteer = make_volunteer("vrijwilliger1")
    for nickname in ("een", "twee"):
        start_chat_in_browser(Client(), nickname=nickname)
    volunteer_client = Client()
    volunteer_client.force_login(volunteer)
    chat = Chat.objects.order_by("pk").first()
    volunteer_client.post(f"/chat/vrijwilliger/aannemen/{chat.pk}/")
    volunteer_client.post(f"/chat/vrijwilliger/gesprek/{chat.pk}/beeindigen/", {"time_out": ""})
    record = ChatRecord.objects.get()
    volunteer_client.post(
        f"/chat/vrijwilliger/registratie/{record.pk}/",
        {"subject": "grief", "age_group": "12-14", "contact": "first"},
    )
    coordinator = MemberFactory(username="coordinator1", age=None)
    coordinator.groups.add(Group.objects.get_or_create(name="Coördinatoren")[0])

    assert volunteer_client.get("/chat/cijfers/").status_code == 403
    client.force_login(coordinator)
    text = client.get("/chat/cijfers/").content.decode()

    assert "Chats per dag" in text and "Chats per uur van de dag" in text
    assert "<td>vrijwilliger1</td><td>1</td>" in text
    assert "<td>Rouw en verlies</td><td>1</td>" in text
