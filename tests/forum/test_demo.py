import io

import pytest
from django.core.management import call_command

from forum.models import Board, Member, Topic

pytestmark = pytest.mark.django_db


def test_load_demo_creates_the_boards_and_one_account_per_role_and_can_run_twice():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    call_command("load_demo", stdout=io.StringIO())

    names = set(Board.objects.values_list("name", flat=True))
    assert {
        "Pesten",
        "Thuis",
        "Seksualiteit",
        "Verliefd",
        "Lichaam",
        "School",
        "Vriendschap",
        "Rouw",
        "Overig",
    } <= names
    assert Member.objects.filter(is_superuser=True).count() == 1
    for group in ("Editors", "Moderators", "Vrijwilligers"):
        assert Member.objects.filter(groups__name=group).count() == 1
    topics = Topic.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert Topic.objects.count() == topics > 0
    assert "demo-lid-zonnebloem" in out.getvalue()
    assert Member.objects.get(username="zonnebloem14").check_password("demo-lid-zonnebloem")


def test_demo_topics_are_filtered_like_any_post():
    call_command("load_demo", stdout=io.StringIO())

    bodies = " ".join(
        Topic.objects.get(title="Stress voor de toetsweek").posts.values_list("body", flat=True)
    )
    assert "[telefoonnummer]" in bodies
    assert "06-12345678" not in bodies
