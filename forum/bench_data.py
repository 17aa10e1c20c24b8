"""A forum of realistic size for benchmarks (`manage.py bench_forum_data`, `make bench-web`).

Everything is written with bulk_create: members, boards, topics and posts, all published, with
plain Dutch sentences generated here. The texts stand for what the filter already let through, so
they are not screened again. The forum's search index is filled at the end, as `update_index`
would, so that search works on the generated posts too.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone
from wagtail.search.backends import get_search_backends

from forum.models import Board, Member, Post, Status, Topic
from forum.services import boards_recount

# Every generated board has a slug with this prefix: that is how a second run sees the first.
SLUG_PREFIX = "bench-"
LONG_TOPIC_TITLE = "Het grote kletstopic: hoe was jouw dag?"

BOARD_NAMES = [
    "Pesten op school",
    "Online pesten",
    "Ruzie thuis",
    "Scheiding",
    "Geld thuis",
    "Broers en zussen",
    "Verkering",
    "Uit elkaar",
    "Eerste keer",
    "Grenzen",
    "Puberteit",
    "Slapen",
    "Sport",
    "Eten en gewicht",
    "Huid en haar",
    "Toetsen",
    "Huiswerk",
    "Mentor en leraren",
    "Stage",
    "Overstappen",
    "Vrienden maken",
    "Eenzaam",
    "Groepsapp",
    "Gamen",
    "Social media",
    "Muziek",
    "Bijbaantje",
    "Zakgeld",
    "Verhuizen",
    "Nieuw in Nederland",
    "Geloof",
    "Gender",
    "Homo, bi of hetero",
    "Ziekte in de familie",
    "Een huisdier verloren",
    "Opa en oma",
    "Angst",
    "Somber",
    "Stress",
    "Boos zijn",
    "Onzeker",
    "Drank en drugs",
    "Roken en vapen",
    "Internetveiligheid",
    "Sexting",
    "Rechten van kinderen",
    "Toekomst",
    "Vakantie",
    "Hobby's",
    "Kletshoek",
]

SUBJECTS = [
    "Ik",
    "Mijn beste vriendin",
    "Mijn broertje",
    "Een jongen uit mijn klas",
    "Mijn zus",
    "Een meisje uit de groepsapp",
    "Mijn moeder",
    "Mijn vader",
    "Mijn mentor",
    "Iemand op voetbal",
    "Mijn vriend",
    "Een paar kinderen uit de brugklas",
    "Mijn stiefvader",
    "Mijn oma",
]
PREDICATES = [
    "wordt al weken gepest in de pauze",
    "zegt steeds gemene dingen over mijn kleren",
    "heeft ruzie met iedereen thuis",
    "praat niet meer met mij sinds de zomer",
    "vindt dat ik te veel op mijn telefoon zit",
    "heeft een nieuwe baan in een andere stad",
    "stuurt rare berichten in de groepsapp",
    "lacht me uit als ik een beurt krijg",
    "heeft gezegd dat ze gaan verhuizen",
    "maakt zich zorgen over mijn cijfers",
    "is ziek en ligt in het ziekenhuis",
    "gaat na de vakantie naar een andere school",
    "wil dat ik elke avond om negen uur thuis ben",
    "heeft mijn dagboek gelezen",
    "deed alsof er niets aan de hand was",
    "heeft me buitengesloten bij het verjaardagsfeest",
]
FEELINGS = [
    "Ik weet niet goed wat ik moet doen.",
    "Ik slaap er slecht van.",
    "Het maakt me echt verdrietig.",
    "Soms word ik er heel boos om.",
    "Ik durf het aan niemand te vertellen.",
    "Ik voel me er een beetje alleen door.",
    "Eigenlijk wil ik gewoon dat het ophoudt.",
    "Ik schaam me er een beetje voor.",
    "Het gaat nu al een tijdje zo.",
    "Ik denk er de hele dag aan.",
]
QUESTIONS = [
    "Heeft iemand dit ook meegemaakt?",
    "Hoe pakken jullie dat aan?",
    "Is dit normaal?",
    "Wat zouden jullie doen?",
    "Moet ik het tegen mijn mentor zeggen?",
    "Hoe begin ik zo'n gesprek?",
    "Herkent iemand dit?",
    "Wie heeft er een tip?",
]
ADVICE = [
    "Bij mij hielp het om het aan mijn mentor te vertellen.",
    "Schrijf op wat er gebeurt, met de datum erbij.",
    "Je kunt ook met een vrijwilliger van de chat praten.",
    "Zeg rustig wat je voelt, dan luisteren ze beter.",
    "Maak screenshots en laat die aan een volwassene zien.",
    "Je bent echt niet de enige, hoor.",
    "Probeer eens met je ouders te praten als het rustig is.",
    "Neem de tijd, je hoeft niet meteen te kiezen.",
    "Zoek iemand die je vertrouwt, een tante of een buurvrouw.",
    "Pesten is nooit jouw schuld.",
    "Misschien speelt er bij die ander ook iets.",
    "Ik heb hetzelfde gehad en nu gaat het beter.",
    "Plan elke dag een klein beetje, dan wordt het minder eng.",
    "Sterkte, ik denk aan je!",
]
TITLE_STARTS = [
    "Hulp nodig:",
    "Vraagje over",
    "Wat moet ik met",
    "Ervaringen met",
    "Tips voor",
    "Probleem met",
    "Gedoe met",
]
TITLE_ENDS = [
    "mijn klas",
    "de groepsapp",
    "thuis",
    "mijn ouders",
    "mijn beste vriendin",
    "de toetsweek",
    "mijn mentor",
    "voetbal",
    "mijn lijf",
    "verkering",
    "slapen",
    "pesten",
    "mijn broertje",
    "geld",
]
NICKNAME_WORDS = [
    "zonnebloem",
    "skatevogel",
    "regenboog",
    "bosuil",
    "wolkje",
    "sterretje",
    "vosje",
    "kiwi",
    "zeepaard",
    "maanlicht",
    "tijger",
    "panda",
    "pepernoot",
    "duinroos",
    "spetter",
    "meeuw",
]


@dataclass(frozen=True)
class GeneratedForum:
    boards: int
    topics: int
    posts: int
    members: int
    indexed: int
    long_topic_id: int


def _title(rng: random.Random) -> str:
    return f"{rng.choice(TITLE_STARTS)} {rng.choice(TITLE_ENDS)}"


def _opening(rng: random.Random) -> str:
    return " ".join(
        [f"{rng.choice(SUBJECTS)} {rng.choice(PREDICATES)}.", rng.choice(FEELINGS), rng.choice(QUESTIONS)]
    )


def _reply(rng: random.Random) -> str:
    sentences = rng.sample(ADVICE, rng.randint(1, 3))
    if rng.random() < 0.4:
        sentences.insert(0, f"{rng.choice(SUBJECTS)} {rng.choice(PREDICATES)}.")
    return " ".join(sentences)


def _members(rng: random.Random, count: int, now: dt.datetime) -> list[Member]:
    taken = set(Member.objects.values_list("username", flat=True))
    members: list[Member] = []
    while len(members) < count:
        nickname = f"{rng.choice(NICKNAME_WORDS)}{rng.randint(1, 9999)}"
        if nickname in taken:
            continue
        taken.add(nickname)
        age = rng.randint(12, 18)
        members.append(
            Member(
                username=nickname,
                password="!",  # noqa: S106 (an unusable password: nobody logs in as a generated member)
                age=age,
                age_given_on=(now - dt.timedelta(days=400)).date(),
                date_joined=now - dt.timedelta(days=400),
            )
        )
    return Member.objects.bulk_create(members, batch_size=1000)


def _topic_with_posts(
    *,
    rng: random.Random,
    board: Board,
    members: list[Member],
    started: dt.datetime,
    posts: int,
    title: str,
    gap_minutes: tuple[int, int],
) -> tuple[Topic, list[Post]]:
    """An unsaved topic and its unsaved posts (the first one opening), one every few minutes."""
    author = rng.choice(members)
    topic = Topic(
        board=board,
        author=author,
        title=title,
        status=Status.PUBLISHED,
        created_at=started,
        reply_count=posts - 1,
    )
    at = started
    rows = []
    for number in range(posts):
        if number:
            at = at + dt.timedelta(minutes=rng.randint(*gap_minutes), seconds=rng.randint(0, 59))
        rows.append(
            Post(
                author=author if number == 0 else rng.choice(members),
                is_opening=number == 0,
                body=_opening(rng) if number == 0 else _reply(rng),
                status=Status.PUBLISHED,
                created_at=at,
                screened_at=at,
                published_at=at,
            )
        )
    topic.last_activity_at = at
    return topic, rows


def _save(topics: list[tuple[Topic, list[Post]]]) -> int:
    saved = Topic.objects.bulk_create([topic for topic, _ in topics], batch_size=1000)
    posts = []
    for topic, rows in zip(saved, (rows for _, rows in topics), strict=True):
        for post in rows:
            post.topic = topic
        posts.extend(rows)
    Post.objects.bulk_create(posts, batch_size=2000)
    return len(posts)


def _index(progress: Callable[[str], None]) -> int:
    """Put the published topics and posts into every search backend, in chunks (as update_index)."""
    count = 0
    for backend in get_search_backends():
        for model in (Topic, Post):
            index = backend.get_index_for_model(model)
            index.add_model(model)
            objects = model.get_indexed_objects().order_by("pk")
            last_pk = 0
            while chunk := list(objects.filter(pk__gt=last_pk)[:2000]):
                index.add_items(model, chunk)
                last_pk = chunk[-1].pk
                count += len(chunk)
        progress(f"indexed {count} topics and posts")
    return count


def _analyze(progress: Callable[[str], None]) -> None:
    """Give the query planner statistics of the new rows, as after any bulk load.

    PostgreSQL's autovacuum would do so within minutes; SQLite never does by itself. Without them
    SQLite's planner drives a full-text search from the index-entry table (a MATCH per entry:
    seconds) instead of from the full-text index (milliseconds).
    """
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    progress("statistics updated (ANALYZE)")


def forum_data_exists() -> bool:
    return Board.objects.filter(slug__startswith=SLUG_PREFIX).exists()


def forum_data_generate(
    *,
    boards: int = 50,
    topics_per_board: int = 200,
    posts_per_topic: int = 20,
    long_topic_posts: int = 500,
    members: int = 2000,
    seed: int = 7,
    index: bool = True,
    progress: Callable[[str], None] = lambda message: None,
) -> GeneratedForum:
    """Write `boards` boards of `topics_per_board` topics of `posts_per_topic` published posts, plus one
    topic of `long_topic_posts` posts on the first board, written by `members` generated members.

    Precondition: no generated forum in this database yet (forum_data_exists() is False).
    Deterministic for a given seed, apart from the dates (relative to now).
    """
    if boards > len(BOARD_NAMES):
        raise ValueError(f"at most {len(BOARD_NAMES)} boards")
    rng = random.Random(seed)  # noqa: S311 (test data, not security)
    now = timezone.now()
    with transaction.atomic():
        authors = _members(rng, members, now)
        progress(f"{len(authors)} members")
        first_position = (
            Board.objects.order_by("-position").values_list("position", flat=True).first() or 0
        ) + 1
        created_boards = Board.objects.bulk_create(
            [
                Board(
                    name=name,
                    slug=f"{SLUG_PREFIX}{number + 1:02d}",
                    description=f"Praat mee over {name.lower()}.",
                    position=first_position + number,
                )
                for number, name in enumerate(BOARD_NAMES[:boards])
            ]
        )
        post_count = 0
        for board in created_boards:
            batch = [
                _topic_with_posts(
                    rng=rng,
                    board=board,
                    members=authors,
                    # Topics spread over the past year; each conversation lasts a day or two.
                    started=now - dt.timedelta(days=rng.uniform(3, 365)),
                    posts=posts_per_topic,
                    title=_title(rng),
                    gap_minutes=(1, 180),
                )
                for _ in range(topics_per_board)
            ]
            post_count += _save(batch)
        progress(
            f"{len(created_boards)} boards, {len(created_boards) * topics_per_board} topics, {post_count} posts"
        )
        long_topic, long_posts = _topic_with_posts(
            rng=rng,
            board=created_boards[0],
            members=authors,
            started=now - dt.timedelta(days=3),
            posts=long_topic_posts,
            title=LONG_TOPIC_TITLE,
            gap_minutes=(1, 8),
        )
        post_count += _save([(long_topic, long_posts)])
        progress(f"one topic of {long_topic_posts} posts: {long_topic.get_absolute_url()}")
        # bulk_create bypasses the services that keep each board's figures.
        boards_recount(board_ids=[board.pk for board in created_boards])
    indexed = _index(progress) if index else 0
    _analyze(progress)
    return GeneratedForum(
        boards=len(created_boards),
        topics=len(created_boards) * topics_per_board + 1,
        posts=post_count,
        members=len(authors),
        indexed=indexed,
        long_topic_id=long_topic.pk,
    )
