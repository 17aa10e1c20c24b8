"""Moderators may work the queue; senior moderators also handle escalated items."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    moderate = Permission.objects.get(content_type__app_label="moderation", codename="moderate")
    escalated = Permission.objects.get(content_type__app_label="moderation", codename="moderate_escalated")
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(moderate, access_admin)
    seniors, _ = Group.objects.get_or_create(name="Hoofdmoderatoren")
    seniors.permissions.add(moderate, escalated, access_admin)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0002_review_queue"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
