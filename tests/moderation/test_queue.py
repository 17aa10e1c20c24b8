"""The moderators' queue: danger first, decisions in one step, strikes, reports, audit and figures."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from forum import services as forum_services
from forum.models import Post, Status
from moderation import actions
from moderation.models import AuditEntry, Review, Strike
from moderation.retention import retention_apply
from tests.forum.factories import MemberFactory, PostFactory, TopicFactory
from tests.moderation.factories import ReviewFactory

pytestmark = pytest.mark.django_db


def test_held_post_waits_in_the_queue_with_its_reasons(moderator_client, held_post):
    review = Review.objects.get(post=held_post)

    queue = moderator_client.get(reverse("moderation:queue")).content.decode()
    item = moderator_client.get(reverse("moderation:review", args=[review.pk])).content.decode()

    assert review.kind == Review.Kind.HELD and not review.urgent
    assert held_post.author.username in queue
    assert "Waarom vastgehouden" in item
    assert "vieze homo" in item  # the original, decrypted for the moderator only


def test_a_post_that_identifies_its_writer_in_combination_waits_with_the_combination_marked(
    moderator_client, member, topic
):
    from moderation.services import post_screen

    post = forum_services.post_reply(
        author=member, topic=topic, text="ik woon in Lemmer en zit in groep 7, wie ook?"
    )
    post_screen(post_id=post.pk)
    review = Review.objects.get(post=post)

    item = moderator_client.get(reverse("moderation:review", args=[review.pk])).content.decode()

    post.refresh_from_db()
    assert post.status == Status.QUEUED and not review.urgent
    assert "herkenbaar: kleine woonplaats en klas of club" in item
    assert 'data-type="herkenbaar: kleine woonplaats en klas of club"' in item  # each part marked
    assert ">Lemmer<" in item and ">groep 7<" in item


def test_urgent_items_come_first_then_the_oldest(moderator_client, board):
    old = ReviewFactory(created_at=timezone.now() - dt.timedelta(hours=5))
    new = ReviewFactory(created_at=timezone.now() - dt.timedelta(hours=1))
    urgent = ReviewFactory(urgent=True, created_at=timezone.now())

    response = moderator_client.get(reverse("moderation:queue"))

    assert [r.pk for r in response.context["items"]] == [urgent.pk, old.pk, new.pk]
    assert ">Urgent</strong>" in response.content.decode()


def test_urgent_text_is_blurred_until_the_moderator_chooses_to_read_it(moderator_client, urgent_post):
    review = Review.objects.get(post=urgent_post)

    page = moderator_client.get(reverse("moderation:review", args=[review.pk])).content.decode()

    assert 'class="mod-text mod-blurred"' in page
    assert "Toon de tekst" in page


def test_findings_are_highlighted_and_named_in_the_original(moderator_client, member, topic):
    from moderation.services import post_screen

    post = forum_services.post_reply(author=member, topic=topic, text="jij vieze homo, bel 0612345678")
    post_screen(post_id=post.pk)
    review = Review.objects.get(post=post)

    page = moderator_client.get(reverse("moderation:review", args=[review.pk])).content.decode()

    assert 'data-type="PHONE"' in page
    assert "0612345678</span>" not in page or "finding-type" in page


def test_publishing_as_filtered_puts_the_post_online_and_deletes_the_original(
    moderator_client, moderator, held_post, client
):
    review = Review.objects.get(post=held_post)

    moderator_client.post(reverse("moderation:decide", args=[review.pk]), {"action": "publish"})

    held_post.refresh_from_db()
    assert held_post.status == Status.PUBLISHED
    assert held_post.original == ""
    review.refresh_from_db()
    assert review.state == Review.State.DECIDED and review.decided_by == moderator
    assert client.get(held_post.topic.get_absolute_url()).content.decode().count("vieze homo") == 1


def test_edit_then_publish_filters_the_edited_text_again(moderator_client, held_post):
    review = Review.objects.get(post=held_post)

    moderator_client.post(
        reverse("moderation:decide", args=[review.pk]),
        {"action": "edit", "text": "Ga alsjeblieft weg, mijn oude nummer was 0612345678"},
    )

    held_post.refresh_from_db()
    assert held_post.status == Status.PUBLISHED
    assert held_post.body == "Ga alsjeblieft weg, mijn oude nummer was [telefoonnummer]"
    assert Review.objects.get(pk=review.pk).outcome == Review.Outcome.EDITED


def test_rejected_writer_sees_the_reason_kindly_with_the_rules_and_the_chat(
    moderator_client, held_post, member_client
):
    review = Review.objects.get(post=held_post)

    moderator_client.post(
        reverse("moderation:decide", args=[review.pk]),
        {"action": "reject", "reason": "hurtful", "warn": "on"},
    )

    page = member_client.get(held_post.topic.get_absolute_url()).content.decode()
    assert "Dit bericht is niet geplaatst" in page
    assert "Je bericht kan iemand anders kwetsen" in page
    assert 'href="/regels/">Lees de regels van het forum' in page
    assert "Praat erover met een vrijwilliger" in page
    held_post.refresh_from_db()
    assert held_post.original == ""
    warnings = member_client.get(reverse("my_warnings")).content.decode()
    assert "Je bericht kan iemand anders kwetsen" in warnings


def test_rejected_post_is_not_shown_to_others(moderator_client, held_post, client):
    review = Review.objects.get(post=held_post)
    moderator_client.post(
        reverse("moderation:decide", args=[review.pk]), {"action": "reject", "reason": "hurtful"}
    )

    assert "vieze homo" not in client.get(held_post.topic.get_absolute_url()).content.decode()


def test_three_warnings_within_a_year_block_the_account(moderator, member):
    for _ in range(3):
        review = ReviewFactory(post=PostFactory(author=member, status=Status.QUEUED))
        actions.do_reject(review=review, moderator=moderator, reason="hurtful", warn=True)

    member.refresh_from_db()
    assert not member.is_active
    assert AuditEntry.objects.filter(action=AuditEntry.Action.BLOCKED, member_name=member.username).exists()


def test_sharing_contact_details_blocks_at_the_second_warning(moderator, member):
    for _ in range(2):
        review = ReviewFactory(post=PostFactory(author=member, status=Status.QUEUED))
        actions.do_reject(review=review, moderator=moderator, reason="personal_data", warn=True)

    member.refresh_from_db()
    assert not member.is_active


def test_warnings_older_than_a_year_do_not_count(moderator, member):
    Strike.objects.create(
        member=member,
        kind=Strike.Kind.BEHAVIOUR,
        reason="hurtful",
        created_at=timezone.now() - dt.timedelta(days=400),
        expires_at=timezone.now() - dt.timedelta(days=35),
    )
    for _ in range(2):
        review = ReviewFactory(post=PostFactory(author=member, status=Status.QUEUED))
        actions.do_reject(review=review, moderator=moderator, reason="hurtful", warn=True)

    member.refresh_from_db()
    assert member.is_active


def test_a_claimed_item_cannot_be_decided_by_a_colleague(moderator, held_post):
    colleague = MemberFactory(username="collega")
    from django.contrib.auth.models import Group

    colleague.groups.add(Group.objects.get(name="Moderators"))
    review = Review.objects.get(post=held_post)
    actions.do_claim(review=review, moderator=moderator)

    with pytest.raises(Exception, match="al mee bezig"):
        actions.do_publish(review=review, moderator=colleague)


def test_a_claim_expires(moderator, held_post):
    colleague = MemberFactory(username="collega")
    from django.contrib.auth.models import Group

    colleague.groups.add(Group.objects.get(name="Moderators"))
    review = Review.objects.get(post=held_post)
    actions.do_claim(review=review, moderator=moderator)
    Review.objects.filter(pk=review.pk).update(claimed_until=timezone.now() - dt.timedelta(seconds=1))

    actions.do_publish(review=review, moderator=colleague)

    assert Review.objects.get(pk=review.pk).decided_by == colleague


def test_escalated_items_wait_for_a_senior(moderator, senior_moderator, held_post):
    review = Review.objects.get(post=held_post)
    actions.do_escalate(review=review, moderator=moderator)

    with pytest.raises(Exception, match="senior"):
        actions.do_publish(review=review, moderator=moderator)
    actions.do_publish(review=review, moderator=senior_moderator)

    assert Review.objects.get(pk=review.pk).state == Review.State.DECIDED


def test_urgent_follow_up_is_recorded(moderator_client, urgent_post):
    review = Review.objects.get(post=urgent_post)

    page = moderator_client.post(
        reverse("moderation:decide", args=[review.pk]),
        {"action": "followup", "followup": "chat"},
        follow=True,
    ).content.decode()

    assert "contact gelegd via de chat" in page
    assert AuditEntry.objects.filter(action=AuditEntry.Action.FOLLOWED_UP).exists()


def test_time_out_blocks_posting_not_reading(moderator_client, held_post, member_client, topic):
    review = Review.objects.get(post=held_post)

    moderator_client.post(reverse("moderation:decide", args=[review.pk]), {"action": "timeout", "days": "3"})

    page = member_client.post(topic.get_absolute_url(), {"text": "nog iets"}).content.decode()
    assert "geen berichten plaatsen" in page


def test_a_post_reported_by_enough_members_is_hidden_until_a_moderator_looks(
    topic, submit, client, moderator_client, settings
):
    settings.MODERATION_REPORTS_TO_HIDE = 2
    post = PostFactory(topic=topic, body="Iets wat mensen melden")
    url = reverse("forum:post_report", args=[post.pk])
    for name in ("melder1", "melder2"):
        reporter = MemberFactory(username=name)
        PostFactory.create_batch(5, topic=topic, author=reporter)  # a track record: trusted to hide
        client.force_login(reporter)
        submit(client, url, {"reason": "hurtful"})

    post.refresh_from_db()
    assert post.status == Status.QUEUED
    review = Review.objects.get(post=post, kind=Review.Kind.REPORTED)
    client.logout()
    assert "Iets wat mensen melden" not in client.get(topic.get_absolute_url()).content.decode()

    moderator_client.post(reverse("moderation:decide", args=[review.pk]), {"action": "publish"})
    post.refresh_from_db()
    assert post.status == Status.PUBLISHED
    assert Review.objects.get(pk=review.pk).outcome == Review.Outcome.KEPT
    assert not post.reports.filter(resolved_at__isnull=True).exists()


def test_one_report_puts_a_post_in_the_queue_without_hiding_it(topic, submit, member_client):
    post = PostFactory(topic=topic)

    submit(member_client, reverse("forum:post_report", args=[post.pk]), {"reason": "spam"})

    post.refresh_from_db()
    assert post.status == Status.PUBLISHED
    assert Review.objects.filter(post=post, kind=Review.Kind.REPORTED, state="open").exists()


def test_audit_trail_records_filter_and_moderator_and_cannot_be_changed(
    moderator_client, moderator, held_post
):
    review = Review.objects.get(post=held_post)
    moderator_client.post(
        reverse("moderation:decide", args=[review.pk]), {"action": "reject", "reason": "hurtful"}
    )

    page = moderator_client.get(reverse("moderation:audit"), {"q": f"#{held_post.pk}"}).content.decode()

    assert "filter" in page and moderator.username in page
    entry = AuditEntry.objects.filter(post_id_ref=held_post.pk).first()
    entry.summary = "anders"
    with pytest.raises(PermissionError):
        entry.save()


def test_audit_trail_never_holds_the_words_of_a_post(moderator_client, held_post):
    review = Review.objects.get(post=held_post)
    moderator_client.post(reverse("moderation:decide", args=[review.pk]), {"action": "publish"})

    stored = " ".join(f"{e.summary} {e.details}" for e in AuditEntry.objects.all())
    assert "homo" not in stored


def test_moderator_can_skip_boards_but_still_sees_urgent_items(moderator_client, moderator, board):
    other_board_review = ReviewFactory()
    skipped = ReviewFactory(post=PostFactory(topic=TopicFactory(board=board), status=Status.QUEUED))
    urgent_skipped = ReviewFactory(
        post=PostFactory(topic=TopicFactory(board=board), status=Status.URGENT), urgent=True
    )

    moderator_client.post(reverse("moderation:preferences"), {"skipped_boards": [board.pk]})

    items = moderator_client.get(reverse("moderation:queue")).context["items"]
    assert [r.pk for r in items] == [urgent_skipped.pk, other_board_review.pk]
    assert skipped.pk not in [r.pk for r in items]


def test_retention_deletes_old_originals_expired_strikes_and_old_audit_details(member, topic, settings):
    settings.MODERATION_ORIGINAL_RETENTION_DAYS = 30
    post = forum_services.post_reply(author=member, topic=topic, text="oud origineel")
    Post.objects.filter(pk=post.pk).update(
        status=Status.QUEUED, created_at=timezone.now() - dt.timedelta(days=31)
    )
    Strike.objects.create(
        member=member, kind="behaviour", reason="hurtful", expires_at=timezone.now() - dt.timedelta(days=1)
    )

    counts = retention_apply()

    assert counts["originals"] == 1 and counts["strikes"] == 1
    assert Post.objects.get(pk=post.pk).original == ""


def test_figures_show_decisions_removals_and_waiting_times(
    moderator_client, moderator, held_post, urgent_post
):
    actions.do_publish(review=Review.objects.get(post=held_post), moderator=moderator)

    page = moderator_client.get(reverse("moderation:figures")).content.decode()

    assert "Berichten per dag" in page
    assert "Wachttijd tot een beslissing" in page
    assert moderator.username in page
    assert "ooit urgent" in page


@pytest.mark.parametrize("role", ["member", "editor", "volunteer"])
def test_only_moderators_see_the_queue_and_figures(client, role, request):
    client.force_login(request.getfixturevalue(role))

    for name in ("moderation:queue", "moderation:figures", "moderation:audit"):
        response = client.get(reverse(name))
        assert response.status_code in (302, 403), name


def test_visitors_are_sent_to_the_admin_login(client):
    response = client.get(reverse("moderation:queue"))

    assert response.status_code == 302
    assert "/beheer/login/" in response["Location"]


def test_admin_menu_shows_how_many_items_wait(moderator_client, held_post, urgent_post):
    page = moderator_client.get("/beheer/").content.decode()

    assert "Wachtrij (2, 1 urgent)" in page


def test_queue_page_needs_few_queries_however_long_the_queue(moderator_client, django_assert_max_num_queries):
    for _ in range(60):
        ReviewFactory()

    # one more than before: the boards for the queue's filter
    with django_assert_max_num_queries(15):
        response = moderator_client.get(reverse("moderation:queue"))

    assert len(response.context["items"]) == 50
    assert response.context["next_cursor"]
