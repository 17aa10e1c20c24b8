"""Encryption at rest for original texts of held posts.

ENCRYPTION_KEY may hold several comma-separated Fernet keys: the first encrypts, all decrypt,
so a key can be rotated without losing the texts that wait for a moderator.
"""

from __future__ import annotations

from functools import cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings


@cache
def _fernet(key_setting: str) -> MultiFernet:
    return MultiFernet([Fernet(k.strip().encode()) for k in key_setting.split(",") if k.strip()])


def seal(text: str) -> str:
    """Encrypt `text` for storage."""
    return _fernet(settings.ENCRYPTION_KEY).encrypt(text.encode()).decode()


def unseal(token: str) -> str:
    """Decrypt a stored text. An empty token is an empty text (the original was deleted)."""
    if not token:
        return ""
    return _fernet(settings.ENCRYPTION_KEY).decrypt(token.encode()).decode()
