"""Who gets into which page: every URL of the project, for every role, from one table.

Roles: a visitor (not logged in), a young member, a moderator, an editor, a chat volunteer, a
chat coordinator and an admin (superuser). What a role gets:

- a status code (200, 403, 404, 405),
- LOGIN: a redirect to the forum's login page (the forum, the account, the chat's console),
- ADMIN_LOGIN: a redirect to the Wagtail admin's login page (a visitor, or an account without
  admin access, under /beheer/),
- REDIRECT: a redirect elsewhere (done, or nothing to see: e.g. the chat room without a chat; in the
  admin, Wagtail sends an account that lacks the permission back to the dashboard, with a message).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from chat.models import Chat, ChatRecord, ChatStatus
from forum.models import Member, Status
from moderation.roles import moderator_groups_ensure
from tests.forum.factories import MemberFactory, PostFactory
from tests.moderation.factories import ReviewFactory

pytestmark = pytest.mark.django_db

LOGIN, ADMIN_LOGIN, REDIRECT = "login", "admin-login", "redirect"
ROLES = ["visitor", "member", "moderator", "editor", "volunteer", "coordinator", "admin"]


@dataclass(frozen=True)
class Route:
    url: str  # a URL with {placeholders} filled from the `world` fixture
    method: str = "get"
    data: dict | None = None


def everyone(expected, *, visitor=None) -> dict[str, object]:
    return {role: expected for role in ROLES} | ({"visitor": visitor} if visitor is not None else {})


def members(expected) -> dict[str, object]:
    """Any logged-in account gets `expected`; a visitor is asked to log in."""
    return everyone(expected, visitor=LOGIN)


def only(allowed: dict[str, object], *, others=403, visitor=LOGIN) -> dict[str, object]:
    return {role: allowed.get(role, others) for role in ROLES} | {"visitor": allowed.get("visitor", visitor)}


def admin_only(allowed: dict[str, object]) -> dict[str, object]:
    """Under /beheer/: only accounts with admin access get past Wagtail; then the view decides."""
    no_access = {"member": ADMIN_LOGIN, "volunteer": ADMIN_LOGIN, "coordinator": ADMIN_LOGIN}
    return only({**no_access, **allowed}, others=REDIRECT, visitor=ADMIN_LOGIN)


MODERATORS = {"moderator": 200, "admin": 200}
STAFF_IN_ADMIN = {"moderator": 200, "editor": 200, "admin": 200}

TABLE: dict[str, tuple[Route, dict[str, object]]] = {
    # The forum: reading is for everyone; writing needs an account.
    "forum:index": (Route("/forum/"), everyone(200)),
    "forum:board": (Route("/forum/{board}/"), everyone(200)),
    "forum:topic": (Route("/forum/{board}/{topic}/"), everyone(200)),
    "forum:topic (held, someone else's)": (Route("/forum/{board}/{held_topic}/"), everyone(404)),
    "forum:topic reply": (Route("/forum/{board}/{topic}/", "post", {"text": ""}), members(400)),
    "forum:topic_new": (Route("/forum/{board}/nieuw/"), members(200)),
    "forum:member": (Route("/forum/lid/{author}/"), everyone(200)),
    "forum:preview": (Route("/forum/voorbeeld/", "post", {"text": "hoi"}), members(200)),
    "forum:preview (GET)": (Route("/forum/voorbeeld/"), everyone(405)),
    "forum:post_status (own post)": (
        Route("/forum/bericht/{own_post}/status/"),
        only({"member": 200}, others=404),
    ),
    "forum:post_recognise": (Route("/forum/bericht/{post}/herkenbaar/", "post"), members(REDIRECT)),
    "forum:post_recognise (GET)": (Route("/forum/bericht/{post}/herkenbaar/"), everyone(405)),
    "forum:post_report": (Route("/forum/bericht/{post}/melden/"), members(200)),
    # Accounts.
    "forum:sign_up": (Route("/forum/aanmelden/"), only({"visitor": 200}, others=REDIRECT)),
    "forum:login": (Route("/forum/inloggen/"), only({"visitor": 200}, others=REDIRECT)),
    "forum:logout": (Route("/forum/uitloggen/", "post"), everyone(REDIRECT)),
    "forum:logout (GET)": (Route("/forum/uitloggen/"), everyone(405)),
    "forum:recover": (Route("/forum/wachtwoord-vergeten/"), everyone(200)),
    "forum:challenge": (Route("/forum/controle/?voor=sign_up"), everyone(200)),
    "forum:challenge (POST)": (Route("/forum/controle/?voor=sign_up", "post"), everyone(405)),
    "forum:account": (Route("/forum/account/"), members(200)),
    "forum:account_delete": (Route("/forum/account/verwijderen/"), members(200)),
    "my_warnings": (Route("/forum/account/waarschuwingen/"), members(200)),
    # The chat: the entry for everyone, the console for volunteers, the figures for coordinators.
    "chat:entry": (Route("/chat/"), everyone(200)),
    "chat:room (no chat)": (Route("/chat/gesprek/"), everyone(REDIRECT)),
    "chat:leave": (Route("/chat/gesprek/stoppen/", "post"), everyone(REDIRECT)),
    "chat:console": (Route("/chat/vrijwilliger/"), only({"volunteer": 200, "admin": 200})),
    "chat:availability": (
        Route("/chat/vrijwilliger/beschikbaar/", "post", {"available": "1"}),
        only({"volunteer": REDIRECT, "admin": REDIRECT}),
    ),
    "chat:take (not offered to you)": (
        Route("/chat/vrijwilliger/aannemen/{waiting_chat}/", "post"),
        only({"volunteer": REDIRECT, "admin": REDIRECT}),
    ),
    "chat:conversation (a colleague's)": (Route("/chat/vrijwilliger/gesprek/{colleague_chat}/"), only({})),
    "chat:conversation (own)": (Route("/chat/vrijwilliger/gesprek/{own_chat}/"), only({"volunteer": 200})),
    "chat:end (a colleague's)": (
        Route("/chat/vrijwilliger/gesprek/{colleague_chat}/beeindigen/", "post", {"time_out": ""}),
        only({}),
    ),
    "chat:watch (a colleague's)": (
        Route("/chat/vrijwilliger/gesprek/{colleague_chat}/meekijken/", "post", {"colleague": "{volunteer}"}),
        only({}),
    ),
    "chat:registration (own)": (
        Route("/chat/vrijwilliger/registratie/{own_record}/"),
        only({"volunteer": 200}),
    ),
    "chat:registration (a colleague's)": (
        Route("/chat/vrijwilliger/registratie/{colleague_record}/"),
        only({}),
    ),
    "chat:figures": (Route("/chat/cijfers/"), only({"coordinator": 200, "admin": 200})),
    # The Wagtail admin: editors and moderators; moderation for moderators only.
    "wagtailadmin_home": (Route("/beheer/"), admin_only(STAFF_IN_ADMIN)),
    "wagtailadmin_explore_root": (Route("/beheer/pages/"), admin_only({"editor": 200, "admin": 200})),
    "wagtailusers_users:index": (
        Route("/beheer/users/"),
        admin_only({"admin": 200}),
    ),
    "wagtailusers_groups:index": (
        Route("/beheer/groups/"),
        admin_only({"admin": 200}),
    ),
    "moderation:queue": (Route("/beheer/moderatie/"), admin_only(MODERATORS)),
    "moderation:review": (Route("/beheer/moderatie/item/{review}/"), admin_only(MODERATORS)),
    "moderation:decide": (
        Route("/beheer/moderatie/item/{review}/beslis/", "post", {"action": "onbekend"}),
        admin_only({"moderator": REDIRECT, "admin": REDIRECT}),
    ),
    "moderation:audit": (Route("/beheer/moderatie/logboek/"), admin_only(MODERATORS)),
    "moderation:figures": (Route("/beheer/moderatie/cijfers/"), admin_only(MODERATORS)),
    "moderation:preferences": (Route("/beheer/moderatie/voorkeuren/"), admin_only(MODERATORS)),
    # Public pages.
    "home": (Route("/"), everyone(200)),
    "cms:search": (Route("/zoeken/?q=toetsen"), everyone(200)),
    "healthz": (Route("/healthz"), everyone(200)),
}

CASES = [
    pytest.param(name, role, expected, id=f"{name} | {role}")
    for name, (_route, expectations) in TABLE.items()
    for role, expected in expectations.items()
]


def in_group(name: str, username: str) -> Member:
    member = MemberFactory(username=username, age=None)
    member.groups.add(Group.objects.get_or_create(name=name)[0])
    return member


@pytest.fixture
def accounts(db, member) -> dict[str, Member | None]:
    moderator_groups_ensure()  # once: a transactional test before this one may have emptied the database
    return {
        "visitor": None,
        "member": member,
        "moderator": in_group("Moderators", "moderator1"),
        "editor": in_group("Editors", "redacteur1"),
        "volunteer": in_group("Vrijwilligers", "vrijwilliger1"),
        "coordinator": in_group("Coördinatoren", "coordinator1"),
        "admin": MemberFactory(username="beheerder1", age=None, is_superuser=True, is_staff=True),
    }


@pytest.fixture
def world(accounts, topic, other_member) -> dict[str, object]:
    """The objects the URLs point at: a topic, posts, a held item, chats and records."""
    volunteer = accounts["volunteer"]
    colleague = in_group("Vrijwilligers", "collega1")
    own_post = PostFactory(topic=topic, author=accounts["member"])
    held = ReviewFactory(post=PostFactory(topic=topic, author=other_member, status=Status.QUEUED))
    held_topic = PostFactory(
        topic__board=topic.board, topic__author=other_member, topic__status=Status.QUEUED, author=other_member
    ).topic
    now = timezone.now()

    def chat(token: str, **kwargs) -> Chat:
        return Chat.objects.create(
            token_hash=token, visitor_hash=token, nickname="zonnetje", age=14, **kwargs
        )

    def record(by: Member) -> ChatRecord:
        return ChatRecord.objects.create(queued_at=now, started_at=now, volunteer=by)

    return {
        "board": topic.board.slug,
        "topic": topic.pk,
        "held_topic": held_topic.pk,
        "author": other_member.username,
        "post": topic.posts.get(is_opening=True).pk,
        "own_post": own_post.pk,
        "review": held.pk,
        "waiting_chat": chat("a" * 64).pk,
        "colleague_chat": chat("b" * 64, status=ChatStatus.ACTIVE, volunteer=colleague, started_at=now).pk,
        "own_chat": chat("c" * 64, status=ChatStatus.ACTIVE, volunteer=volunteer, started_at=now).pk,
        "own_record": record(volunteer).pk,
        "colleague_record": record(colleague).pk,
        "volunteer": volunteer.pk,  # a colleague the owner of `colleague_chat` could ask to watch
    }


def outcome(response) -> object:
    if response.status_code not in (301, 302):
        return response.status_code
    location = response["Location"]
    if location.startswith(reverse("forum:login")):
        return LOGIN
    if location.startswith(reverse("wagtailadmin_login")):
        return ADMIN_LOGIN
    return REDIRECT


@pytest.mark.parametrize(("name", "role", "expected"), CASES)
def test_only_the_right_roles_get_in(name, role, expected, accounts, world, settings):
    settings.CHAT_OPENING_HOURS_PROVIDER = ""
    route, _expectations = TABLE[name]
    client = Client()
    if accounts[role] is not None:
        client.force_login(accounts[role])
    url = route.url.format(**world)
    data = {key: str(value).format(**world) for key, value in (route.data or {}).items()}

    response = getattr(client, route.method)(url, data)

    assert outcome(response) == expected, f"{route.method.upper()} {url} as {role}"


def test_every_url_of_the_project_is_in_the_table():
    """A new view must be added to TABLE (with who may use it) before this passes."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def names(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{pattern.namespace}:" if pattern.namespace else namespace
                yield from names(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield namespace + pattern.name

    covered = {name.split(" ")[0] for name in TABLE}
    ours = {
        n
        for n in names(get_resolver().url_patterns)
        if n.split(":")[0] in ("forum", "chat", "cms", "moderation") or n in ("healthz", "my_warnings")
    }
    assert ours - covered == set()
