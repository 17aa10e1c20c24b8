"""Information pages for the tests: an index under the home page and a published page about bullying."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from cms.models import HomePage, TopicIndexPage, TopicPage
from cms.services import editorial_workflow_ensure


def publish_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def home(db) -> HomePage:
    return HomePage.objects.get()


@pytest.fixture
def topics_index(home) -> TopicIndexPage:
    return publish_child(home, TopicIndexPage(title="Informatie", slug="informatie"))


@pytest.fixture
def bullying_board(db):
    from tests.forum.factories import BoardFactory

    return BoardFactory(name="Pesten", slug="pesten")


@pytest.fixture
def bullying_page(topics_index, bullying_board) -> TopicPage:
    page = TopicPage(
        title="Pesten",
        slug="pesten",
        intro="Word je gepest? Dat is nooit jouw schuld.",
        body=[
            ("paragraph", "<p>Pesten is iemand steeds opnieuw pijn doen.</p>"),
            (
                "questions",
                {"heading": "Vragen", "items": [{"question": "Is het verklikken?", "answer": "<p>Nee.</p>"}]},
            ),
            ("quote", {"text": "Toen ik het vertelde, werd het beter.", "name": "Noor, 13"}),
            ("chat_call", {"heading": "Praat erover", "text": "Een vrijwilliger luistert."}),
            ("forum_topics", {"heading": "Op het forum", "count": 3}),
        ],
    )
    page.boards.set([bullying_board])
    return publish_child(topics_index, page)


@pytest.fixture
def workflow(db):
    return editorial_workflow_ensure()
