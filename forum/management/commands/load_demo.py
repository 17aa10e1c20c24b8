"""`manage.py load_demo`: demo content for every app, never in production.

Each app that has demo content names its loader in settings.DEMO_LOADERS (a callable taking
the output stream); they run in that order, in one transaction, and are idempotent. What the
loaders set off (search indexing, Wagtail's page log: a log line each) is counted and told in one
line; the demo accounts and the address come last, where a person sees them.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils.module_loading import import_string

from forum.demo import accounts_write

# Loggers that write a line per task or per page while the demo loads.
CHATTY = ("django_tasks", "wagtail", "presidio-analyzer")


class _Count(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.tasks = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == "django_tasks" and "state=SUCCESSFUL" in record.getMessage():
            self.tasks += 1


@contextlib.contextmanager
def _quiet() -> Iterator[_Count]:
    """Only warnings from the chatty loggers reach the console; their task lines are counted."""
    count = _Count()
    warnings = logging.StreamHandler()
    warnings.setLevel(logging.WARNING)
    warnings.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    loggers = [logging.getLogger(name) for name in CHATTY]
    saved = [(logger.level, logger.propagate) for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.INFO)
        logger.propagate = False
        logger.addHandler(count)
        logger.addHandler(warnings)
    try:
        yield count
    finally:
        for logger, (level, propagate) in zip(loggers, saved, strict=True):
            logger.setLevel(level)
            logger.propagate = propagate
            logger.removeHandler(count)
            logger.removeHandler(warnings)


class Command(BaseCommand):
    help = "Load the demo content of every app (never in production)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--url", default="", help="The address to print after the demo accounts.")
        parser.add_argument(
            "--accounts-only", action="store_true", help="Only print the demo accounts (and --url)."
        )
        parser.add_argument(
            "--no-accounts", action="store_true", help="Load, but leave the accounts unprinted."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError("Demo content is never loaded in production.")
        if not options["accounts_only"]:
            started = time.monotonic()
            with _quiet() as count, transaction.atomic():
                for path in settings.DEMO_LOADERS:
                    import_string(path)(self.stdout)
            self.stdout.write(
                f"Demo content loaded in {time.monotonic() - started:.0f} s "
                f"({count.tasks} background tasks ran: search index, page references)."
            )
        if options["no_accounts"]:
            return
        self.stdout.write("")
        accounts_write(self.stdout)
        self.stdout.write(
            "Forum: /forum/   Beheer (editors, moderators): /beheer/   Chat (volunteers): /chat/vrijwilliger/"
        )
        if options["url"]:
            self.stdout.write(self.style.SUCCESS(f"Praatplein: {options['url']}  (stop with Ctrl+C)"))
