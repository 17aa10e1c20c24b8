"""The Celery app. Tasks run eagerly unless REDIS_URL names a broker (see settings)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("praatplein")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
