"""Error pages that speak Dutch where Django's defaults would not."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import defaults


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """A request too large to read (a huge paste) gets a kind page with the way back and help (413);
    other bad requests Django's page."""
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent):
        limit_kb = (
            settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024 if settings.DATA_UPLOAD_MAX_MEMORY_SIZE else None
        )
        return render(request, "too_big.html", {"limit_kb": limit_kb}, status=413)
    return defaults.bad_request(request, exception)
