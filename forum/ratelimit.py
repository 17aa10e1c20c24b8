"""Rate limits per member or per browser session, never per IP address (none is stored).

Counts live in the cache (Redis in production, shared by every process).
"""

from __future__ import annotations

import hashlib
import math
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from config.cache import CacheUnavailable


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


# rate_limit_hit's answer when the cache is down for an action that fails closed: the attempt is
# refused, but not because anyone tried too often (`too_many` and `busy` then say so).
UNCOUNTED = -1


def rate_limit_hit(*, action: str, who: str, limit: int, window: int) -> int:
    """Count one attempt at `action` by `who`. Returns 0 when allowed, else the seconds to wait
    (`UNCOUNTED` when the cache cannot count and `action` is not in `RATE_LIMITS_FAIL_OPEN`).

    At most `limit` attempts in any `window` seconds, counted as a sliding window: the previous
    fixed window's count weighs as much of it as still overlaps the last `window` seconds. A fixed
    window alone would allow twice the limit across its edge (and its count would reset mid-burst).
    """
    now = time.time()
    bucket = int(now // window)
    key = _bucket_key(action, who, bucket)
    cache.add(key, 0, timeout=2 * window + 5)
    try:
        count = cache.incr(key)
        previous = cache.get(_bucket_key(action, who, bucket - 1)) or 0
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=2 * window + 5)
        count, previous = 1, 0
    except CacheUnavailable:  # Redis is down: see config/cache.py
        return 0 if action in settings.RATE_LIMITS_FAIL_OPEN else UNCOUNTED
    if _estimate(previous, count, now, window) > limit:
        return _wait(previous, count, now, window, allowed=limit - 1)
    return 0


def rate_limit_wait(*, action: str, limit: int, who: str, window: int) -> int:
    """The seconds `who` must wait before `action` is allowed again (0: now), without counting."""
    now = time.time()
    bucket = int(now // window)
    current_key, previous_key = _bucket_key(action, who, bucket), _bucket_key(action, who, bucket - 1)
    counts = cache.get_many([current_key, previous_key])
    count, previous = counts.get(current_key, 0), counts.get(previous_key, 0)
    if _estimate(previous, count, now, window) + 1 > limit:
        return _wait(previous, count, now, window, allowed=limit - 1)
    return 0


def rate_limit_reset(*, action: str, who: str, window: int) -> None:
    bucket = int(time.time() // window)
    cache.delete_many([_bucket_key(action, who, bucket), _bucket_key(action, who, bucket - 1)])


def _bucket_key(action: str, who: str, bucket: int) -> str:
    return f"rl:{action}:{who}:{bucket}"


def _estimate(previous: int, count: int, now: float, window: int) -> float:
    """Attempts in the last `window` seconds: this window's count and the overlapping share of the last."""
    overlap = 1 - (now % window) / window
    return previous * overlap + count


def _wait(previous: int, count: int, now: float, window: int, *, allowed: int) -> int:
    """Seconds until the estimate, with no further attempts, is down to `allowed`."""
    left_in_bucket = window - now % window
    if count <= allowed:  # over only through the previous window's share (so previous > 0): it fades
        seconds = left_in_bucket - (allowed - count) * window / previous
    else:  # this window's own count becomes the previous one and fades in the next window
        seconds = left_in_bucket + window * (1 - allowed / count)
    return max(1, math.ceil(seconds))


def cannot_count() -> ValidationError:
    """The message when a limit cannot be counted right now (the cache is down): nobody did wrong."""
    return ValidationError(
        _(
            "We kunnen dit nu even niet controleren. Dat ligt niet aan jou. Probeer het over 1 minuut "
            "opnieuw. Wat je hebt ingevuld, staat er nog."
        ),
        code="rate_limited",
    )


def too_many(wait: int) -> ValidationError:
    if wait == UNCOUNTED:
        return cannot_count()
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


def busy(wait: int) -> ValidationError:
    """The message when a budget shared by everyone (sign-ups, chat starts per minute) is used up."""
    if wait == UNCOUNTED:
        return cannot_count()
    return ValidationError(
        ngettext(
            "Het is nu erg druk. Probeer het over %(n)d seconde opnieuw.",
            "Het is nu erg druk. Probeer het over %(n)d seconden opnieuw.",
            wait,
        )
        % {"n": wait}
        + " "
        + _("Wat je hebt ingevuld, staat er nog."),
        code="rate_limited",
    )


# --- logging in: slowed down per nickname, never locked -------------------------------------

DEVICE_COOKIE = "pp_apparaat"
_DEVICE_SALT = "forum.login.device"


def _nickname_digest(nickname: str) -> str:
    return hashlib.sha256(nickname.strip().lower().encode()).hexdigest()[:24]


def login_delay(*, nickname: str, now: float | None = None) -> int:
    """Seconds a browser unknown to this nickname must wait before the next try (0: now).

    After `free_attempts` wrong passwords for a nickname within `window` seconds, each further try
    waits twice as long after the last wrong one (1, 2, 4 … seconds, at most `max_delay`): a
    sprayer gets a handful of guesses a minute, the owner waits at most a minute — and not at all in
    a browser where they logged in before (`device_known`). Nothing is locked for longer.
    """
    rule = settings.LOGIN_SLOWDOWN
    state = cache.get(f"lf:{_nickname_digest(nickname)}")
    if not state or state[0] < rule["free_attempts"]:
        return 0
    count, last = state
    delay = min(2 ** (count - rule["free_attempts"]), rule["max_delay"])
    return max(0, int(last + delay - (now if now is not None else time.time()) + 0.999))


def login_failed(*, nickname: str) -> None:
    """Count a wrong password for `nickname` (the count lives `window` seconds after the last one)."""
    key = f"lf:{_nickname_digest(nickname)}"
    count = (cache.get(key) or (0, 0.0))[0]
    cache.set(key, (count + 1, time.time()), timeout=settings.LOGIN_SLOWDOWN["window"])


def login_succeeded(*, nickname: str) -> None:
    cache.delete(f"lf:{_nickname_digest(nickname)}")


def device_known(request: HttpRequest, *, nickname: str) -> bool:
    """Whether this browser logged in as `nickname` before (a signed cookie, no address, no id)."""
    return _nickname_digest(nickname) in _device_nicknames(request)


def _device_nicknames(request: HttpRequest) -> list[str]:
    try:
        value = signing.loads(request.COOKIES.get(DEVICE_COOKIE, ""), salt=_DEVICE_SALT)
    except signing.BadSignature:
        return []
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def device_remember(request: HttpRequest, response: HttpResponse, *, nickname: str) -> None:
    """Mark this browser as one where `nickname` logs in (the last five nicknames, a year)."""
    known = [d for d in _device_nicknames(request) if d != _nickname_digest(nickname)]
    value = signing.dumps([_nickname_digest(nickname), *known][:5], salt=_DEVICE_SALT)
    response.set_cookie(
        DEVICE_COOKIE,
        value,
        max_age=365 * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
