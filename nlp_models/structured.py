"""Recognizers for structured personal data: numbers, addresses, links and handles.

Each recognizer is a plain function `text -> list[Finding]`. Candidates are found with a few
compiled regexes and then validated in Python (phone numbers by `phonenumbers`, BSN by the
11-check, IBAN by its checksum), so that one pass over the text stays cheap.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

from nlp_models.lexicons import COMMON_SHORT_WORDS, FUNCTION_WORDS, SAFE_DOMAINS
from nlp_models.types import Finding

if TYPE_CHECKING:
    from nlp_models import names

PLACEHOLDERS: dict[str, str] = {
    "PERSON": "[naam]",
    "PHONE": "[telefoonnummer]",
    "EMAIL": "[e-mailadres]",
    "ADDRESS": "[adres]",
    "POSTCODE": "[postcode]",
    "BSN": "[bsn]",
    "IBAN": "[rekeningnummer]",
    "HANDLE": "[gebruikersnaam]",
    "URL": "[link]",
    "SCHOOL": "[school]",
    "BIRTHDATE": "[geboortedatum]",
    "PLATE": "[kenteken]",
    "PROFANITY": "***",
}


def _finding(kind: str, start: int, end: int, score: float, source: str) -> Finding:
    return Finding(kind, start, end, score, source, PLACEHOLDERS[kind])


# --- phone numbers -----------------------------------------------------------------------

# How a number can be written so that a reader still reads it: every dash (Unicode's dash
# punctuation, the minus signs), full-width and other compatibility forms ("０６", "＋31", "①"),
# separators that read as a gap ("_", "・", "·", a keycap's marks) and every kind of space. The
# phone recognizers read a *view* of the text in which each such character is replaced by one plain
# character ("-", " ", its NFKC form when that is one character), so every offset in the view is an
# offset in the text and a finding marks what the writer typed.
_MINUS_LIKE = frozenset("\u2212\u2796\ufe63\uff0d\u02d7\u2043\u207b\u208b\u30fc\uff70\u2011")
_GAP_LIKE = frozenset(
    "_\u00b7\u0387\u2022\u2027\u2219\u22c5\u30fb\uff65\u2981\u2e31\u2e33\ufe0f\u20e3"
    "\u2800\u3164\u115f\u1160\uffa0\u180e"
)
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


class _NumberFold(dict[int, str]):
    """`str.translate` table, filled on first sight of each character (most texts use few)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = unicodedata.normalize("NFKC", ch)
        if len(folded) != 1:
            folded = ch  # "⑴" is three characters in NFKC: kept, so offsets still map one to one
        if folded in _MINUS_LIKE or unicodedata.category(folded) == "Pd":
            out = "-"
        elif folded in _LINE_BREAKS:
            out = "\n"
        elif folded in _GAP_LIKE or folded.isspace() or unicodedata.category(folded) in ("Zs", "Cf", "Cc"):
            out = " "
        elif folded.isdecimal():
            out = str(unicodedata.decimal(folded))
        else:
            out = folded
        self[code] = out
        return out


_ASCII_FOLD = {ord("_"): " ", ord("\t"): " "}
_FOLD = _NumberFold(_ASCII_FOLD)


def number_view(text: str) -> str:
    """`text` with every way of writing a digit, dash or gap read as ASCII; same length as `text`."""
    if text.isascii():
        return text.translate(_ASCII_FOLD) if "_" in text or "\t" in text else text
    return text.translate(_FOLD)


# A whole run of digit groups is one candidate (a bounded count split "12345678 06-12345678" after
# "06" and missed the number); each group start is then tried, with at most 15 digits.
_PHONE_CANDIDATE = re.compile(r"(?<![^\W_])(?:\+|00)?\(?\d(?:[ \t.\-/()]{0,3}\d){7,}(?![\d])")
_DIGIT = re.compile(r"\d")
# A mobile number glued to the word before it ("bel me0612345678"), which the candidate above skips.
_GLUED_MOBILE = re.compile(r"(?<=[^\W\d_])(?:\+31|0031|0)6[ .\-]?\d{8}(?!\d)")
_MIRROR = str.maketrans("()", ")(")
# Backwards, only what is surely a phone number counts: a valid number, or a mobile number's shape.
_MOBILE_START = re.compile(r"(?:\+31|0031|0)[ \-.]*\(?0?\)?[ \-.]*6")


def _phone_length(digits: str, international: bool) -> tuple[int, ...]:
    """The digit counts a Dutch or Belgian number written this way can have."""
    if international or digits.startswith("00"):
        lead = 2 if digits.startswith("00") else 0
        cc = digits[lead : lead + 2]
        if cc == "31":
            return (lead + 12, lead + 11)  # "+31 (0)6 ..." keeps the trunk zero
        if cc == "32":
            return (lead + 11, lead + 10)
        return ()
    if digits.startswith("0"):
        return (10, 9)
    return ()


def _phone_at(text: str, start: int, positions: list[int]) -> Finding | None:
    """A phone number whose first digit (or "+", "(") is at `start`, with these digit positions."""
    digits = "".join(text[p] for p in positions)
    if text[start] == "+" and digits.startswith("0") and not digits.startswith("00"):
        start = positions[0]  # "+0612345678": a stray plus before a national number
    for n in _phone_length(digits, text[start] == "+"):
        if len(digits) < n:
            continue
        end = positions[n - 1] + 1
        number = text[start:end]
        if number.count("/") > 1:
            continue
        try:
            parsed = phonenumbers.parse(number.replace("(0)", ""), "NL")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(parsed):
            score = 1.0 if phonenumbers.is_valid_number(parsed) else 0.85
            return _finding("PHONE", start, end, score, "phonenumbers:NL/BE")
    return None


def _phones_in_run(text: str, run_start: int, run: str) -> list[Finding]:
    """The phone numbers in one candidate run `run`, found at `run_start` of `text`."""
    found = []
    positions = [run_start + d.start() for d in _DIGIT.finditer(run)]
    # Try each digit group as a start: "groep 8 0612345678" is a number after a number.
    k = 0
    while k < len(positions):
        start = run_start if k == 0 else positions[k]
        if k > 0 and positions[k] - positions[k - 1] == 1:
            k += 1
            continue
        hit = _phone_at(text, start, positions[k : k + 15])
        if hit:
            found.append(hit)
            k = next((i for i, p in enumerate(positions) if p >= hit.end), len(positions))
        else:
            k += 1
    return found


def _with_keycap(text: str, hit: Finding) -> Finding:
    """`hit` with the keycap marks after its last digit ("8️⃣"), which the view reads as gaps."""
    end = hit.end
    while end < len(text) and text[end] in "\ufe0f\u20e3":
        end += 1
    return hit if end == hit.end else _finding(hit.type, hit.start, end, hit.score, hit.source)


def _covered(findings: list[Finding]) -> int:
    return sum(f.end - f.start for f in findings)


def find_phones(text: str) -> list[Finding]:
    """Phone numbers however their digits, dashes and gaps are written, also typed backwards.

    Backwards: "87654321-60" is what is left of "06-12345678" typed in reverse behind a
    right-to-left override once the override is removed; a reader can still read it.
    """
    view = number_view(text)
    found = []
    for m in _PHONE_CANDIDATE.finditer(view):
        hits = _phones_in_run(view, m.start(), m.group())
        end = m.end() + (view[m.end() : m.end() + 1] == "+")
        # Read backwards too when read forwards finds only part of the run ("36-01-14-41-6 13+" holds
        # "01-14-41-6 13" forwards, and all of "+31 6-14-41-10-63" backwards): the fuller reading wins.
        # A forwards reading of the whole run cannot be beaten, so the common case reads once.
        if _covered(hits) < end - m.start():
            backwards = view[m.start() : end][::-1].translate(_MIRROR)
            reversed_hits = [
                _finding("PHONE", end - h.end, end - h.start, 0.9, "phonenumbers:NL/BE reversed")
                for h in _phones_in_run(backwards, 0, backwards)
                if h.score == 1.0 or _MOBILE_START.match(backwards, h.start)
            ]
            if _covered(reversed_hits) > _covered(hits):
                hits = reversed_hits
        found += [_with_keycap(text, h) for h in hits]
    found += [
        _finding("PHONE", m.start(), m.end(), 0.9, "regex:glued_mobile") for m in _GLUED_MOBILE.finditer(view)
    ]
    return found


_SPELLED_DIGITS = {
    "nul": 0,
    "een": 1,
    "één": 1,
    "eén": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
}
_SPELLED_NUMERALS = r"nul|een|één|eén|twee|drie|vier|vijf|zes|zeven|acht|negen|plus"
_SPELLED_ALTERNATIVES = rf"(?:{_SPELLED_NUMERALS})(?![^\W\d_])|\+?\d{{1,12}}(?!\d)"
# Words and figures may be glued ("nul zes12345678"), but a word must not go on ("eentje", "zesde").
_SPELLED_RUN = re.compile(
    rf"(?<![^\W\d_])(?:(?:{_SPELLED_ALTERNATIVES})[ \t,.\-/]*){{2,}}",
    re.IGNORECASE,
)
_SPELLED_TOKEN = re.compile(_SPELLED_ALTERNATIVES, re.IGNORECASE)


def _spelled_number_end(words: list[str], tokens: list[re.Match[str]]) -> int | None:
    """Where the longest phone number made of these words (spelled digits and figures mixed) ends."""
    digits = ""
    end = None
    for word, token in zip(words, tokens, strict=True):
        if word == "plus":
            if digits:
                break
            digits = "+"
            continue
        digits += word if word.lstrip("+").isdigit() else str(_SPELLED_DIGITS[word])
        if len(digits.lstrip("+")) > 15:
            break
        if len(digits.lstrip("+")) >= 9:
            try:
                parsed = phonenumbers.parse(digits, "NL")
            except phonenumbers.NumberParseException:
                continue
            if parsed.country_code in (31, 32) and (
                phonenumbers.is_valid_number(parsed)
                or (phonenumbers.is_possible_number(parsed) and _MOBILE_START.match(digits))
            ):
                end = token.end()
    return end


def _spelled_spans(view: str) -> Iterator[tuple[int, int, float]]:
    for m in _SPELLED_RUN.finditer(view):
        tokens = list(_SPELLED_TOKEN.finditer(m.group()))
        words = [t.group().lower() for t in tokens]
        n_spelled = sum(not w.lstrip("+").isdigit() for w in words)
        if not n_spelled:
            continue  # figures only: find_phones reads them
        mixed_end = _spelled_number_end(words, tokens)
        if mixed_end is not None:
            yield m.start(), m.start() + mixed_end, 0.9
            continue
        n_digits = sum(len(w.lstrip("+")) if w.lstrip("+").isdigit() else w != "plus" for w in words)
        if n_digits < 8 or n_spelled < 4:
            continue
        starts_like_phone = words[0] in ("nul", "0", "plus") or words[0].startswith(("0", "+"))
        if not starts_like_phone and n_digits < 9:
            continue
        yield m.start(), m.start() + tokens[-1].end(), 0.9 if starts_like_phone else 0.7


# Spelled digits typed backwards behind a right-to-left override ("87654321 sez lun").
_SPELLED_BACKWARDS = re.compile(
    r"(?<![^\W\d_])(?:lun|nee|eewt|eird|reiv|fjiv|sez|nevez|thca)(?![^\W\d_])", re.IGNORECASE
)


def find_spelled_phones(text: str) -> list[Finding]:
    """Phone numbers written out digit by digit ("nul zes een twee ..."), also mixed with figures
    ("nul zes 12345678") and typed backwards."""
    view = number_view(text)
    found = [_finding("PHONE", a, b, score, "rule:spelled_phone") for a, b, score in _spelled_spans(view)]
    if _SPELLED_BACKWARDS.search(view):
        n = len(view)
        found += [
            _finding("PHONE", n - b, n - a, score, "rule:spelled_phone reversed")
            for a, b, score in _spelled_spans(view[::-1])
        ]
    return found


# --- e-mail --------------------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12}\b", re.IGNORECASE)
_AT = (
    r"(?:\s*[\(\[\{<]\s*(?:at|@|a|apenstaartje)\s*[\)\]\}>]\s*|\s+(?:at|apenstaartje|"
    r"apestaartje|apenstaart|@)\s+|\s*@\s*)"
)
_DOT = r"(?:\s*[\(\[\{<]\s*(?:dot|punt|\.)\s*[\)\]\}>]\s*|\s+(?:dot|punt)\s+|\s*\.\s*)"
_TLD = r"(?:com|nl|be|net|org|eu|de|info|live|me|io|fr|uk|co)"
_PROVIDERS = (
    r"(?:gmail|hotmail|outlook|live|ziggo|kpnmail|kpnplanet|planet|icloud|yahoo|xs4all|"
    r"telfort|home|msn|proton|protonmail|quicknet|caiway|online|tele2)"
)
_EMAIL_OBFUSCATED = re.compile(
    rf"(?<![\w.+-])[\w.+-]*\w{_AT}(?:[\w-]+{_DOT})*?(?:[\w-]+{_DOT}{_TLD}\b|{_PROVIDERS}\b)", re.IGNORECASE
)


def find_emails(text: str) -> list[Finding]:
    found = [_finding("EMAIL", m.start(), m.end(), 1.0, "regex:email") for m in _EMAIL.finditer(text)]
    for m in _EMAIL_OBFUSCATED.finditer(text):
        local = m.group().split("@")[0].split("(")[0].split("[")[0].split()[0] if m.group().strip() else ""
        if local.lower() in FUNCTION_WORDS and len(local) < 4:
            continue
        found.append(_finding("EMAIL", m.start(), m.end(), 0.9, "regex:email_obfuscated"))
    return found


# --- links ---------------------------------------------------------------------------------

_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    r"|(?<![\w@.-])(?:[\w-]+\.)+(?:com|nl|be|net|org|tv|gg|io|me|app|ly|co|eu|de|info|link|xyz|fm|to|live)"
    r"(?:/[^\s<>\"']*)?(?![\w@])"
    r"|(?<![\w@.-])(?:[\w-]+\.)+[a-z]{2,6}/[^\s<>\"']+",
    re.IGNORECASE,
)


def find_urls(text: str) -> list[Finding]:
    found = []
    for m in _URL.finditer(text):
        start, end = m.start(), m.end()
        while end > start and text[end - 1] in ".,;:!?)]}'\"":
            end -= 1
        url = text[start:end].lower()
        bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", url).rstrip("/")
        if bare in SAFE_DOMAINS:
            continue  # a shop or a helpline, not a person
        score = 1.0 if url.startswith(("http", "www")) or "/" in url else 0.8
        found.append(_finding("URL", start, end, score, "regex:url"))
    return found


# --- handles -------------------------------------------------------------------------------

_AT_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}(?<![.])")
_DISCORD = re.compile(r"(?<![\w#])[\w.]{2,32}#\d{4}(?!\d)")
_PLATFORMS = (
    r"snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|tt|discord|roblox|fortnite|psn|playstation|xbox|"
    r"gamertag|gamer\s?tag|steam|twitch|youtube|yt|minecraft|epic(?:\s?games)?|brawl\s?stars|clash|"
    r"valorant|fifa|kik|telegram|signal|twitter|threads|bereal|pinterest|spotify|whatsapp|paypal(?:\.me)?"
)
_HANDLE_CONTEXT = re.compile(
    rf"(?<!\w)(?:{_PLATFORMS})(?:[\s-]?(?:naam|name|account|acc|id|tag|username|gebruikersnaam))?"
    r"(?P<sep>\s*(?:is|=|:|->|=>|-)\s*|\s+(?:heet|staat\s+op|onder|als)\s+|\s+)"
    r"@?(?P<handle>[\w][\w.\-]{1,29}(?:#\d{4})?)",
    re.IGNORECASE,
)
_HANDLE_VERB = re.compile(
    r"(?<!\w)(?:add|adden|voeg|volg|follow|zoek)\s+(?:me|mij)\s+(?:(?:toe\s+)?(?:op|on|via)\s+(?:"
    + _PLATFORMS
    + r")\s*:?\s*)@?(?P<handle>[\w][\w.\-]{1,29})",
    re.IGNORECASE,
)


# What an account is rather than what it is called: "mijn insta is privé", "mijn snap is gehackt".
ACCOUNT_STATES = frozenset(
    """
    prive privé gehackt gehacked gehacket verwijderd kapot geblokkeerd geband gebanned openbaar dicht open
    nieuw leeg saai stom raar gestolen afgepakt offline down vol gesloten beveiligd weg verdwenen stuk
    verbannen opgeschort tijdelijk uit aan traag privéé
    """.split()
)


def _looks_like_handle(word: str, explicit: bool) -> bool:
    low = word.lower()
    if low in FUNCTION_WORDS or low in COMMON_SHORT_WORDS or low in ACCOUNT_STATES:
        return False
    if explicit:
        return True
    return bool(re.search(r"[\d_.]", word)) or any(c.isupper() for c in word[1:])


_UNDERSCORE_HANDLE = re.compile(r"(?<![\w@.#/])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+(?![\w@])")
_DIGIT_HANDLE = re.compile(
    r"(?<![\w@.#/])(?:[A-Za-z]{3,}[._]?\d{2,4}|[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]{2,})+)(?![\w@]|\.\w)"
)
_HANDLE_HINT = re.compile(
    r"snap|insta|tiktok|discord|roblox|fortnite|account|gebruikersnaam|username|naam|heet|add|toevoegen|"
    r"volg|gamertag|psn|xbox|steam",
    re.IGNORECASE,
)


_HANDLE_THERE = re.compile(
    rf"(?i:(?:op|in|on)\s+(?:{_PLATFORMS})[^.!?\n]{{0,30}}?\b(?:heet|ben)\s+(?:ik|hij|zij|ze)(?:\s+daar)?"
    rf"|\b(?:heet|ben)\s+(?:ik|hij|zij|ze)\s+(?:op|in)\s+(?:{_PLATFORMS})"
    r"|\b(?:heet|noem)\s+(?:ik|hij|zij|ze)\s+daar)\s+(?:\(|\bals\s+)?@?(?P<handle>[\w][\w.\-]{1,29}(?:#\d{4})?)"
)


# A game's own name for a player: a Riot ID ("ShadowNoor#EUW", "kai#1234" is Discord's), a Supercell
# player tag ("#9QLR2PV": capitals and digits), a Nintendo friend code ("SW-1234-5678-9012").
_RIOT_ID = re.compile(r"(?<![\w#@/])[A-Za-z][\w.]{2,15}#(?:[A-Z]{2,5}|[A-Z0-9]*\d[A-Z0-9]*)(?![\w#])")
_PLAYER_TAG = re.compile(r"(?<![\w#&/])#(?=[0-9A-Z]*\d)(?=[0-9A-Z]*[A-Z])[0-9A-Z]{5,12}(?![\w])")
_FRIEND_CODE = re.compile(r"(?<![\w-])SW[-\s]?\d{4}[-\s]?\d{4}[-\s]?\d{4}(?![\w-])", re.IGNORECASE)
# What someone is called in a game or on a platform: "hij heet online xVortex", "ze heet op discord
# Nightfall", "hij noemt zich in de game 'Kaz'".
_CALLED_ONLINE = re.compile(
    r"(?i:\b(?:heet|heette|heten|noemt\s+(?:hij\s+|zij\s+|ze\s+)?zich(?:zelf)?|noemde\s+zich)\s+"
    r"(?:(?:online|daar|ingame|in[\s-]game|in\s+(?:de|het|die|dat)\s+(?:game|spel|chat|app|groep|server)|"
    rf"op\s+(?:{_PLATFORMS}|de\s+server|het\s+internet|internet))\s+){{1,2}})"
    r"['\"‘“(]?@?(?P<handle>[\w][\w.\-]{1,29}(?:#\w{2,5})?)"
)


def find_handles(text: str) -> list[Finding]:
    found = [
        _finding("HANDLE", m.start(), m.end(), 0.8, "regex:underscore_handle")
        for m in _UNDERSCORE_HANDLE.finditer(text)
    ]
    for m in _DIGIT_HANDLE.finditer(text):
        if _HANDLE_HINT.search(text, max(0, m.start() - 50), m.start()):
            found.append(_finding("HANDLE", m.start(), m.end(), 0.7, "context:handle_like"))
    found += [
        _finding("HANDLE", m.start(), m.end(), 0.95, "regex:at_handle") for m in _AT_HANDLE.finditer(text)
    ]
    found += [
        _finding("HANDLE", m.start(), m.end(), 0.95, "regex:discord_tag") for m in _DISCORD.finditer(text)
    ]
    for m in _HANDLE_CONTEXT.finditer(text):
        handle = m.group("handle").rstrip(".-")
        explicit = bool(m.group("sep").strip())
        if not _looks_like_handle(handle, explicit):
            continue
        start = m.start("handle")
        if text[start - 1 : start] == "@":
            start -= 1
        found.append(_finding("HANDLE", start, m.start("handle") + len(handle), 0.85, "context:platform"))
    for pattern, score, source in (
        (_RIOT_ID, 0.9, "regex:riot_id"),
        (_PLAYER_TAG, 0.85, "regex:player_tag"),
        (_FRIEND_CODE, 0.9, "regex:friend_code"),
    ):
        found += [_finding("HANDLE", m.start(), m.end(), score, source) for m in pattern.finditer(text)]
    # A name after the words that introduce it: "heet op discord X", "hij heet online X", "add me X".
    for pattern, source in (
        (_HANDLE_THERE, "context:name_on_platform"),
        (_CALLED_ONLINE, "context:called_online"),
        (_HANDLE_VERB, "context:add_me"),
    ):
        for m in pattern.finditer(text):
            handle = m.group("handle").rstrip(".-")
            if _looks_like_handle(handle, True):
                found.append(
                    _finding("HANDLE", m.start("handle"), m.start("handle") + len(handle), 0.85, source)
                )
    return found


# --- postcodes, addresses ------------------------------------------------------------------

_POSTCODE = re.compile(r"(?<![^\W_])(?<!\d-)[1-9]\d{3}[ \t]?(?!SA|SD|SS)[A-Z]{2}(?![^\W_])")
_POSTCODE_LOWER = re.compile(r"(?<![^\W_])(?<!\d-)[1-9]\d{3}(?:[a-z]{2}|[ \t][a-z]{2})(?![^\W_])")
_POSTCODE_CONTEXT = re.compile(r"postcode|woon|adres|straat|laan|weg\b", re.IGNORECASE)


def find_postcodes(text: str) -> list[Finding]:
    found = [
        _finding("POSTCODE", m.start(), m.end(), 0.9, "regex:postcode") for m in _POSTCODE.finditer(text)
    ]
    for m in _POSTCODE_LOWER.finditer(text):
        letters = m.group()[-2:].lower()
        spaced = not m.group()[4].isalpha()
        if spaced and (
            letters in COMMON_SHORT_WORDS
            or not _POSTCODE_CONTEXT.search(text, max(0, m.start() - 40), m.start())
        ):
            continue
        if letters in {"sa", "sd", "ss"} or letters in COMMON_SHORT_WORDS and spaced:
            continue
        found.append(_finding("POSTCODE", m.start(), m.end(), 0.8, "regex:postcode"))
    return found


_STREET_SUFFIX = (
    r"straat|laan|weg|plein|gracht|kade|singel|dijk|pad|hof|steeg|dreef|plantsoen|markt|ring|allee|"
    r"baan|erf|wal|burg|park|haven|brink|dam|boulevard|promenade|pleintje|akker|weide|straatje|stede|"
    r"veld|hoven|polder|oord|rade|donk|daal|dal|zoom|wijk|lei|vaart|hage|horst|tuin|hoeve|bosch"
)
_ADDRESS = re.compile(
    r"(?<![\w-])(?P<street>(?:[A-Z][\w'.-]+\s+(?:(?:van|de|der|den|het|ten|ter|'t|v\.d\.)\s+)*){0,3}"
    rf"(?:[A-Za-z][a-zà-ÿ'-]*?(?i:{_STREET_SUFFIX})(?:-(?:[Oo]ost|[Ww]est|[Nn]oord|[Zz]uid|[A-Z][a-zà-ÿ]+))?"
    r"|(?:Laan|Plein|Kade|Singel|Weg|Dreef|Hof|Straat)\s+(?:van\s+|der\s+|de\s+|den\s+)*[A-Z][\w'-]+"
    # a separate street word after a name: "Oude Gracht", "Nieuwe Markt", "Lange Voorhout"-like
    r"|[A-Z][a-zà-ÿ'.-]+\s+(?:Gracht|Straat|Laan|Weg|Kade|Plein|Singel|Dijk|Markt|Steeg|Dreef|Wal|Haven|Dam|Ring)))"
    r"\s+(?:nr\.?\s*|nummer\s+)?(?P<number>\d{1,4}(?:\s?[a-zA-Z](?![\w]))?(?:\s?-\s?\d{1,4}|"
    r"\s?[-/]\s?[a-zA-Z0-9]{1,3}|\s+bis\b)?)(?![\w,.]\d)",
)
_NOT_STREETS = frozenset(
    "onderweg halfweg snelweg fietspad voetpad zebrapad wandelpad pad weg hof park ring baan dam markt kade "
    "speelplein schoolplein plein veld voetbalveld sportveld dijk zeedijk erf wal haven dal wijk tuin "
    "moestuin achtertuin voortuin dierentuin speeltuin bosch lei oord stede hoeve horst donk polder "
    "loopbaan ijsbaan racebaan atletiekbaan schaatsbaan zwembaan glijbaan kermis baan rijbaan "
    "thuishaven vaart zeevaart luchtvaart scheepvaart kinderboerderij weide akker daal hage "
    "hemelvaart bedevaart sneeuwwijk buitenwijk woonwijk nieuwbouwwijk jaarmarkt vrijmarkt "
    "supermarkt vlooienmarkt rommelmarkt boulevard promenade straat laan gracht steeg dreef singel "
    "kinderdagverblijf wereld uitweg omweg zijweg toegangsweg rondweg ringweg autoweg rijweg "
    "zandweg achterweg landweg hoofdweg wegwijk middenweg oprit".split()
)
_NUMBER_UNITS = re.compile(
    r"\s*(?:uur|keer|jaar|jaren|minuten|min|seconden|sec|dagen|dag|weken|maanden|km|kilometer|meter|m|"
    r"euro|eu|cent|procent|%|kilo|kg|gram|punten|personen|mensen|kinderen|stuks|x)\b",
    re.IGNORECASE,
)


_HOUSE_NUMBER = re.compile(r"(?<![\w,.])\d{1,4}(?!\d)")


def _address_matches(text: str) -> Iterator[re.Match[str]]:
    """Address matches, searched only in a window before each number (cheap on long texts)."""
    seen_end = -1
    for num in _HOUSE_NUMBER.finditer(text):
        if num.start() < seen_end:
            continue
        window = max(0, num.start() - 90)
        for m in _ADDRESS.finditer(text, window, min(len(text), num.end() + 12)):
            if m.start("number") == num.start() and m.start() >= seen_end:
                seen_end = m.end()
                yield m
                break


_HOUSE_NUMBER_ONLY = re.compile(
    r"\b(?i:woon|adres)[^.!?\n]{0,40}?\b(?P<number>(?i:huisnummer|nummer|nr\.?)\s*\d{1,4}[a-zA-Z]?)\b"
)


# The number before the street: "ik woon op nummer 23 van de Lindelaan".
_NUMBER_THEN_STREET = re.compile(
    r"\b(?i:huisnummer|nummer|nr\.?)\s*\d{1,4}[a-zA-Z]?\s+(?:van|in|aan|op)\s+(?:de|het)\s+"
    rf"(?:[A-Z][\w'-]+\s+){{0,2}}[A-Za-z][a-zà-ÿ'-]*?(?i:{_STREET_SUFFIX})\b"
)


def find_addresses(text: str) -> list[Finding]:
    found = [
        _finding("ADDRESS", m.start("number"), m.end("number"), 0.7, "context:house_number")
        for m in _HOUSE_NUMBER_ONLY.finditer(text)
    ]
    found += [
        _finding("ADDRESS", m.start(), m.end(), 0.85, "regex:number_then_street")
        for m in _NUMBER_THEN_STREET.finditer(text)
    ]
    for m in _address_matches(text):
        street = m.group("street")
        last = street.split()[-1].lower()
        if last in _NOT_STREETS and street == street.split()[-1] and not street[0].isupper():
            continue
        if _NUMBER_UNITS.match(text, m.end()):
            continue
        score = 0.9 if street[0].isupper() else 0.75
        start = m.start()
        for word in re.finditer(r"\S+\s+", street):  # "In de Grote Markt 3": the street starts at "Grote"
            w = word.group().strip()
            if w.lower() not in FUNCTION_WORDS or w in ("Van", "Ten", "Ter", "Der", "Den"):
                break  # "Van Goghlaan": a tussenvoegsel with a capital belongs to the street
            start = m.start() + word.end()
        found.append(_finding("ADDRESS", start, m.end(), score, "regex:street_number"))
    return found


# --- BSN, IBAN, plates ---------------------------------------------------------------------

_BSN = re.compile(r"(?<![^\W_])(?<!\d[.\-])\d(?:[ .\-]?\d){8}(?![^\W_]|[.\-]\d)")
# "NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", and "NL 91 ABNA ..." with the country apart.
# The country apart only in capitals: "op 06-12..." is no IBAN, and a failed candidate would hide the next.
_IBAN = re.compile(
    r"(?<![^\W_])(?:(?-i:[A-Z]{2})[ \t]|[A-Za-z]{2})\d{2}(?:[ \t.\-]?[A-Za-z0-9]){10,30}", re.IGNORECASE
)
_IBAN_LENGTHS = {
    "NL": 18,
    "BE": 16,
    "DE": 22,
    "FR": 27,
    "GB": 22,
    "ES": 24,
    "IT": 27,
    "LU": 20,
    "AT": 20,
    "PL": 28,
    "TR": 26,
}
_NL_IBAN_SHAPE = re.compile(r"NL\d{2}[A-Z]{4}\d{10}")


def find_bsns(text: str) -> list[Finding]:
    found = []
    for m in _BSN.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if len(digits) == 9 and stdnum_bsn.is_valid(digits):
            found.append(_finding("BSN", m.start(), m.end(), 1.0, "stdnum:bsn_11check"))
    return found


def find_ibans(text: str) -> list[Finding]:
    found = []
    for m in _IBAN.finditer(text):
        chars = [(m.start() + i, c) for i, c in enumerate(m.group()) if c.isalnum()]
        compact = "".join(c for _, c in chars).upper()
        lengths = (
            [_IBAN_LENGTHS[compact[:2]]]
            if compact[:2] in _IBAN_LENGTHS
            else range(min(len(compact), 34), 14, -1)
        )
        for n in lengths:
            if len(compact) < n:
                continue
            candidate = compact[:n]
            valid = stdnum_iban.is_valid(candidate)
            if valid or _NL_IBAN_SHAPE.fullmatch(candidate):
                found.append(
                    _finding("IBAN", m.start(), chars[n - 1][0] + 1, 1.0 if valid else 0.8, "stdnum:iban")
                )
                break
    return found


_SIDECODES = (
    "LL-DD-DD",
    "DD-DD-LL",
    "DD-LL-DD",
    "LL-DD-LL",
    "LL-LL-DD",
    "DD-LL-LL",
    "DD-LLL-D",
    "D-LLL-DD",
    "LL-DDD-L",
    "L-DDD-LL",
    "LLL-DD-L",
    "L-DD-LLL",
    "D-LL-DDD",
    "DDD-LL-D",
)


def _sidecode_regex(sep: str) -> str:
    parts = []
    for code in _SIDECODES:
        groups = [("[A-Z]" if g[0] == "L" else r"\d") + f"{{{len(g)}}}" for g in code.split("-")]
        parts.append(sep.join(groups))
    return r"(?<![^\W_])(?<!\w-)(?:" + "|".join(parts) + r")(?![^\W_]|-\w)"


_PLATE_DASH = re.compile(_sidecode_regex("-"), re.IGNORECASE)
_PLATE_SPACE = re.compile(_sidecode_regex(" "))


def find_plates(text: str) -> list[Finding]:
    found = [
        _finding("PLATE", m.start(), m.end(), 0.95, "regex:sidecode") for m in _PLATE_DASH.finditer(text)
    ]
    found += [
        _finding("PLATE", m.start(), m.end(), 0.8, "regex:sidecode") for m in _PLATE_SPACE.finditer(text)
    ]
    return found


# --- dates of birth ------------------------------------------------------------------------

_MONTHS = (
    r"januari|jan|februari|feb|maart|mrt|april|apr|mei|juni|jun|juli|jul|augustus|aug|"
    r"september|sept|sep|oktober|okt|november|nov|december|dec"
)
_DATE_NUMERIC = re.compile(
    r"(?<![\w\-/.])(?:0?[1-9]|[12]\d|3[01])(?P<s>[-/.])(?:0?[1-9]|1[0-2])(?P=s)(?P<year>(?:19|"
    r"20)\d{2})(?![\w])"
)
_DATE_WORDS = re.compile(
    rf"(?<![\w])(?:0?[1-9]|[12]\d|3[01])(?:e|ste|de)?\s+(?:{_MONTHS})\.?(?:\s+|"
    rf"\s*,\s*|\s*')(?P<year>(?:19|20)?\d{{2}})(?![\w])",
    re.IGNORECASE,
)
_DATE_DAY_MONTH = re.compile(
    rf"(?<![\w])(?:0?[1-9]|[12]\d|3[01])(?:e|ste|de)?(?:\s+(?:{_MONTHS})\b\.?|"
    rf"[-/.](?:0?[1-9]|1[0-2])(?![\d\-/.]))",
    re.IGNORECASE,
)
_BIRTH_CONTEXT = re.compile(
    r"geboren|jarig|verjaardag|geboortedatum|geb\.|birthday|bday|b-day|verjaar", re.IGNORECASE
)


def find_birthdates(text: str) -> list[Finding]:
    found = []
    for pattern in (_DATE_NUMERIC, _DATE_WORDS):
        for m in pattern.finditer(text):
            year = m.group("year")
            year_n = int(year) if len(year) == 4 else 2000 + int(year) if int(year) < 30 else 1900 + int(year)
            context = _BIRTH_CONTEXT.search(text, max(0, m.start() - 50), min(len(text), m.end() + 30))
            if context or 1930 <= year_n <= 2022:
                found.append(_finding("BIRTHDATE", m.start(), m.end(), 0.9 if context else 0.7, "regex:date"))
    for ctx in _BIRTH_CONTEXT.finditer(text):
        day_month = _DATE_DAY_MONTH.search(text, ctx.end(), min(len(text), ctx.end() + 25))
        if day_month:
            found.append(_finding("BIRTHDATE", day_month.start(), day_month.end(), 0.75, "context:birthday"))
    return found


# --- schools -------------------------------------------------------------------------------

_SCHOOL_TYPES = (
    r"College|Lyceum|Gymnasium|Atheneum|Scholengemeenschap|Scholengroep|Campus|Mavo|"
    r"Havo|Vwo|Vmbo|Academie|School"
)
_SCHOOL_AFTER_NAME = re.compile(
    rf"(?<![\w])(?P<name>(?:[A-Z][\w'.-]*\s+(?:(?:van|de|der|den|het|ten|ter|"
    rf"'t)\s+)*){{1,4}})(?:{_SCHOOL_TYPES})(?![\w])"
)
_SCHOOL_COMPOUND = re.compile(
    r"(?<![\w])(?:(?:Sint|St\.?|Heilig(?:e)?|Onze\s+Lieve\s+Vrouwe)\s+)?"
    r"[A-Z][a-z]{2,}(?:college|lyceum|gymnasium|school|scholengemeenschap)(?![\w])"
)
_SCHOOL_LOWER = re.compile(
    r"(?<![\w])(?P<name>[a-z][\w-]{2,})\s+(?:college|lyceum|gymnasium|atheneum)(?![\w])"
)
_SCHOOL_BEFORE_NAME = re.compile(
    r"(?<![\w])(?:(?i:openbare|christelijke|katholieke|rooms-katholieke|protestants-christelijke|islamitische|"
    r"algemene|gereformeerde|montessori|dalton|jenaplan)\s+)?"
    r"(?i:basisschool|obs|cbs|rkbs|pcbs|kbs|ikc|montessorischool|daltonschool|jenaplanschool|csg|osg|rsg|isg|"
    r"ksg|roc|pcc|vrije\s+school|school|[a-z]{3,}school|middelbare\s+school|mavo|havo|vmbo|college|lyceum|"
    r"school\s+heet|school\s+is\s+(?:de|het))\s+"
    r"(?:(?:de|het|'t|De|Het|'T)\s+)?(?P<name>[A-Z][\w'-]+(?:\s+(?:van\s+|de\s+|der\s+)*[A-Z][\w'-]+){0,2})",
)
_SCHOOL_TYPE_AFTER = re.compile(
    r"\s+(?:college|lyceum|gymnasium|atheneum|school|scholengemeenschap)\b", re.IGNORECASE
)
_CAPITALISED_NEXT = re.compile(r"\s+(?P<word>[A-Z][\w'-]+)")
_LOWER_SCHOOL = re.compile(
    r"(?<![\w])(?P<words>(?:[a-z][\w'-]*\s+){1,3})(?:school|college|lyceum|gymnasium|atheneum)(?![\w])"
)
_SCHOOL_GENERIC = frozenset(
    "het de een mijn onze jouw je zijn haar hun op naar dit dat die deze elk elke welk welke zo'n "
    "andere nieuwe "
    "oude zelfde eerste tweede hele grote kleine middelbare basis nieuw oud ander mn m'n ons jullie bij van "
    "in uit is was over voor na tot zonder elke iedere ieder goede goed slechte leuke leuk saaie gewone "
    "christelijk christelijke openbare openbaar katholieke katholiek islamitische islamitisch categoraal "
    "categorale brede breed hbo mbo wo vmbo havo vwo mavo gym zomer winter muziek dans rij zwem taal "
    "auto kunst sport hoge lage nacht dag avond basisschool speciaal speciale internationale internationaal "
    "the a and of to en ook maar want als dan toen".split()
)


def _gazetteers() -> names.Gazetteers:
    from nlp_models import names  # names imports this module: load it lazily

    return names.load()


def _with_place(text: str, end: int) -> int:
    """`end` moved past a place that follows a school's name: "Christelijk Lyceum Zeist" is one name."""
    m = _CAPITALISED_NEXT.match(text, end)
    if m and m.group("word").lower() in _gazetteers().places:
        return m.end()
    return end


def _lower_school_name(text: str, m: re.Match[str]) -> int | None:
    """Where a lower-case school name starts ("de jan ligthart school"): the run of words before the
    school word that are names or no ordinary Dutch words; None when there is none."""
    g = _gazetteers()
    words = list(re.finditer(r"[\w'-]+", m.group("words")))
    start = None
    for w in reversed(words):
        low = w.group().lower()
        if (
            len(low) < 3
            or low in _SCHOOL_GENERIC
            or low in FUNCTION_WORDS
            or (g.ordinary(low) and low not in g.core)
        ):
            break
        start = m.start("words") + w.start()
    return start


# A school called by its short name after "op/naar/van/bij het/de" ("ik zit op het Stedelijk", "juf
# Ans van de Wereldwijzer"), counted only in a school's context: attending it ("ik zit op", "ik ga
# naar ... volgend jaar") or a school word in the same sentence (klas, juf, mentor, groep 7, toets, ...).
_SHORT_SCHOOL = re.compile(
    r"\b(?i:op|naar|van|bij)\s+(?i:het|de|'t)\s+"
    r"(?P<name>[A-Z][a-zà-ÿ]{3,}(?:[- ][A-Z][a-zà-ÿ]{2,}|\s+(?:van|de|der|den|ten|ter)\s+[A-Z][a-zà-ÿ]{2,})?)(?![\w-])"
)
_ATTENDING = re.compile(
    r"\b(?:zit|zat|zitten|zaten|kom|ga|gaat|ging|gingen|wil|moet)\s+(?:\w+\s+){0,3}?(?:op|naar)\s*$",
    re.IGNORECASE,
)
_SCHOOL_CONTEXT = re.compile(
    r"\b(?:school|klas|klasgeno\w+|brugklas|juf|meester|meneer|mevrouw|mentor|leraar|lerares|docent\w*|"
    r"groep\s+[1-8]|[1-6]\s*(?:havo|vwo|vmbo|mavo|gym)|havo|vwo|vmbo|mavo|gymnasium|pauze|rooster|toets\w*|"
    r"proefwerk\w*|les|lessen|huiswerk|schoolplein|kantine|rector|conrector|directeur|leerling\w*)\b",
    re.IGNORECASE,
)
# Names after "naar de/het" that are no school: venues, shops, places people go.
_NOT_A_SCHOOL = frozenset(
    """
    efteling walibi jumbo albert lidl aldi action hema kruidvat primark zara mcdonalds mac kfc burger
    bios bioscoop pathe kinepolis veluwe wadden waddeneilanden ardennen randstad zuidas dam markt
    bijenkorf ziggo johan arena kuip philips rijksmuseum dierentuin blijdorp artis apenheul duinrell
    slagharen toverland hoorn maas rijn waal schelde noordzee amstel vondelpark kerk moskee
    huisarts dokter tandarts ggd politie jeugdzorg kindertelefoon
    """.split()
)


_SHORT_SCHOOL_HINTS = (" het ", " de ", " 't ")


def _short_school_names(text: str) -> list[Finding]:
    found = []
    for m in _SHORT_SCHOOL.finditer(text):
        name = m.group("name")
        if name.split()[0].lower() in _NOT_A_SCHOOL or name.split()[0].lower() in _gazetteers().places:
            continue
        sentence_start = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        sentence_end = min((i for i in (text.find(c, m.end()) for c in ".!?\n") if i >= 0), default=len(text))
        preposition_end = m.start() + len(m.group().split()[0])  # "ik zit op": attending
        attending = _ATTENDING.search(text, max(sentence_start, m.start() - 40), preposition_end)
        context = _SCHOOL_CONTEXT.search(text, sentence_start, sentence_end)
        if attending or context:
            after = _SCHOOL_TYPE_AFTER.match(text, m.end())  # "de Wilgenhoek school": the school word too
            end = after.end() if after else m.end()
            found.append(_finding("SCHOOL", m.start("name"), end, 0.75, "regex:school_short_name"))
    return found


def find_schools(text: str) -> list[Finding]:
    found = _short_school_names(text)
    for m in _SCHOOL_AFTER_NAME.finditer(text):
        words = m.group("name").split()
        start = m.start()
        while words and words[0].lower() in FUNCTION_WORDS:
            start = text.index(words[0], start) + len(words[0])
            start += len(text[start:]) - len(text[start:].lstrip())
            words.pop(0)
        if not words:
            continue
        found.append(_finding("SCHOOL", start, _with_place(text, m.end()), 0.85, "regex:school_name"))
    for m in _SCHOOL_COMPOUND.finditer(text):
        stem = re.sub(r"(college|lyceum|gymnasium|school|scholengemeenschap)$", "", m.group().lower())
        if stem in _SCHOOL_GENERIC or stem in {
            "basis",
            "middelbare",
            "hoge",
            "voort",
            "muziek",
            "zomer",
            "dans",
        }:
            continue
        found.append(_finding("SCHOOL", m.start(), m.end(), 0.8, "regex:school_compound"))
    for m in _SCHOOL_LOWER.finditer(text):
        if m.group("name").lower() in _SCHOOL_GENERIC:
            continue
        found.append(_finding("SCHOOL", m.start(), m.end(), 0.75, "regex:school_name"))
    for m in _LOWER_SCHOOL.finditer(text):
        name_start = _lower_school_name(text, m)
        if name_start is not None:
            found.append(_finding("SCHOOL", name_start, m.end(), 0.75, "regex:school_name_lower"))
    for m in _SCHOOL_BEFORE_NAME.finditer(text):
        name = m.group("name")
        if name.lower() in _SCHOOL_GENERIC or not name[0].isupper():
            continue
        start, end = m.start(), m.end()
        if re.match(r"school\s+(?:heet|is)", m.group(), re.IGNORECASE):
            # "mijn school is het Bonhoeffer college", "mijn school heet De Regenboog": the name, not "school is"
            article = re.search(r"(?:\b(?:de|het)|'t)\s+$", text[m.start() : m.start("name")], re.IGNORECASE)
            start = m.start() + article.start() if article else m.start("name")
        after = _SCHOOL_TYPE_AFTER.match(text, end)
        if after:
            end = after.end()
        found.append(_finding("SCHOOL", start, _with_place(text, end), 0.85, "regex:school_name"))
    return found


_DIGITS = str.maketrans("", "", "0123456789")
_SPELLED_WORDS = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
_SPELLED_REVERSED = ("lun", "eewt", "eird", "reiv", "fjiv", "sez", "nevez", "thca")
_AT_HINTS = ("@", " at ", "(at", "[at", "{at", "<at", "(a)", "apenstaart", "apestaart")
_URL_HINTS = (
    "/",
    "http",
    "www",
    ".com",
    ".nl",
    ".be",
    ".net",
    ".org",
    ".tv",
    ".gg",
    ".io",
    ".me",
    ".app",
    ".ly",
    ".co",
    ".eu",
    ".de",
    ".info",
    ".link",
    ".xyz",
    ".fm",
    ".to",
    ".live",
)
_HANDLE_HINTS = (
    "@",
    "paypal",
    "#",
    "_",
    "snap",
    "insta",
    "tik",
    "discord",
    "roblox",
    "fortnite",
    "psn",
    "playstation",
    "xbox",
    "gamer",
    "steam",
    "twitch",
    "youtube",
    "minecraft",
    "epic",
    "brawl",
    "clash",
    "valorant",
    "fifa",
    "kik",
    "telegram",
    "signal",
    "twitter",
    "threads",
    "bereal",
    "pinterest",
    "spotify",
    "whatsapp",
    "ig",
    "yt",
    "tt",
    "sc",
    "account",
    "naam",
    "heet",
    "heten",
    "noem",
    "sw",
    "add",
    "voeg",
    "volg",
    "follow",
    "zoek",
    "username",
    "tag",
)
_MONTH_HINTS = ("jan", "feb", "maart", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_SCHOOL_HINTS = (
    "csg",
    "osg",
    "rsg",
    "isg",
    "ksg",
    "roc",
    "pcc",
    "college",
    "lyceum",
    "gymnas",
    "school",
    "atheneum",
    "campus",
    "academie",
    "mavo",
    "havo",
    "vwo",
    "vmbo",
    "obs",
    "cbs",
    "ikc",
    "scholen",
    "kbs",
)
_STREET_HINTS = tuple(_STREET_SUFFIX.split("|"))
_UPPER_PAIR = re.compile(r"[A-Z]{2}")


def _any(hints: tuple[str, ...], text: str) -> bool:
    return any(h in text for h in hints)


# Each recognizer with a cheap necessary condition on (text, lower-case text, digit count), so that
# the regexes only run on texts that could hold their type.
RECOGNIZERS: tuple[tuple[str, Callable[[str], list[Finding]], Callable[[str, str, int], bool]], ...] = (
    ("PHONE", find_phones, lambda t, low, d: d >= 8),
    (
        "PHONE",
        find_spelled_phones,
        lambda t, low, d: sum(w in low for w in _SPELLED_WORDS + _SPELLED_REVERSED) >= (2 - (d >= 6)),
    ),
    ("EMAIL", find_emails, lambda t, low, d: _any(_AT_HINTS, low)),
    ("URL", find_urls, lambda t, low, d: _any(_URL_HINTS, low)),
    ("HANDLE", find_handles, lambda t, low, d: _any(_HANDLE_HINTS, low)),
    ("POSTCODE", find_postcodes, lambda t, low, d: d >= 4),
    (
        "ADDRESS",
        find_addresses,
        lambda t, low, d: d >= 1 and (_any(_STREET_HINTS, low) or "nummer" in low or "nr" in low),
    ),
    ("BSN", find_bsns, lambda t, low, d: d >= 9),
    ("IBAN", find_ibans, lambda t, low, d: d >= 10),
    ("PLATE", find_plates, lambda t, low, d: d >= 1 and ("-" in t or bool(_UPPER_PAIR.search(t)))),
    (
        "BIRTHDATE",
        find_birthdates,
        lambda t, low, d: d >= 2 and ("-" in t or "/" in t or "." in t or _any(_MONTH_HINTS, low)),
    ),
    ("SCHOOL", find_schools, lambda t, low, d: _any(_SCHOOL_HINTS, low) or _any(_SHORT_SCHOOL_HINTS, low)),
)


def find_structured(text: str) -> Iterator[Finding]:
    """Every structured personal-data finding in `text` (overlaps are resolved by the caller)."""
    low = text.lower()
    # Digits of every width and script count ("０６１２…" is read as a number by find_phones).
    digits = len(text) - len(text.translate(_DIGITS)) if text.isascii() else sum(c.isdigit() for c in text)
    for _, recognizer, gate in RECOGNIZERS:
        if gate(text, low, digits):
            yield from recognizer(text)
