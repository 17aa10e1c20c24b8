"""The path of a post, as the writer and other members see it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from forum import services
from forum.crypto import unseal
from forum.models import Post, Status, Topic
from tests.forum.factories import MemberFactory, PostFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reply(submit):
    def run(client, topic, text):
        return submit(client, topic.get_absolute_url(), {"text": text})

    return run


def test_post_with_phone_number_is_published_without_it(reply, member_client, topic, client, other_member):
    response = reply(member_client, topic, "mijn oude nummer was 06-12345678")

    assert "mijn oude nummer was [telefoonnummer]" in response.content.decode()
    client.force_login(other_member)
    page = client.get(topic.get_absolute_url()).content.decode()
    assert "mijn oude nummer was [telefoonnummer]" in page
    assert "12345678" not in page


def test_published_post_keeps_only_the_filtered_text(reply, member_client, topic):
    reply(member_client, topic, "mijn oude adres was iemand@example.nl")

    post = Post.objects.get(topic=topic, is_opening=False)
    assert post.status == Status.PUBLISHED
    assert post.body == "mijn oude adres was [e-mailadres]"
    assert post.original == ""


def test_new_topic_title_passes_the_filter_too(member_client, board, submit):
    response = submit(
        member_client,
        reverse("forum:topic_new", args=[board.slug]),
        {"title": "Wie belt 0687654321 terug?", "text": "Ik snap de som van vandaag niet."},
    )

    topic = Topic.objects.get(board=board)
    assert topic.status == Status.PUBLISHED
    assert topic.title == "Wie belt [telefoonnummer] terug?"
    assert topic.title_original == ""
    assert "0687654321" not in response.content.decode()


def test_pending_post_is_shown_only_to_its_writer(member_client, topic, client, other_member):
    # Without a commit, screening has not run yet: the post waits as it does for a busy worker.
    text = "Ik heb hetzelfde probleem met wiskunde."
    response = member_client.post(topic.get_absolute_url(), {"text": text}, follow=True)

    assert "Je bericht wordt gecontroleerd" in response.content.decode()
    client.force_login(other_member)
    assert "hetzelfde probleem" not in client.get(topic.get_absolute_url()).content.decode()


def test_original_text_is_encrypted_at_rest_while_it_waits(member, topic):
    post = services.post_reply(author=member, topic=topic, text="mijn oude nummer was 06-12345678")

    stored = Post.objects.values_list("original", flat=True).get(pk=post.pk)
    assert "12345678" not in stored
    assert unseal(stored) == "mijn oude nummer was 06-12345678"


def test_urgent_post_shows_the_writer_how_to_reach_a_volunteer_at_once(
    reply, member_client, topic, client, other_member
):
    response = reply(member_client, topic, "ik wil dood. ik heb al pillen gespaard en niemand merkt het")

    page = response.content.decode()
    assert "Chat nu met een vrijwilliger" in page
    assert "0800-0113" in page
    assert Post.objects.get(topic=topic, is_opening=False).status == Status.URGENT
    client.force_login(other_member)
    assert "pillen" not in client.get(topic.get_absolute_url()).content.decode()


def test_empty_post_gets_a_dutch_message(reply, member_client, topic):
    response = reply(member_client, topic, "   \n\u200b  ")

    assert "Je bericht is leeg" in response.content.decode()
    assert not Post.objects.filter(topic=topic, is_opening=False).exists()


def test_too_long_post_is_refused_and_the_text_comes_back(reply, member_client, topic):
    text = "Dit is een heel lang verhaal. " * 200  # 6,000 characters

    response = reply(member_client, topic, text)

    page = response.content.decode()
    assert "maximaal 5000 tekens" in page
    assert text.strip()[:500] in page
    assert not Post.objects.filter(topic=topic, is_opening=False).exists()


def test_too_long_title_is_refused_and_both_texts_come_back(member_client, board):
    title = "Een titel die veel te lang is " * 5

    response = member_client.post(
        reverse("forum:topic_new", args=[board.slug]), {"title": title, "text": "Mijn verhaal blijft staan."}
    )

    page = response.content.decode()
    assert "maximaal 120 tekens" in page
    assert "Mijn verhaal blijft staan." in page
    assert title.strip()[:60] in page


def test_html_and_script_are_shown_as_text(reply, member_client, topic):
    response = reply(member_client, topic, '<script>alert("hoi")</script> <b>vet</b>')

    page = response.content.decode()
    assert "&lt;script&gt;" in page
    assert '<script>alert("hoi")' not in page
    assert "<b>vet</b>" not in page


def test_control_and_zero_width_characters_are_removed(reply, member_client, topic):
    reply(member_client, topic, "hal\u200blo\x07 allemaal\u200d")

    assert Post.objects.get(topic=topic, is_opening=False).body == "hallo allemaal"


def test_new_member_posting_too_fast_is_asked_to_wait_and_keeps_the_text(reply, client, new_member, topic):
    client.force_login(new_member)
    reply(client, topic, "Eerste reactie.")

    response = reply(client, topic, "Tweede reactie die ik niet kwijt wil.")

    page = response.content.decode()
    assert "Wacht nog" in page
    assert "seconden" in page
    assert "Tweede reactie die ik niet kwijt wil." in page
    assert Post.objects.filter(topic=topic, author=new_member).count() == 1


def test_visitor_is_asked_to_log_in_before_replying(client, topic):
    response = client.post(topic.get_absolute_url(), {"text": "hoi"})

    assert response.status_code == 302
    assert reverse("forum:login") in response["Location"]
    assert not Post.objects.filter(topic=topic, is_opening=False).exists()


def test_member_with_a_time_out_cannot_post_but_can_read(reply, member_client, member, topic):
    from django.utils import timezone

    member.posting_blocked_until = timezone.now() + timezone.timedelta(days=1)
    member.save()

    response = reply(member_client, topic, "Mag ik nog iets zeggen?")

    assert "geen berichten plaatsen" in response.content.decode()
    assert "Hoe leren jullie voor toetsen?" in response.content.decode()


def test_reply_moves_the_topic_to_the_top_of_its_board(reply, member_client, board, topic):
    older = TopicFactory(board=board, title="Ouder onderwerp")
    PostFactory(topic=older, is_opening=True)
    from django.utils import timezone

    Topic.objects.filter(pk=topic.pk).update(last_activity_at=timezone.now() - timezone.timedelta(days=3))

    reply(member_client, topic, "Ik leer met flashcards.")

    page = member_client.get(reverse("forum:board", args=[board.slug])).content.decode()
    assert page.index("Stress voor toetsen") < page.index("Ouder onderwerp")
    assert "1 reactie" in page


def test_board_lists_topics_by_latest_activity_a_page_at_a_time(client, board):
    from django.utils import timezone

    now = timezone.now()
    for n in range(30):
        TopicFactory(
            board=board,
            title=f"Onderwerp nummer {n:02d}",
            last_activity_at=now - timezone.timedelta(minutes=n),
        )

    first = client.get(reverse("forum:board", args=[board.slug]))
    second = client.get(reverse("forum:board", args=[board.slug]), {"na": first.context["next_cursor"]})

    first_titles = [t.title for t in first.context["topics"]]
    second_titles = [t.title for t in second.context["topics"]]
    assert first_titles[0] == "Onderwerp nummer 00"
    assert len(first_titles) == 25
    assert second_titles == [f"Onderwerp nummer {n:02d}" for n in range(25, 30)]
    assert second.context["next_cursor"] is None


def test_a_garbled_page_cursor_shows_the_first_page(client, board, topic):
    response = client.get(reverse("forum:board", args=[board.slug]), {"na": "niet-een-cursor"})

    assert response.status_code == 200
    assert "Stress voor toetsen" in response.content.decode()


def test_herkenbaar_counts_once_per_member_and_can_be_taken_back(member_client, topic):
    post = topic.posts.get()
    url = reverse("forum:post_recognise", args=[post.pk])

    member_client.post(url)
    page = member_client.get(topic.get_absolute_url()).content.decode()
    assert "Herkenbaar (1)" in page
    member_client.post(url)
    assert "Herkenbaar (0)" in member_client.get(topic.get_absolute_url()).content.decode()


def test_writer_cannot_mark_their_own_post_herkenbaar(client, other_member, topic):
    client.force_login(other_member)
    post = topic.posts.get()

    response = client.post(reverse("forum:post_recognise", args=[post.pk]), follow=True)

    assert "berichten van anderen" in response.content.decode()
    post.refresh_from_db()
    assert post.recognised_count == 0


def test_member_reports_a_post_with_a_reason(member_client, member, topic):
    post = topic.posts.get()

    response = member_client.post(
        reverse("forum:post_report", args=[post.pk]), {"reason": "hurtful"}, follow=True
    )

    assert "Bedankt voor je melding" in response.content.decode()
    assert post.reports.get().reason == "hurtful"
    assert post.reports.get().reporter == member


def test_report_without_a_reason_asks_for_one(member_client, topic):
    post = topic.posts.get()

    response = member_client.post(reverse("forum:post_report", args=[post.pk]), {})

    assert "Dit is een verplicht veld" in response.content.decode()
    assert not post.reports.exists()


def test_member_page_shows_nickname_and_published_posts_only(client, topic, other_member):
    PostFactory(topic=topic, author=other_member, status=Status.QUEUED, body="iets wat wacht")

    page = client.get(reverse("forum:member", args=[other_member.username])).content.decode()

    assert other_member.username in page
    assert "Hoe leren jullie voor toetsen?" in page
    assert "iets wat wacht" not in page
    assert "15 jaar" not in page and "leeftijd" not in page.lower()  # the age stays private


def test_held_topic_is_not_found_for_others(client, board):
    topic = TopicFactory(board=board, status=Status.QUEUED, title="")
    response = client.get(topic.get_absolute_url())

    assert response.status_code == 404


def test_every_forum_page_links_to_the_chat_and_shows_crisis_numbers(client, topic, board):
    for url in [
        "/",
        reverse("forum:index"),
        reverse("forum:board", args=[board.slug]),
        topic.get_absolute_url(),
    ]:
        page = client.get(url).content.decode()
        assert "Praat erover met iemand" in page, url
        assert "0800-0113" in page, url
        assert "112" in page, url


def test_topic_page_needs_few_queries_whatever_its_length(client, topic, django_assert_max_num_queries):
    author = MemberFactory()
    for n in range(60):
        PostFactory(topic=topic, author=author, body=f"Reactie {n}")

    with django_assert_max_num_queries(8):
        response = client.get(topic.get_absolute_url())

    assert response.status_code == 200
    assert len(response.context["posts"]) == 50
