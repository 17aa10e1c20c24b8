"""Writes for the editorial set-up: who may edit, and the review every change passes before it goes live."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowTask

from cms.models import SecondEditorApprovalTask

EDITORS_GROUP = "Editors"
WORKFLOW_NAME = "Redactie: vier ogen"
TASK_NAME = "Goedkeuring door een tweede redacteur"

# (app label, codename): what editors may do besides editing pages.
EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailsearchpromotions", "add_searchpromotion"),
    ("wagtailsearchpromotions", "change_searchpromotion"),
    ("wagtailsearchpromotions", "delete_searchpromotion"),
]


@transaction.atomic
def editorial_workflow_ensure() -> Workflow:
    """Make sure editors may add and edit every page but not publish, and that every change to a page
    goes live only after another editor approved it (the workflow on the root page). Idempotent.

    The same set-up is made by migration cms.0004 on a fresh database; this is for the demo loader
    and for tests that start from an empty database.
    """
    editors, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    # Wagtail creates this permission in a migration, not from a model: a flushed test database lacks it.
    admin_type, _created = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    for app_label, codename in EDITOR_PERMISSIONS:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            editors.permissions.add(permission)
    root = Page.get_first_root_node()
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(
            group=editors,
            page=root,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    task = SecondEditorApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = SecondEditorApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(editors)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow
