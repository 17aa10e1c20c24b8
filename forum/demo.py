"""The forum's demo content: boards, topics and one account per role. Idempotent."""

from __future__ import annotations

import datetime as dt
from typing import TextIO

from django.contrib.auth.models import Group
from django.core.management.base import OutputWrapper
from django.utils import timezone

from forum.models import Board, Member, Post, Status, Topic
from forum.services import boards_recount
from moderation.services import text_screen

BOARDS = [
    ("Pesten", "pesten", "Word je gepest, of zie je iemand gepest worden?"),
    ("Thuis", "thuis", "Ruzie, scheiden, geld, of iets anders wat thuis speelt."),
    ("Seksualiteit", "seksualiteit", "Vragen over seks, je lichaam en grenzen."),
    ("Verliefd", "verliefd", "Verliefd, verkering, uit elkaar."),
    ("Lichaam", "lichaam", "Je lijf, puberteit, gezondheid."),
    ("School", "school", "Cijfers, leraren, stress en de klas."),
    ("Vriendschap", "vriendschap", "Vrienden maken, houden en kwijtraken."),
    ("Rouw", "rouw", "Iemand verloren? Praat erover."),
    ("Overig", "overig", "Alles wat nergens anders past."),
]

# (role, nickname, password, group, superuser)
ACCOUNTS = [
    ("admin", "beheerder", "demo-beheer-2026", None, True),
    ("editor", "redacteur", "demo-redactie-2026", "Editors", False),
    ("moderator", "moderator", "demo-moderatie-2026", "Moderators", False),
    ("volunteer", "vrijwilliger", "demo-vrijwilliger-2026", "Vrijwilligers", False),
    ("member", "zonnebloem14", "demo-lid-zonnebloem", None, False),
    ("member", "skatevogel", "demo-lid-skatevogel", None, False),
]

# (board slug, title, opening post, [replies]); authors alternate between the two members.
TOPICS = [
    (
        "pesten",
        "Ze lachen me uit in de groepsapp",
        "Sinds de zomer sturen ze in de klassenapp steeds foto's van mij met rare teksten erbij. "
        "Ik durf het niet tegen mijn mentor te zeggen. Heeft iemand dit ook meegemaakt?",
        [
            "Ja, bij mij ook. Ik heb screenshots gemaakt en die aan mijn mentor laten zien. Dat hielp echt.",
            "Je kunt de app ook melden bij de beheerder van de groep. Sterkte!",
        ],
    ),
    (
        "thuis",
        "Mijn ouders gaan scheiden",
        "Gisteren vertelden mijn ouders dat ze gaan scheiden. Ik moet kiezen bij wie ik ga wonen "
        "en dat vind ik heel moeilijk. Hoe doen jullie dat?",
        [
            "Je hoeft niet meteen te kiezen. Zeg tegen ze dat je tijd nodig hebt.",
            "Bij mij hielp het om met allebei apart te praten.",
        ],
    ),
    (
        "school",
        "Stress voor de toetsweek",
        "Volgende week is de toetsweek en ik slaap slecht. Heeft iemand tips om te leren zonder "
        "dat je hoofd ontploft? Bel me op 06-12345678 als je wil helpen.",
        ["Maak een planning en leer elke dag een beetje. Pauzes zijn ook belangrijk!"],
    ),
    (
        "vriendschap",
        "Mijn beste vriendin wil niks meer met me",
        "Ze reageert niet meer op mijn berichten en in de pauze zit ze bij anderen. "
        "Ik weet niet wat ik fout heb gedaan.",
        ["Misschien kun je haar gewoon vragen wat er is? Soms speelt er iets anders."],
    ),
    (
        "rouw",
        "Mijn opa is overleden",
        "Vorige week is mijn opa overleden. Iedereen doet weer normaal, maar ik moet steeds huilen. "
        "Is dat gek?",
        [
            "Dat is helemaal niet gek. Verdriet gaat niet zomaar weg. Ik denk aan je.",
            "Mij hielp het om een brief aan mijn oma te schrijven toen zij er niet meer was.",
        ],
    ),
]


def load(out: TextIO) -> None:
    """Create the boards, the accounts and the topics (if missing). The accounts are printed
    last, by load_demo (accounts_write)."""
    for position, (name, slug, description) in enumerate(BOARDS):
        Board.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )
    members = _accounts()
    _topics(members)
    boards_recount()  # the topics above are written directly, not through the services
    out.write(f"Forum: {len(BOARDS)} boards, {len(ACCOUNTS)} accounts, {len(TOPICS)} topics.\n")


def accounts_write(out: TextIO | OutputWrapper) -> None:
    out.write("Log in with (role / nickname / password):\n")
    for role, nickname, password, _group, _superuser in ACCOUNTS:
        out.write(f"  {role:<10} {nickname:<14} {password}\n")


def _accounts() -> list[Member]:
    members = []
    for role, nickname, password, group_name, superuser in ACCOUNTS:
        member, created = Member.objects.get_or_create(
            username=nickname, defaults={"age": 16 if role == "member" else None}
        )
        if created:
            member.set_password(password)
            member.age_given_on = timezone.localdate()
            member.is_superuser = member.is_staff = superuser
            member.save()
        if group_name:
            group, _created = Group.objects.get_or_create(name=group_name)
            member.groups.add(group)
        if role == "member":
            members.append(member)
    return members


def _topics(members: list[Member]) -> None:
    now = timezone.now()
    for index, (board_slug, title, text, replies) in enumerate(TOPICS):
        published_title = text_screen(title).published_text
        if Topic.objects.filter(board__slug=board_slug, title=published_title).exists():
            continue
        started = now - dt.timedelta(days=len(TOPICS) - index, hours=3)
        topic = Topic.objects.create(
            board=Board.objects.get(slug=board_slug),
            author=members[index % 2],
            title=published_title,
            status=Status.PUBLISHED,
            created_at=started,
            last_activity_at=started + dt.timedelta(hours=len(replies)),
            reply_count=len(replies),
        )
        for number, body in enumerate([text, *replies]):
            at = started + dt.timedelta(hours=number)
            Post.objects.create(
                topic=topic,
                author=members[(index + number) % 2],
                is_opening=number == 0,
                body=text_screen(body).published_text,
                status=Status.PUBLISHED,
                created_at=at,
                screened_at=at,
                published_at=at,
            )
