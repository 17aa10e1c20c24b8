"""Every change to a page goes live only after a second editor approved it.

Editors may add and edit pages (not publish); the workflow "Redactie: vier ogen" with one
SecondEditorApprovalTask for the Editors group replaces Wagtail's default workflow on the root
page, so it applies to every page. Editors may also manage search promotions.
cms.services.editorial_workflow_ensure makes the same set-up with the current models.
"""

from django.db import migrations

EDITOR_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("wagtailsearchpromotions", "searchpromotion", "add_searchpromotion", "Can add search promotion"),
    ("wagtailsearchpromotions", "searchpromotion", "change_searchpromotion", "Can change search promotion"),
    ("wagtailsearchpromotions", "searchpromotion", "delete_searchpromotion", "Can delete search promotion"),
]


def set_up(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    Task = apps.get_model("cms.SecondEditorApprovalTask")

    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    editors, _ = Group.objects.get_or_create(name="Editors")
    for app_label, model, codename, name in EDITOR_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        editors.permissions.add(permission)
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    for codename, name in (("add_page", "Can add page"), ("change_page", "Can change page")):
        permission, _ = Permission.objects.get_or_create(
            content_type=page_type, codename=codename, defaults={"name": name}
        )
        GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=permission)

    task_type, _ = ContentType.objects.get_or_create(app_label="cms", model="secondeditorapprovaltask")
    task = Task.objects.filter(name="Goedkeuring door een tweede redacteur").first()
    if task is None:
        task = Task.objects.create(
            name="Goedkeuring door een tweede redacteur", content_type=task_type, active=True
        )
    task.groups.add(editors)
    workflow, _ = Workflow.objects.get_or_create(name="Redactie: vier ogen", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def tear_down(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name="Redactie: vier ogen").delete()
    apps.get_model("cms.SecondEditorApprovalTask").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_information_pages"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(set_up, tear_down)]
