"""A proof of work where a person starts something (sign-up, login, recovery, chat start): ALTCHA.

The browser fetches a signed challenge (`challenge_create`), its widget (`static/vendor/altcha/`)
spends about a second of CPU finding the counter, and the form carries the solution. The server
checks the signature, the solution and what the challenge was for, and accepts each solution once
(`proof_check`). Nothing about the person is in it: no address, no cookie, no pointer data.

Without a solution (JavaScript off, or a script that skips it) a form still goes through, within
a small budget per minute for everyone together (`RATE_LIMITS["<action>_unproven"]`): a child
without JavaScript signs up and logs in; a script that drops its cookie either pays for every
attempt in CPU or shares that small budget.
"""

from __future__ import annotations

import datetime
import enum
import hashlib
import secrets
import time
from typing import Any

import altcha
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from config.cache import CacheUnavailable
from forum.ratelimit import UNCOUNTED, cannot_count, rate_limit_hit

ACTIONS = ("sign_up", "login", "recover", "chat_start")
FIELD = "altcha"  # the form field the widget fills in
_MAX_PAYLOAD = 4000  # characters; a real payload is about 700


class Proof(enum.Enum):
    SOLVED = "solved"  # a fresh, valid solution for this action
    MISSING = "missing"  # none sent: JavaScript off, or a script
    REFUSED = "refused"  # forged, expired, for another action, or used before
    UNCHECKED = "unchecked"  # valid, but the cache cannot say whether it was used before


def _rule() -> dict[str, Any]:
    return settings.ALTCHA


def _keys() -> tuple[str, str]:
    key = str(_rule()["hmac_key"])
    return key, hashlib.sha256(("derived-key:" + key).encode()).hexdigest()


def challenge_create(*, action: str) -> dict:
    """A new signed challenge for `action`, as the widget reads it.

    The server fixes the counter (ALTCHA's deterministic mode) and signs the derived key too, so
    verifying a solution costs one HMAC, and the work asked is drawn from a known range.
    """
    if action not in ACTIONS:
        raise ValueError(action)
    rule = _rule()
    hmac_secret, hmac_key_secret = _keys()
    half = max(1, rule["max_number"] // 2)
    challenge = altcha.create_challenge(
        algorithm=rule["algorithm"],
        cost=rule["cost"],
        counter=half + secrets.randbelow(half),
        expires_at=datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(seconds=rule["expires"]),
        data={"for": action},
        hmac_secret=hmac_secret,
        hmac_key_secret=hmac_key_secret,
    )
    return challenge.to_dict()


def proof_check(*, payload: str, action: str) -> Proof:
    """Whether `payload` (the widget's field) proves fresh work for `action`; marks it used."""
    if not payload:
        return Proof.MISSING
    if len(payload) > _MAX_PAYLOAD:
        return Proof.REFUSED
    hmac_secret, hmac_key_secret = _keys()
    try:
        parsed = altcha.Payload.from_base64(payload)
        result = altcha.verify_solution(parsed, hmac_secret, hmac_key_secret=hmac_key_secret)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return Proof.REFUSED
    parameters = parsed.challenge.parameters
    if not result.verified or (parameters.data or {}).get("for") != action:
        return Proof.REFUSED
    # Accepted once: the first to count this challenge's signature wins, also at the same moment.
    key = "altcha:" + hashlib.sha256(str(parsed.challenge.signature).encode()).hexdigest()[:32]
    timeout = max(1, int((parameters.expires_at or time.time()) - time.time()) + 60)
    cache.add(key, 0, timeout=timeout)
    try:
        uses = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=timeout)
        uses = 1
    except CacheUnavailable:
        return Proof.UNCHECKED
    return Proof.SOLVED if uses == 1 else Proof.REFUSED


def proof_refusal(request: HttpRequest, *, action: str) -> ValidationError | None:
    """Why the form for `action` may not go on, or None.

    A fresh solution lets it through. Without one, it goes through while the budget for everyone
    without a proof lasts (`RATE_LIMITS[action + "_unproven"]`). A forged, expired or reused
    solution is refused. When the cache is down, a solution counts as fresh for the actions that
    fail open (`RATE_LIMITS_FAIL_OPEN`: logging in) and the others are refused kindly.
    """
    proof = proof_check(payload=request.POST.get(FIELD, ""), action=action)
    if proof is Proof.SOLVED:
        return None
    if proof is Proof.UNCHECKED:
        return None if action in settings.RATE_LIMITS_FAIL_OPEN else cannot_count()
    if proof is Proof.REFUSED:
        return ValidationError(
            _(
                "De controle of je geen robot bent, is niet gelukt: hij was verlopen of al gebruikt. "
                "Wacht tot er „Klaar” bij het vakje staat en probeer het dan nog een keer. Wat je "
                "hebt ingevuld, staat er nog."
            ),
            code="proof_refused",
        )
    limit, window = settings.RATE_LIMITS[f"{action}_unproven"]
    wait = rate_limit_hit(action=f"{action}_unproven", who="all", limit=limit, window=window)
    if not wait:
        return None
    if wait == UNCOUNTED:
        return cannot_count()
    return ValidationError(
        ngettext(
            "Het is nu erg druk. Zonder JavaScript kan dit maar een paar keer per minuut, voor iedereen "
            "samen. Probeer het over %(n)d seconde opnieuw, of zet JavaScript aan, dan kan het meteen.",
            "Het is nu erg druk. Zonder JavaScript kan dit maar een paar keer per minuut, voor iedereen "
            "samen. Probeer het over %(n)d seconden opnieuw, of zet JavaScript aan, dan kan het meteen.",
            wait,
        )
        % {"n": wait}
        + " "
        + _("Wat je hebt ingevuld, staat er nog."),
        code="rate_limited",
    )
