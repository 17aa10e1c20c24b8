"""The logged-in member's account, read from the cache instead of the database on every request.

Django's ModelBackend loads the account of a session's member with one query per request. This
backend keeps it in the cache, beside the session, under a version of the account's own that changes
whenever the account is saved, deleted or updated in bulk: `account_version_bump`, connected to
Member's post_save and post_delete in forum.apps and called by Member's queryset `update()`
(forum.models.MemberQuerySet, as Wagtail's "set active state" for many users does), so that no path
that blocks, deactivates, deletes or changes a member (services, moderation, the admin, a password
change) can forget it. A kept account is used only when it was stored under the current version, and
a blocked account (`is_active` off) is refused as ModelBackend refuses it: the member is logged out.

The version changes at once and again after the commit: in between, another request could read the
old row and keep it under the first new version. While Redis is down nothing is read from the cache
(every request asks the database) and a change cannot make the kept account stale; so that an account
kept before an outage is not trusted for long after it, an entry lives ACCOUNT_SECONDS at most.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.db import transaction

from config.read_ahead import read_many

ACCOUNT_PREFIX = "forum:account:v1"
ACCOUNT_SECONDS = 5 * 60


def account_keys(member_id: object) -> tuple[str, str]:
    """The cache keys of a member's account version and kept account (a page may read them ahead)."""
    return f"{ACCOUNT_PREFIX}:{member_id}:version", f"{ACCOUNT_PREFIX}:{member_id}:row"


def account_version_bump(*, member_id: object) -> None:
    """Make the kept account of this member stale: now, and again after the commit."""
    version_key, _account_key = account_keys(member_id)
    cache.set(version_key, secrets.token_hex(8), None)
    transaction.on_commit(lambda: cache.set(version_key, secrets.token_hex(8), None))


class CachedAccountBackend(ModelBackend):
    """ModelBackend (nickname and password), with the session's account kept in the cache."""

    def get_user(self, user_id: Any) -> Any:
        model = get_user_model()
        try:
            member_id = model._meta.pk.to_python(user_id)  # type: ignore[union-attr]
        except Exception:  # noqa: BLE001 (a session with a broken id is a visitor, as in ModelBackend)
            return None
        version_key, account_key = account_keys(member_id)
        found = read_many([version_key, account_key])
        version = found.get(version_key)
        if version is None:
            # First use, or evicted: a new version, so that nothing kept before is trusted.
            version = secrets.token_hex(8)
            if not cache.add(version_key, version, None):
                version = cache.get(version_key, version)
        kept = found.get(account_key)
        if kept is not None and kept[0] == version:
            member = kept[1]
        else:
            member = model._default_manager.filter(pk=member_id).first()
            if member is None:
                return None
            cache.set(account_key, (version, member), ACCOUNT_SECONDS)
        return member if self.user_can_authenticate(member) else None
