"""The moderators' groups and what they may do, kept in place whatever happens to the database."""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

# group name -> (app label, permission codename)
GROUPS = {
    "Moderators": [("moderation", "moderate"), ("wagtailadmin", "access_admin")],
    "Hoofdmoderatoren": [
        ("moderation", "moderate"),
        ("moderation", "moderate_escalated"),
        ("wagtailadmin", "access_admin"),
    ],
}


def moderator_groups_ensure(*, apps: Any = global_apps) -> None:
    """Create the moderators' groups with their permissions where missing (idempotent)."""
    create_permissions(apps.get_app_config("moderation"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in permissions:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)


def _after_migrate(sender: Any, **kwargs: Any) -> None:
    moderator_groups_ensure()
