"""Normalising what people type before it is stored or screened."""

from __future__ import annotations

import re
import unicodedata

# Invisible characters that hide words from readers and filters ("06<U+2066>12345678" reads as a
# phone number): Unicode's format characters (category Cf; not the visible number signs of Arabic,
# Syriac and Kaithi, U+0600-0605, U+06DD, U+070F, U+0890-0891, U+08E2, U+110BD, U+110CD) and the
# combining grapheme joiner. Tag characters are kept inside an emoji flag (England, Scotland, Wales).
_INVISIBLE = re.compile(
    "(\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f)"
    "|[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f]"
)
# A zero-width joiner between two emoji is part of the picture ("👩‍💻", "🏳️‍🌈"); elsewhere it hides.
_EMOJI = re.compile(
    "[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u27bf"
    "\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff]"
)
_EMOJI_TAIL = frozenset("\ufe0f\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Spaces that look like a space (a no-break space in "06 12 34 56 78" from a phone's contact card).
_SPACES = dict.fromkeys(
    map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"),
    " ",
)
_SPACES.update({0x2028: "\n", 0x2029: "\n"})
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_DIGIT = re.compile(r"\d")  # any decimal digit: full-width "０６", Arabic-Indic "٠٦", ...


def _joins_emoji(text: str, at: int) -> bool:
    """Whether the zero-width joiner at `at` stands between two emoji (a modifier may end the first)."""
    before = at - 1
    while before >= 0 and text[before] in _EMOJI_TAIL:
        before -= 1
    return (
        before >= 0
        and at + 1 < len(text)
        and bool(_EMOJI.match(text, before))
        and bool(_EMOJI.match(text, at + 1))
    )


def clean_input(text: str) -> str:
    """Return `text` in NFC with invisible and control characters removed.

    Line breaks and tabs are kept (as `\\n` and `\\t`); more than one empty line in a
    row becomes one; a zero-width joiner is kept only between emoji, so "👩‍👩‍👧" stays one
    picture; spaces of other widths become a plain space, and digits of other
    scripts and widths ("０６１２") the digits 0-9, so no number hides behind its glyphs. Nothing
    else visible is changed, so the writer finds their text back.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))

    def keep(m: re.Match[str]) -> str:
        if m.group(1):
            return m.group(1)
        if m.group() == "\u200d" and _joins_emoji(text, m.start()):
            return "\u200d"
        return ""

    text = _CONTROL.sub("", _INVISIBLE.sub(keep, text).translate(_SPACES))
    if not text.isascii():
        text = _DIGIT.sub(
            lambda m: m.group() if m.group().isascii() else str(unicodedata.digit(m.group())), text
        )
    return _MANY_BLANK_LINES.sub("\n\n", text)
