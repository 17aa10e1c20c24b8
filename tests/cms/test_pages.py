"""Page types: where they may be created, what editors fill in, and what a young person sees."""

from __future__ import annotations

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import HomePage, RulesPage, TopicIndexPage, TopicPage
from tests.forum.factories import BoardFactory, PostFactory, TopicFactory

from .conftest import publish_child


class TestPageTree(WagtailPageTestCase):
    def test_home_holds_the_information_index_and_the_rules(self):
        self.assertAllowedSubpageTypes(HomePage, {TopicIndexPage, RulesPage})
        self.assertAllowedParentPageTypes(TopicPage, {TopicIndexPage})
        self.assertAllowedSubpageTypes(TopicPage, {})
        self.assertCanNotCreateAt(HomePage, TopicPage)

    def test_an_editor_can_create_a_topic_page_with_every_block(self):
        self.login(self.create_superuser("beheerder-test", password="password"))
        index = publish_child(HomePage.objects.get(), TopicIndexPage(title="Informatie", slug="informatie"))
        board = BoardFactory(name="Thuis", slug="thuis")
        data = nested_form_data(
            {
                "title": "Thuis",
                "intro": "Als het thuis niet goed gaat.",
                "body": streamfield(
                    [
                        ("paragraph", rich_text("<p>Thuis hoort veilig te zijn.</p>")),
                        ("quote", {"text": "Ik schreef alles op.", "name": "Daan, 15"}),
                        (
                            "questions",
                            {
                                "heading": "Vragen",
                                "items": streamfield(
                                    [
                                        (
                                            "item",
                                            {
                                                "question": "Is het mijn schuld?",
                                                "answer": rich_text("<p>Nee.</p>"),
                                            },
                                        )
                                    ]
                                ),
                            },
                        ),
                        ("chat_call", {"heading": "Praat erover", "text": "Een vrijwilliger luistert."}),
                    ]
                ),
            }
        )

        data["boards"] = [str(board.pk)]

        self.assertCanCreate(index, TopicPage, data)

        page = TopicPage.objects.get(slug="thuis")
        assert page.live
        assert list(page.boards.all()) == [board]
        assert [block.block_type for block in page.body] == ["paragraph", "quote", "questions", "chat_call"]

    def test_a_topic_page_renders_and_is_editable(self):
        index = publish_child(HomePage.objects.get(), TopicIndexPage(title="Informatie", slug="informatie"))
        page = publish_child(index, TopicPage(title="Rouw", slug="rouw", intro="Iemand verloren?"))
        self.login(self.create_superuser("beheerder-test", password="password"))

        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(
            page,
            post_data=nested_form_data(
                {
                    "title": "Rouw",
                    "slug": "rouw",
                    "intro": "Iemand verloren?",
                    "body": streamfield([("paragraph", rich_text("<p>Verdriet mag.</p>"))]),
                }
            ),
        )


pytestmark = pytest.mark.django_db


def test_topic_page_shows_its_blocks_and_the_forum_on_the_same_subject(client, bullying_page, bullying_board):
    topic = TopicFactory(board=bullying_board, title="Ze lachen me uit in de app")
    PostFactory(topic=topic, is_opening=True, body="Help")
    TopicFactory(board=bullying_board, title="Nog niet gecontroleerd", status="queued")

    html = client.get(bullying_page.url).content.decode()

    assert "<details" in html and "<summary>Is het verklikken?</summary>" in html
    assert "Toen ik het vertelde, werd het beter." in html and "Noor, 13" in html
    assert 'href="/chat/"' in html
    assert "Vandaag is de chat open" in html
    assert 'href="/forum/pesten/"' in html
    assert "Ze lachen me uit in de app" in html
    assert "Nog niet gecontroleerd" not in html


def test_board_page_links_back_to_the_information_page_that_picked_it(client, bullying_page, bullying_board):
    html = client.get("/forum/pesten/").content.decode()

    assert f'href="{bullying_page.url}"' in html
    assert "Lees meer over dit onderwerp" in html


def test_board_without_information_page_shows_no_link(client, bullying_page):
    BoardFactory(name="Overig", slug="overig")

    html = client.get("/forum/overig/").content.decode()

    assert "Lees meer over dit onderwerp" not in html


def test_home_page_shows_information_boards_chat_rules_and_a_search_box(client, home, bullying_page, board):
    rules = RulesPage(
        title="Regels",
        slug="regels",
        body=[("rule", {"title": "Blijf anoniem", "explanation": "Geen echte namen."})],
    )
    publish_child(home, rules)

    html = client.get("/").content.decode()

    assert "Pesten" in html and bullying_page.url in html
    assert board.name in html
    assert 'href="/chat/"' in html
    assert "Blijf anoniem" in html and 'href="/regels/"' in html
    assert 'action="/zoeken/"' in html


def test_draft_topic_page_is_not_shown_to_visitors(client, topics_index):
    page = TopicPage(title="Concept", slug="concept", intro="Nog niet klaar.", live=False)
    topics_index.add_child(instance=page)

    assert client.get("/informatie/concept/").status_code == 404
    assert "Concept" not in client.get("/informatie/").content.decode()


def test_an_image_needs_alt_text_and_shows_it(client, topics_index):
    from django.core.exceptions import ValidationError
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from cms.blocks import TopicBodyBlock

    image = Image.objects.create(title="bank", file=get_test_image_file())
    image_block = TopicBodyBlock().child_blocks["image"]
    with pytest.raises(ValidationError):
        image_block.clean(image_block.to_python({"image": image.pk, "alt_text": "", "decorative": False}))

    page = TopicPage(
        title="Vriendschap",
        slug="vriendschap",
        intro="Vrienden.",
        body=[("image", {"image": image, "alt_text": "Twee vrienden op een bank", "decorative": False})],
    )
    publish_child(topics_index, page)

    assert 'alt="Twee vrienden op een bank"' in client.get(page.url).content.decode()
