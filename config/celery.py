"""The Celery app. Tasks run eagerly unless REDIS_URL names a broker (see settings)."""

import logging.config
import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("praatplein")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.setup_logging.connect
def _logging_without_addresses(**kwargs: object) -> None:
    """Celery's worker and beat log through the project's scrubbing configuration (settings.LOGGING)
    instead of configuring their own handlers."""
    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)
