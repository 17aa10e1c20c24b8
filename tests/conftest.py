"""Role fixtures and helpers shared by every test."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from forum.models import Member
from tests.forum.factories import BoardFactory, MemberFactory, PostFactory, TopicFactory

PASSWORD = "geheim-wachtwoord-42"


def _in_group(name: str, **kwargs) -> Member:
    from moderation.roles import moderator_groups_ensure

    moderator_groups_ensure()  # a transactional test before this one may have emptied the database
    member = MemberFactory(**kwargs)
    member.groups.add(Group.objects.get_or_create(name=name)[0])
    return member


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: the database is rolled back between tests, the cache not."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(db) -> Member:
    return MemberFactory(username="regenboog13")


@pytest.fixture
def other_member(db) -> Member:
    return MemberFactory(username="bosuil16")


@pytest.fixture
def new_member(db) -> Member:
    from django.utils import timezone

    return MemberFactory(username="nieuwkomer", date_joined=timezone.now())


@pytest.fixture
def moderator(db) -> Member:
    return _in_group("Moderators", username="moderator1", age=None)


@pytest.fixture
def editor(db) -> Member:
    return _in_group("Editors", username="redacteur1", age=None)


@pytest.fixture
def volunteer(db) -> Member:
    return _in_group("Vrijwilligers", username="vrijwilliger1", age=None)


@pytest.fixture
def board(db):
    return BoardFactory(name="School", slug="school")


@pytest.fixture
def topic(db, board, other_member):
    topic = TopicFactory(board=board, author=other_member, title="Stress voor toetsen")
    PostFactory(topic=topic, author=other_member, is_opening=True, body="Hoe leren jullie voor toetsen?")
    return topic


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def submit(django_capture_on_commit_callbacks):
    """POST a form as a browser does, let the transaction commit (so screening runs, eagerly),
    then follow the redirect. Returns the page the member ends up on."""

    def run(client, url, data):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        if response.status_code in (301, 302):
            return client.get(response["Location"])
        return response

    return run


@pytest.fixture
def senior_moderator(db) -> Member:
    return _in_group("Hoofdmoderatoren", username="senior1", age=None)


@pytest.fixture
def moderator_client(moderator):
    """A browser of its own for the moderator, beside `client` (a member or a visitor)."""
    from django.test import Client

    moderator_client = Client()
    moderator_client.force_login(moderator)
    return moderator_client


@pytest.fixture
def held_post(db, member, topic, submit):
    """A reply the filter held for a moderator (an insult aimed at someone)."""
    from forum import services
    from moderation.services import post_screen

    post = services.post_reply(author=member, topic=topic, text="jij bent echt een vieze homo, ga weg")
    post_screen(post_id=post.pk)
    post.refresh_from_db()
    return post


@pytest.fixture
def urgent_post(db, topic):
    from forum import services
    from moderation.services import post_screen

    post = services.post_reply(
        author=MemberFactory(username="wolkje12"),
        topic=topic,
        text="ik wil niet meer leven, ik heb pillen gespaard",
    )
    post_screen(post_id=post.pk)
    post.refresh_from_db()
    return post
