from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from chat import selectors


def volunteer(request: HttpRequest) -> dict[str, object]:
    """Whether the volunteers' menu shows the figures (only coordinators see them); asked only when shown."""
    return {"is_coordinator": SimpleLazyObject(lambda: selectors.is_coordinator(request.user))}
