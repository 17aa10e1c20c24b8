from django.conf import settings
from django.http import HttpRequest


def site_help(request: HttpRequest) -> dict:
    """What every page shows: the crisis numbers."""
    return {"crisis_lines": settings.CRISIS_LINES}
