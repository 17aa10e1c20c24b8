"""An editor's changes go live only after a second editor approves them; scheduled pages go live on time."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import TopicPage
from cms.tasks import publish_scheduled
from tests.conftest import _in_group

from .conftest import publish_child

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_editor(db):
    return _in_group("Editors", username="redacteur2", age=None)


def _submit_new_page(client, index, title: str) -> TopicPage:
    data = nested_form_data(
        {
            "title": title,
            "slug": "vriendschap",
            "intro": "Vrienden maken en houden.",
            "body": streamfield([("paragraph", rich_text("<p>Vrienden zijn belangrijk.</p>"))]),
            "action-submit": "Ter beoordeling aanbieden",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:add", args=["cms", "topicpage", index.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return TopicPage.objects.get(slug="vriendschap")


def _approve(client, page: TopicPage):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


def test_editor_cannot_publish_and_a_second_editor_approves(
    client, workflow, topics_index, editor, second_editor
):
    client.force_login(editor)
    page = _submit_new_page(client, topics_index, "Vriendschap")

    assert not page.live
    assert page.current_workflow_state.workflow == workflow
    assert client.get(page.url if page.url else "/informatie/vriendschap/").status_code == 404

    # The writer may not approve their own changes.
    assert page.current_workflow_task.specific.get_actions(page, editor) == []
    _approve(client, page)
    page.refresh_from_db()
    assert not page.live

    client.force_login(second_editor)
    assert page.current_workflow_task.specific.get_actions(page, second_editor)
    _approve(client, page)

    page.refresh_from_db()
    assert page.live
    client.logout()
    assert "Vrienden zijn belangrijk." in client.get("/informatie/vriendschap/").content.decode()


def test_changes_to_a_live_page_wait_for_approval(client, workflow, bullying_page, editor, second_editor):
    client.force_login(editor)
    draft = bullying_page.get_latest_revision_as_object()
    draft.intro = "Nieuwe samenvatting over pesten."
    revision = draft.save_revision(user=editor)
    workflow.start(bullying_page, editor)

    assert "Nieuwe samenvatting" not in client.get(bullying_page.url).content.decode()
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[bullying_page.pk, "live", revision.pk],
    )
    assert "Nieuwe samenvatting over pesten." in client.get(compare).content.decode()

    client.force_login(second_editor)
    _approve(client, TopicPage.objects.get(pk=bullying_page.pk))

    client.logout()
    assert "Nieuwe samenvatting over pesten." in client.get(bullying_page.url).content.decode()


def test_a_scheduled_page_goes_live_when_the_scheduler_runs_after_its_time(client, topics_index):
    page = TopicPage(title="Verliefd", slug="verliefd", intro="Vlinders in je buik.", live=False)
    topics_index.add_child(instance=page)
    page.go_live_at = timezone.now() + dt.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert not page.live
    publish_scheduled()
    page.refresh_from_db()
    assert not page.live

    # The hour has passed.
    past = timezone.now() - dt.timedelta(minutes=1)
    revision.refresh_from_db()
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    publish_scheduled()

    page.refresh_from_db()
    assert page.live
    assert client.get("/informatie/verliefd/").status_code == 200


def test_an_expired_page_goes_offline_when_the_scheduler_runs(client, topics_index):
    page = publish_child(topics_index, TopicPage(title="Actie", slug="actie", intro="Alleen deze week."))
    TopicPage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - dt.timedelta(minutes=1))

    publish_scheduled()

    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get("/informatie/actie/").status_code == 404


def test_the_scheduler_runs_every_minute_from_celery_beat(settings):
    schedules = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]

    assert "cms.tasks.publish_scheduled" in schedules


def test_wagtail_s_default_moderators_workflow_is_gone(db):
    from wagtail.models import Task, Workflow

    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert Workflow.objects.filter(name="Redactie: vier ogen", active=True).exists()
