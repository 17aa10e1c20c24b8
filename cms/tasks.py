"""Celery beat tasks for the information pages."""

from __future__ import annotations

from io import StringIO

from celery import shared_task
from django.core.management import call_command


@shared_task(ignore_result=True)
def publish_scheduled() -> None:
    """Publish pages whose go-live time has come and unpublish those that expired (Wagtail's scheduler).

    Safe to run twice; runs every minute from CELERY_BEAT_SCHEDULE.
    """
    call_command("publish_scheduled", stdout=StringIO())
