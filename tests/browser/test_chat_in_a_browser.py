"""A young person starts a chat from a forum topic; a volunteer in a second browser takes it; they
talk; the volunteer ends it and fills the registration. The WebSockets need a real ASGI server
(pytest-django's live server speaks only HTTP), so uvicorn runs in a subprocess on the test database."""

from __future__ import annotations

import pytest

from chat.models import Chat, ChatRecord, Message
from tests.browser.conftest import axe_serious
from tests.conftest import PASSWORD
from tests.forum.factories import PostFactory, TopicFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_young_person_and_a_volunteer_hold_a_whole_chat(
    browser, asgi_server, volunteer, other_member, board
):
    topic = TopicFactory(board=board, author=other_member, title="Stress voor toetsen")
    PostFactory(topic=topic, author=other_member, is_opening=True, body="Ik slaap slecht voor een toets.")
    young = browser.new_context(base_url=asgi_server, locale="nl-NL").new_page()
    helper = browser.new_context(base_url=asgi_server, locale="nl-NL").new_page()
    for page in (young, helper):
        page.set_default_timeout(15_000)

    # The volunteer logs in, opens the console and comes on duty.
    helper.goto("/chat/vrijwilliger/")
    helper.get_by_label("Schuilnaam").fill(volunteer.username)
    helper.get_by_label("Wachtwoord").fill(PASSWORD)
    helper.get_by_role("button", name="Inloggen").click()
    helper.get_by_role("heading", name="Chatoverzicht").wait_for()
    helper.get_by_role("button", name="Zet me op beschikbaar").click()
    helper.get_by_text("Je staat op beschikbaar").wait_for()

    # The young person, without an account, goes from the topic to the chat and shares the post.
    young.goto(topic.get_absolute_url())
    young.get_by_role("link", name="Wil je hier met iemand over praten? Chat met een vrijwilliger.").click()
    young.get_by_text("0800-0113").first.wait_for()  # the chat page, with the crisis numbers
    young.get_by_label("Hoe mag de vrijwilliger je noemen?").fill("zonnetje")
    young.get_by_label("Hoe oud ben je?").fill("14")
    young.get_by_label("Laat de vrijwilliger mijn bericht van het forum lezen").check()
    young.get_by_role("button", name="Start de chat").click()
    young.get_by_role("heading", name="Je wacht op een vrijwilliger").wait_for()

    # The chat is offered to the volunteer (the console updates by itself), who takes it.
    helper.get_by_role("button", name="Neem het gesprek aan").click()
    helper.get_by_role("heading", name="Chat met zonnetje").wait_for()
    assert helper.get_by_text("Ik slaap slecht voor een toets.").is_visible()

    young.get_by_role("heading", name="Je chat met een vrijwilliger").wait_for()
    young.get_by_label("Je bericht").fill("Hoi, ik ben zo zenuwachtig")
    young.get_by_label("Je bericht").press("Enter")
    helper.get_by_role("log").get_by_text("Hoi, ik ben zo zenuwachtig").wait_for()

    helper.get_by_label("Je bericht").fill("Wat fijn dat je het vertelt. Wanneer is de toets?")
    helper.get_by_role("button", name="Versturen").click()
    young.get_by_role("log").get_by_text("Wanneer is de toets?").wait_for()

    # The volunteer ends the chat; the young person sees a clear end; the registration follows.
    helper.get_by_text("Gesprek beëindigen").click()  # asks first, and says what is deleted
    assert helper.get_by_text("Het gesprek en alle berichten worden dan gewist").is_visible()
    assert Chat.objects.get().status == "active"  # opening the question ends nothing
    assert helper.get_by_role("button", name="Praat erover met iemand").count() == 0
    assert helper.get_by_role("link", name="Praat erover met iemand").count() == 0
    assert axe_serious(helper) == []
    for number in ("0800-0113", "0800-0432", "112"):  # each helpline once on the young person's page
        assert young.get_by_role("link", name=number, exact=True).count() == 1, number
    young.get_by_text("Stoppen met chatten").click()
    assert young.get_by_text("Het gesprek wordt dan gewist").is_visible()
    young.get_by_text("Stoppen met chatten").click()  # changes their mind: the chat goes on
    helper.get_by_role("button", name="Ja, beëindig en wis het gesprek").click()
    young.get_by_role("heading", name="Het gesprek is afgelopen").wait_for()
    helper.get_by_role("heading", name="Registratie van het gesprek").wait_for()
    helper.get_by_label("School").check()
    assert helper.get_by_label("12 tot 15 jaar").is_checked()  # from the age the young person gave
    helper.get_by_label("Eerste contact").check()
    helper.get_by_role("button", name="Registratie opslaan").click()
    helper.get_by_text("De registratie is opgeslagen.").wait_for()

    assert not Chat.objects.exists() and not Message.objects.exists()
    record = ChatRecord.objects.get()
    assert (record.volunteer, record.subject, record.contact) == (volunteer, "school", "first")
    young.context.close()
    helper.context.close()
