"""Normalising what people type before it is stored or screened."""

from __future__ import annotations

import re
import unicodedata

# Zero-width and invisible formatting characters that hide words from readers and filters.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e")
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def clean_input(text: str) -> str:
    """Return `text` in NFC with invisible and control characters removed.

    Line breaks and tabs are kept (as `\\n` and `\\t`); more than one empty line in a
    row becomes one. Nothing visible is changed, so the writer finds their text back.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text.translate(_INVISIBLE))
    return _MANY_BLANK_LINES.sub("\n\n", text)
