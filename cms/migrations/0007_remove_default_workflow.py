"""Wagtail's own default workflow, "Moderators approval" (made by wagtailcore 0048 from the
Moderators group's publish rights), is not used here: every page goes through "Redactie: vier ogen"
(0004), and moderators no longer publish pages (0006). It is removed; if a page ever went through it,
the history is kept and it stays, inactive, under a Dutch name."""

from django.db import migrations

OLD = "Moderators approval"
NEW = "Goedkeuring door moderatoren (niet meer in gebruik)"


def remove_default_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowState = apps.get_model("wagtailcore.WorkflowState")
    Task = apps.get_model("wagtailcore.Task")
    TaskState = apps.get_model("wagtailcore.TaskState")
    for workflow in Workflow.objects.filter(name=OLD):
        if WorkflowState.objects.filter(workflow=workflow).exists():
            workflow.name, workflow.active = NEW, False
            workflow.save(update_fields=["name", "active"])
            apps.get_model("wagtailcore.WorkflowPage").objects.filter(workflow=workflow).delete()
        else:
            workflow.delete()
    for task in Task.objects.filter(name=OLD):
        if TaskState.objects.filter(task=task).exists():
            task.name, task.active = NEW, False
            task.save(update_fields=["name", "active"])
        elif not apps.get_model("wagtailcore.WorkflowTask").objects.filter(task=task).exists():
            task.delete()


class Migration(migrations.Migration):
    dependencies = [("cms", "0006_moderators_do_not_publish_pages"), ("wagtailcore", "0048_add_default_workflows")]

    operations = [migrations.RunPython(remove_default_workflow, migrations.RunPython.noop)]
