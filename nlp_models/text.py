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
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Spaces that look like a space (a no-break space in "06 12 34 56 78" from a phone's contact card).
_SPACES = dict.fromkeys(
    map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"),
    " ",
)
_SPACES.update({0x2028: "\n", 0x2029: "\n"})
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_DIGIT = re.compile(r"\d")  # any decimal digit: full-width "０６", Arabic-Indic "٠٦", ...


def clean_input(text: str) -> str:
    """Return `text` in NFC with invisible and control characters removed.

    Line breaks and tabs are kept (as `\\n` and `\\t`); more than one empty line in a
    row becomes one; spaces of other widths become a plain space, and digits of other
    scripts and widths ("０６１２") the digits 0-9, so no number hides behind its glyphs. Nothing
    else visible is changed, so the writer finds their text back.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", _INVISIBLE.sub(lambda m: m.group(1) or "", text).translate(_SPACES))
    if not text.isascii():
        text = _DIGIT.sub(
            lambda m: m.group() if m.group().isascii() else str(unicodedata.digit(m.group())), text
        )
    return _MANY_BLANK_LINES.sub("\n\n", text)
