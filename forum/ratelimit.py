"""Rate limits per member or per browser session, never per IP address (none is stored).

Counts live in the cache (Redis in production, shared by every process).
"""

from __future__ import annotations

import time

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def requester_key(request: HttpRequest) -> str:
    """Who is asking: the member, or else the browser session (created if there is none yet)."""
    if request.user.is_authenticated:
        return f"m{request.user.pk}"
    return session_key(request)


def session_key(request: HttpRequest) -> str:
    """The browser session, logged in or not (created if there is none yet)."""
    if not request.session.session_key:
        request.session.save()
    return f"s{request.session.session_key}"


def rate_limit_hit(*, action: str, who: str, limit: int, window: int) -> int:
    """Count one attempt at `action` by `who`. Returns 0 when allowed, else the seconds to wait.

    At most `limit` attempts per fixed `window` seconds.
    """
    now = int(time.time())
    bucket = now // window
    key = f"rl:{action}:{who}:{bucket}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    if count > limit:
        return max(1, (bucket + 1) * window - now)
    return 0


def rate_limit_wait(*, action: str, limit: int, who: str, window: int) -> int:
    """The seconds `who` must wait before `action` is allowed again (0: now), without counting."""
    now = int(time.time())
    bucket = now // window
    if (cache.get(f"rl:{action}:{who}:{bucket}") or 0) >= limit:
        return max(1, (bucket + 1) * window - now)
    return 0


def rate_limit_reset(*, action: str, who: str, window: int) -> None:
    cache.delete(f"rl:{action}:{who}:{int(time.time()) // window}")


def too_many(wait: int) -> ValidationError:
    minutes = max(1, round(wait / 60))
    return ValidationError(
        ngettext(
            "Je hebt dit te vaak geprobeerd. Probeer het over %(n)d minuut opnieuw.",
            "Je hebt dit te vaak geprobeerd. Probeer het over %(n)d minuten opnieuw.",
            minutes,
        )
        % {"n": minutes}
        + " "
        + _("Wat je hebt ingevuld, staat er nog."),
        code="rate_limited",
    )
