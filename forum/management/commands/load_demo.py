"""`manage.py load_demo`: demo content for every app, never in production.

Each app that has demo content names its loader in settings.DEMO_LOADERS (a callable taking
the output stream); they run in that order, in one transaction, and are idempotent.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Load the demo content of every app (never in production)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError("Demo content is never loaded in production.")
        with transaction.atomic():
            for path in settings.DEMO_LOADERS:
                import_string(path)(self.stdout)
        self.stdout.write("Demo content loaded. Forum: /forum/  Beheer (editors, moderators): /beheer/")
