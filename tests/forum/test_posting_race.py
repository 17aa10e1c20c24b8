"""One post per interval even when submissions race (issue 13): ten replies sent at the same moment,
each in its own thread with its own database connection, on PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from forum import services
from forum.models import Post
from forum.services import RateLimited

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip(
            "row locks need PostgreSQL (SQLite runs one writer at a time); CI runs this on PostgreSQL"
        )


def test_ten_replies_sent_at_once_by_a_new_member_give_one_post(on_postgresql, new_member, topic):
    start = threading.Barrier(10)
    outcomes: list[str] = []

    def send(n: int) -> None:
        try:
            connection.ensure_connection()  # connected before the start, so that all go at once
            start.wait()
            services.post_reply(author=new_member, topic=topic, text=f"antwoord nummer {n} van mij")
            outcomes.append("saved")
        except RateLimited:
            outcomes.append("too fast")
        except ValidationError as exc:
            outcomes.append(f"refused: {exc}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    assert sorted(outcomes) == ["saved"] + ["too fast"] * 9
    assert Post.objects.filter(author=new_member).count() == 1


def test_two_topics_started_at_once_give_one_topic(on_postgresql, new_member, board):
    start = threading.Barrier(2)
    saved: list[int] = []

    def send(n: int) -> None:
        try:
            connection.ensure_connection()
            start.wait()
            saved.append(
                services.topic_start(
                    author=new_member, board=board, title=f"vraag {n}", text="hoe doe ik dat?"
                ).pk
            )
        except RateLimited:
            pass
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    assert len(saved) == 1


def test_a_reply_sent_while_another_is_being_saved_waits_for_it_and_is_refused(
    on_postgresql, new_member, topic
):
    # The first reply is saved but not yet committed when the second arrives: the second must wait
    # for the member's row and then see the first, instead of checking an empty past and saving too.
    first_saved, first_may_commit = threading.Event(), threading.Event()
    second: list[str] = []

    def send_first() -> None:
        try:
            with transaction.atomic():
                services.post_reply(author=new_member, topic=topic, text="eerste antwoord van mij")
                first_saved.set()
                first_may_commit.wait(timeout=30)
        finally:
            connections.close_all()

    def send_second() -> None:
        try:
            services.post_reply(author=new_member, topic=topic, text="tweede antwoord van mij")
            second.append("saved")
        except RateLimited:
            second.append("too fast")
        finally:
            connections.close_all()

    a = threading.Thread(target=send_first)
    a.start()
    assert first_saved.wait(timeout=30)
    b = threading.Thread(target=send_second)
    b.start()
    b.join(timeout=2)  # unlocked, the second reply is saved within this time
    first_may_commit.set()
    a.join(timeout=30)
    b.join(timeout=30)

    assert second == ["too fast"]
    assert Post.objects.filter(author=new_member).count() == 1
