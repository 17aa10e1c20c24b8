"""Swear words and slurs, Dutch and English, in the spellings young people use.

The text is first normalised character by character (look-alike letters, accents, leetspeak,
zero-width characters) into a string whose every character remembers the original offset it came
from, so a finding always covers the original characters. Tokens are then judged by a tiered
lexicon:

- ALWAYS: curses and slurs that are never innocent (kut, klootzak, fuck, ...);
- ROOTS: prefixes that make any compound a curse (kanker-, kut-, tering-, ...), unless the
  rest is a medical or ordinary word (kankeronderzoek, kleren, pokkenprik);
- CONTEXT: words with a literal meaning (kanker, tyfus, pokken, tering) that are curses unless a
  context rule finds the literal use ("mijn oma heeft kanker");
- PROTECTED: real words that contain or resemble a curse (hoera, pikant, lullig, flikkert,
  spijsvertering, shiitake): never removed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from nlp_models.rules import lexicon
from nlp_models.structured import PLACEHOLDERS
from nlp_models.types import Finding

# Look-alike letters from other scripts, mapped to the Latin letter they imitate.
_CONFUSABLES = str.maketrans(
    "аеорсхуіјԁɡкмтнвѕӏαοεκρτνυιЅАЕОРСХУІКМТНВ",
    "aeopcxyijdgkmthbslaoekptvuisaeopcxyikmthb",
)
_LEET = {
    "4": "a",
    "@": "a",
    "3": "e",
    "€": "e",
    "1": "i",
    "!": "i",
    "|": "i",
    "0": "o",
    "5": "s",
    "$": "s",
    "7": "t",
    "9": "g",
    "8": "b",
    "6": "g",
    "2": "z",
}
_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e")


@dataclass(frozen=True, slots=True)
class Normalised:
    """Lower-case, de-accented, look-alike-free text and the original offset of each character."""

    text: str
    origin: Sequence[int]


_CHAR_CACHE: dict[str, str] = {}


def _map_char(ch: str) -> str:
    out = _CHAR_CACHE.get(ch)
    if out is None:
        if ch in _INVISIBLE:
            out = ""
        else:
            out = unicodedata.normalize("NFKD", ch.translate(_CONFUSABLES))
            out = "".join(c for c in out if not unicodedata.combining(c)).lower().translate(_CONFUSABLES)
        if len(_CHAR_CACHE) < 100_000:
            _CHAR_CACHE[ch] = out
    return out


def normalise(text: str) -> Normalised:
    """Normalise `text` for matching; `origin[i]` is the offset in `text` of character i."""
    if text.isascii():
        return Normalised(text.lower(), range(len(text)))
    mapped = [c.lower() if c.isascii() else _map_char(c) for c in text]
    if all(len(m) == 1 for m in mapped):
        return Normalised("".join(mapped), range(len(text)))
    chars: list[str] = []
    origin: list[int] = []
    for i, out in enumerate(mapped):
        for c in out:
            chars.append(c)
            origin.append(i)
    return Normalised("".join(chars), origin)


def collapse(word: str) -> str:
    """Runs of one letter become one letter: "kuttttt" -> "kut", "fuuuck" -> "fuck"."""
    return "".join(k for k, _ in groupby(word))


def _w(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LEXICON = lexicon()
# The word lists are kept in the lexicon folder that the decision rules read too (nlp_models/lexicon/).
ALWAYS = _LEXICON.words("curse")
# A compound that starts with one of these is a curse (kankerleraar, kutjuf, teringzooi) ...
ROOTS = _LEXICON.entries("curse_root")
# ... and one that ends in one of these (vuilehoer, kankerslet, moederfucker).
SUFFIXES = _LEXICON.entries("curse_suffix")
_SUFFIX_OK = _w("kankerlijder tyfuslijder teringlijder pokkenlijder lijer")

# Literal (medical or ordinary) words that start with a root.
PROTECTED_WORDS = _w(
    """
    hoera hoeraatje hoeraatjes hoerageroep hoerastemming pikant pikante lullig lullige lulligheid lullen
    lulde lult lullend kleren klerenkast klerenwinkel klerenhanger klerenzaak pokkenprik pokkenvaccin
    pokkenvirus pokkenepidemie waterpokken koepokken spijsvertering vertering flikkeren flikkert flikkerde
    flikkerden flikkerend flikkerende flikkering flikkerlicht flikkerlichten shiitake mongolie mongolië
    mongools mongoolse  kankeronderzoek kankerpatient kankerpatiënt kankerpatiënten kankerpatienten
    kankercel kankercellen kankerbestrijding kankerfonds kankerverwekkend kankerverwekkende kankerbehandeling
    kankerafdeling kankergezwel kankerzorg kankersoort kankersoorten kankervorm kankerrisico kankerdiagnose
    kankerspecialist kankercentrum kankertumor kankerlijder kankerlijders kankerziekte kankervrij
    kankerweefsel kankermedicijn kankermedicijnen kankeroperatie kankertherapie kankerscreening
    kankerpreventie kankerkliniek kankerinstituut tyfusepidemie tyfuslijder teringlijder pokkenlijder
    skutsje shitake shiitakes dickens takkeling takkelingen takelaar verhoer verhoeren verhoerd ouwehoer
    ouwehoeren geouwehoer godverlaten godverlatener sleet sleetje sleetjes negeer fagot zemel pokemon pokemons pokémon kuttel kluts sleten slete dick
    """
)
PROTECTED = frozenset(normalise(w).text for w in PROTECTED_WORDS)
_MEDICAL_REST = (
    "onderzoek",
    "patiënt",
    "patient",
    "cel",
    "bestrijd",
    "fonds",
    "verwekk",
    "behandel",
    "afdeling",
    "gezwel",
    "zorg",
    "soort",
    "vorm",
    "risico",
    "diagnose",
    "specialist",
    "centr",
    "tumor",
    "lijder",
    "ziekte",
    "vrij",
    "weefsel",
    "medic",
    "operatie",
    "therapie",
    "screening",
    "preventie",
    "kliniek",
    "instituut",
    "instituten",
    "briefje",
    "lijdster",
    "plan",
    "registr",
    "industrie",
    "proces",
    "probleem",
    "vraagstuk",
    "straal",
    "wond",
    "epidemie",
    "prik",
    "vaccin",
    "virus",
    "achtig",
    "groei",
    "register",
    "sterfte",
    "cellen",
    "gen",
    "plek",
    "uitzaai",
    "bestraling",
    "chemo",
    "wetenschap",
    "dag",
    "week",
    "fonds",
)

# Words with a literal meaning: a curse unless the context shows the literal use.
CONTEXT = _w("kanker kankers tyfus pokken tering pleuris")
_LITERAL_BEFORE = _w(
    """
    heeft had hebben heb hebt krijgt kreeg gekregen met aan tegen ziekte soort vorm behandeling chemo
    diagnose genezen overleden stierf dood over tegen door de het geen hun haar mijn tegen
    tumor borst long huid darm bloed prostaat alvleesklier baarmoeder hersen stadium uitgezaaide
    """
)
_LITERAL_AFTER = _w(
    """
    gehad heeft hebben had genezen terug uitgezaaid behandeling onderzoek is was in gekregen
    overleden patiënt patient diagnose ontdekt vastgesteld
    """
)
_CURSE_BEFORE = _w("krijg krijgt kankerlijer vieze vuile die wat kk ga")
_HATED = _w("die dat hem haar jou je jullie hun deze dit iedereen alles school")
# Words near a disease word that show it is meant literally ("bang voor kanker", "kanker door roken").
_MEDICAL_NEAR = _w(
    """
    ziek ziekte ziekenhuis chemo chemokuur dokter arts huisarts behandeling behandeld tumor overleden
    gestorven diagnose bestraling bestraald genezen uitgezaaid roken rookt sigaretten onderzoek patient
    kaal operatie
    kwf longen borst huid darm oncoloog risico erfelijk symptomen vaccin vaccinatie prik bang angst
    """
)

_TOKEN = re.compile(r"[a-z0-9@$€!|*+']+")
_SPACED = re.compile(r"(?<![a-z0-9])(?:[a-z0-9@$*][ .\-_,/*+]{1,2}){2,}[a-z0-9@$*](?![a-z0-9])")
_STAR_WORDS = sorted(w for w in ALWAYS if len(w) >= 3)


def _deleet(token: str) -> str:
    if token.isalpha():
        return token
    core = token.strip("'!|+")
    if not any(c.isalpha() for c in core):
        return ""
    return "".join(_LEET.get(c, c) for c in core)


def _star_match(token: str) -> bool:
    if "*" not in token or sum(c.isalpha() for c in token) < 1:
        return False
    pattern = re.compile(
        "".join("[a-z]{1,3}" if c == "*" else re.escape(c) for c in re.sub(r"\*+", "*", token))
    )
    return any(pattern.fullmatch(w) for w in _STAR_WORDS) and len(token.strip("*")) >= 1 and token[0] != "*"


_INTENSIFIED = _w(
    """
    saai mooi lelijk irritant veel goed slecht vet leuk chill duur lang moeilijk makkelijk druk dom stom
    grappig raar ziek gek koud heet warm hard snel traag boos blij moe cool lekker vies eng zwaar
    vaak weinig hoog laag groot klein dik dun jammer kapot nice
    """
)


def _is_literal(words: list[str], i: int) -> bool:
    if words[i] in ("tering", "pleuris"):  # archaic as diseases: literal only among medical words
        return bool(set(words[max(0, i - 8) : i + 9]) & _MEDICAL_NEAR)
    before = words[max(0, i - 3) : i]
    after = words[i + 1 : i + 3]
    if after and after[0] in _INTENSIFIED:
        return False  # "kanker saai": an intensifier, never the disease
    if before and before[-1] in _CURSE_BEFORE:
        return False
    if before and before[-1] == "de" and after[:1] == ["aan"] and after[1:2] and after[1] in _HATED:
        return False  # "ik heb de kanker aan die gast": I hate him, not the disease

    if len(before) >= 2 and before[-2] in ("krijg", "krijgt") and before[-1] in ("de", "het", "toch", "die"):
        return False
    if set(before) & _LITERAL_BEFORE or (after and after[0] in _LITERAL_AFTER):
        return True
    return bool(set(words[max(0, i - 8) : i + 9]) & _MEDICAL_NEAR)


def _has_run_of_three(word: str) -> bool:
    return any(len(list(run)) >= 3 for _, run in groupby(word))


def _is_dutch_word(word: str) -> bool:
    from nlp_models.names import load  # the OpenTaal word list, loaded once with the name lists

    return word in load().words


@lru_cache(maxsize=65536)
def judge(word: str) -> str | None:
    """'always', 'context' or None for one normalised, de-leeted word."""
    if not word or word in PROTECTED:
        return None
    flat = collapse(word)
    if flat in PROTECTED and word not in ALWAYS:  # "sletten" collapses to the protected "sleten"
        return None
    # Matching on the collapsed form is for stretched spellings ("kuttttt", "fuuuck", "shitt"), never
    # for real words whose double letters collapse into a curse ("negeer", "sleet", "pokertoernooi").
    stretched = flat != word and (_has_run_of_three(word) or not _is_dutch_word(word))
    if word in CONTEXT or (stretched and flat in CONTEXT):
        return "context"
    if word in ALWAYS or (stretched and len(flat) >= 3 and flat in _ALWAYS_FLAT):
        return "always"
    for root, flat_root in _ROOTS:
        if word.startswith(root) or (len(flat_root) >= 4 and stretched and flat.startswith(flat_root)):
            rest = word[len(root) :] if word.startswith(root) else flat[len(flat_root) :]
            if root in ("klere", "takke", "kolere") and rest.startswith("n"):
                return None
            if root in ("kanker", "tyfus", "tering", "pokke", "pleuris") and rest.lstrip("n").startswith(
                _MEDICAL_REST
            ):
                return None
            if root == "hoer" and rest.startswith("a"):
                return None
            if len(rest) >= 2 or rest in ("e", "s"):
                return "always"
    for suffix, flat_suffix in _SUFFIXES:
        ends = word.endswith(suffix) or (stretched and flat.endswith(flat_suffix))
        if ends and len(flat) > len(suffix) + 2 and word not in _SUFFIX_OK:
            if suffix.startswith("lijer") and not flat[: -len(suffix)].endswith(
                ("kanker", "kaker", "tering", "tyfus", "klere", "kolere", "pokke", "pleuris")
            ):
                continue
            return "always"
    return None


_ROOTS = tuple((r, collapse(r)) for r in ROOTS)
_SUFFIXES = tuple((x, collapse(x)) for x in SUFFIXES)
_ALWAYS_FLAT = frozenset(collapse(w) for w in ALWAYS if collapse(w) not in {collapse(p) for p in PROTECTED})


def find_profanity(text: str) -> list[Finding]:
    """Swear words and slurs in `text`, with offsets into `text` itself."""
    norm = normalise(text)
    ntext = norm.text
    spans: list[tuple[int, int, str]] = []  # (start, end) in ntext, tier
    tokens = list(_TOKEN.finditer(ntext))
    words = [_deleet(t.group()) for t in tokens]
    plain: list[str] = []
    for i, (tok, word) in enumerate(zip(tokens, words, strict=True)):
        if not word:
            continue
        tier = judge(word.replace("*", "")) if "*" not in word.strip("*") else None
        if tier is None and _star_match(word):
            tier = "always"
        if tier is None:
            continue
        if tier == "context" and (
            word != tok.group().strip("'!|+*")
            or not text[norm.origin[tok.start()] : norm.origin[tok.end() - 1] + 1].isascii()
        ):
            tier = "always"  # nobody writes the disease in leetspeak or look-alike letters
        if tier == "context" and not plain:
            plain = [re.sub(r"[^a-z]", "", w) for w in words]
        if tier == "context" and _is_literal(plain, i):
            continue
        start, end = tok.start(), tok.end()
        while start < end and ntext[start] in "'!|+*" and not (ntext[start] in "!|" and word[:1] == "i"):
            start += 1
        while end > start and ntext[end - 1] in "'!|+":
            end -= 1
        spans.append((start, end, tier))
    for m in _SPACED.finditer(ntext):
        joined = _deleet(re.sub(r"[ .\-_,/+]", "", m.group()))
        tier = judge(joined.replace("*", "")) or ("always" if _star_match(joined) else None)
        if tier:
            spans.append((m.start(), m.end(), "always"))
    found = []
    for start, end, tier in spans:
        o_start = norm.origin[start]
        o_end = norm.origin[end - 1] + 1
        score = 0.95 if tier == "always" else 0.8
        found.append(
            Finding("PROFANITY", o_start, o_end, score, f"lexicon:{tier}", PLACEHOLDERS["PROFANITY"])
        )
    return found
