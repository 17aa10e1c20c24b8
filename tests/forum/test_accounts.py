"""Signing up, logging in, recovering and deleting an account."""

from __future__ import annotations

import pytest
from django.urls import reverse

from forum.models import Member, Post, Status
from tests.forum.factories import PostFactory

pytestmark = pytest.mark.django_db


def sign_up(client, nickname="zeepbel15", age=15, password="lange-zin-als-wachtwoord"):
    return client.post(
        reverse("forum:sign_up"),
        {"nickname": nickname, "age": age, "password": password, "password_again": password},
    )


def test_sign_up_asks_no_email_and_no_real_name(client):
    page = client.get(reverse("forum:sign_up")).content.decode()

    assert "Schuilnaam" in page
    assert "mail" not in page.lower().split("geen e-mailadres")[0].split("<form")[-1]
    assert 'name="email"' not in page
    assert 'name="first_name"' not in page


def test_sign_up_shows_recovery_codes_once_and_logs_in(client):
    response = sign_up(client)

    page = response.content.decode()
    assert "Bewaar deze herstelcodes" in page
    member = Member.objects.get(username="zeepbel15")
    assert member.recovery_codes.count() == len(response.context["codes"]) == 8
    assert member.age == 15
    assert client.get(reverse("forum:account")).status_code == 200


def test_nickname_with_a_phone_number_is_refused_with_the_reason(client):
    response = sign_up(client, nickname="0612345678")

    page = response.content.decode()
    assert "telefoonnummer" in page
    assert not Member.objects.exists()


@pytest.mark.parametrize("nickname", ["Emma_de_Vries", "kankerlijer"])
def test_nickname_that_identifies_or_hurts_is_refused(client, nickname):
    response = sign_up(client, nickname=nickname)

    assert "Kies een naam die niets over jou verraadt" in response.content.decode()
    assert not Member.objects.exists()


def test_nickname_with_spaces_gets_a_clear_message(client):
    page = sign_up(client, nickname="twee woorden").content.decode()

    assert "geen spaties" in page


def test_taken_nickname_is_refused_whatever_the_capitals(client, member):
    page = sign_up(client, nickname=member.username.upper()).content.decode()

    assert "al bezet" in page


def test_weak_password_is_refused_and_nickname_stays_filled_in(client):
    page = sign_up(client, password="12345678").content.decode()

    assert 'value="zeepbel15"' in page
    assert not Member.objects.exists()


@pytest.mark.parametrize(("age", "text"), [(10, "vanaf 12 jaar"), (25, "tot en met 18 jaar")])
def test_too_young_or_too_old_is_told_kindly_where_to_go(client, age, text):
    page = sign_up(client, age=age).content.decode()

    assert text in page
    assert "Chat met een vrijwilliger" in page
    assert not Member.objects.exists()


def test_recovery_code_sets_a_new_password_once(client):
    codes = sign_up(client).context["codes"]
    client.logout()

    data = {"nickname": "zeepbel15", "code": codes[0], "password": "een-nieuw-lang-wachtwoord"}
    first = client.post(reverse("forum:recover"), data, follow=True)
    client.logout()
    second = client.post(reverse("forum:recover"), {**data, "password": "nog-een-ander-wachtwoord"})

    assert "Je nieuwe wachtwoord is ingesteld" in first.content.decode()
    assert "al gebruikt" in second.content.decode()
    assert client.login(username="zeepbel15", password="een-nieuw-lang-wachtwoord")


def test_login_with_a_wrong_password_says_so_in_dutch(client, member):
    response = client.post(reverse("forum:login"), {"username": member.username, "password": "fout"})

    assert "horen niet bij elkaar" in response.content.decode()


def test_deleting_an_account_keeps_published_posts_as_former_member(member_client, member, topic):
    kept = PostFactory(topic=topic, author=member, body="Mijn tip: maak een planning.")
    held = PostFactory(topic=topic, author=member, status=Status.QUEUED, body="wacht nog")

    member_client.post(reverse("forum:account_delete"), {"password": "geheim-wachtwoord-42"})

    assert not Member.objects.filter(pk=member.pk).exists()
    assert not Post.objects.filter(pk=held.pk).exists()
    page = member_client.get(topic.get_absolute_url()).content.decode()
    assert "Mijn tip: maak een planning." in page
    assert "oud-lid" in page
    assert Post.objects.get(pk=kept.pk).author is None


def test_deleting_an_account_with_its_posts_removes_their_text(member_client, member, topic):
    PostFactory(topic=topic, author=member, body="Mijn tip: maak een planning.")

    member_client.post(
        reverse("forum:account_delete"), {"password": "geheim-wachtwoord-42", "delete_posts": "on"}
    )

    page = member_client.get(topic.get_absolute_url()).content.decode()
    assert "Mijn tip" not in page
    assert "verwijderd door de schrijver" in page


def test_deleting_an_account_needs_the_password(member_client, member):
    page = member_client.post(reverse("forum:account_delete"), {"password": "niet-goed"}).content.decode()

    assert "Dit wachtwoord klopt niet" in page
    assert Member.objects.filter(pk=member.pk).exists()
