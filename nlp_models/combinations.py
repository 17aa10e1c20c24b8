"""Facts that identify a young person only in combination.

No single word here is personal data: an age, "morgen", a village, a class, a school trip. Together
they can be: "morgen word ik 14" is a date of birth; "ik zit in 2b" in a village with one secondary
school points at some thirty children; "zaterdag heb ik een toernooi in Urk" says where a child will
be and when. Childline's moderators look for such combinations by hand; these rules find the common
ones so that the post waits for a moderator and the writer's preview can say what to leave out.

Three rules (the README's filter section says why each counts):

- `birthday`: an age together with the day it is reached or celebrated ("ik ben vandaag 13
  geworden", "morgen word ik 14", "ik ben zaterdag jarig" + "ik ben 12").
- `place_and_group`: a small place (not a large town, province or region in `LARGE_PLACES`, nor a
  country) together with a school year, class, team or club ("ik woon in Urk" + "ik zit in 2b", "bij de JO13-2").
- `event_date_place`: the writer's own event with a day and a small place or a venue in one
  stretch of text ("we hebben morgen schoolreis naar Walibi").

Every part of a combination becomes a finding of its own (type names the combination, source the
rule and the part), so both the moderator's view and the writer's preview can mark each part.
Parts that the filter removes anyway (a school name, a full date) never count.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from nlp_models import names
from nlp_models.names import plain as _plain
from nlp_models.types import Decision, Finding

DATA = Path(__file__).resolve().parent / "data"
SCORE = 0.7
SOURCE_PREFIX = "combination:"  # a finding's source: "combination:<rule>:<part>"

# The type of each rule's findings: what a moderator reads, in Dutch.
CATEGORIES = {
    "birthday": "herkenbaar: leeftijd en verjaardag",
    "place_and_group": "herkenbaar: kleine woonplaats en klas of club",
    "event_date_place": "herkenbaar: activiteit met dag en plaats",
}

_NUMBER_WORDS = (
    "acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|twintig"
)
_AGE_NUMBER = rf"(?:[4-9]|1\d|2[0-1]|{_NUMBER_WORDS})"
_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_WEEKDAY = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
# A day someone could find in a calendar: today, tomorrow, a weekday, a date, a near weekend.
_DAY = (
    rf"(?:vandaag|vanavond|vannacht|vanmiddag|morgen(?:avond|middag|ochtend)?|overmorgen|gisteren|"
    rf"eergisteren|{_WEEKDAY}(?:avond|middag|ochtend)?|(?:dit|komend|volgend)\s+weekend|"
    rf"(?:volgende|komende)\s+week\s+{_WEEKDAY}|over\s+(?:\d|een|twee|drie|vier|vijf|zes)\s+dag(?:en)?|"
    rf"op\s+(?:[1-9]|[12]\d|3[01])(?:e|ste|de)?\s+(?:{_MONTHS})\b|"
    rf"(?:[1-9]|[12]\d|3[01])[-/](?:0?[1-9]|1[0-2])(?![-/\d])|kerstavond|oudjaarsdag|nieuwjaarsdag|"
    rf"koningsdag|valentijnsdag)"
)
_F = r"(?:(?:al|net|eindelijk|pas|dan|gewoon|echt|officieel|dus|nu|ook)\s+){0,3}"
_I = r"(?:ik|k|i)"

# --- birthday ------------------------------------------------------------------------------------
_BIRTHDAY_WITH_AGE = re.compile(
    "|".join(
        (
            # "ik ben vandaag 13 geworden", "gisteren ben ik eindelijk 12 geworden"
            rf"\b{_I}\s+ben\s+{_F}{_DAY}\s+{_F}{_AGE_NUMBER}\s+(?:jaar\s+)?geworden\b",
            rf"\b{_DAY}\s+ben\s+{_I}\s+{_F}{_AGE_NUMBER}\s+(?:jaar\s+)?geworden\b",
            # "morgen word ik 14", "ik word morgen 14", "zaterdag wordt ik eindelijk 12"
            rf"\b{_DAY}\s+(?:word|wordt)\s+{_I}\s+{_F}{_AGE_NUMBER}\b",
            rf"\b{_I}\s+(?:word|wordt)\s+{_F}{_DAY}\s+{_F}{_AGE_NUMBER}\b",
        )
    ),
    re.IGNORECASE,
)
# The day of a birthday without the age: "ik ben morgen jarig", "mijn verjaardag is zaterdag".
_BIRTHDAY_DAY = re.compile(
    "|".join(
        (
            rf"\b{_I}\s+ben\s+{_F}{_DAY}\s+{_F}jarig\b",
            rf"\b{_DAY}\s+ben\s+{_I}\s+{_F}jarig\b",
            rf"\b(?:mijn|m'n|mn)\s+verjaardag\s+is\s+{_F}{_DAY}\b",
            rf"\b{_DAY}\s+is\s+(?:mijn|m'n|mn)\s+verjaardag\b",
            rf"\b{_I}\s+ben\s+jarig\s+{_DAY}\b",
        )
    ),
    re.IGNORECASE,
)
# The writer's age said anywhere in the post.
_AGE = re.compile(
    rf"\b(?:{_I}\s+ben\s+(?:(?:nu|net|pas|bijna|al|ook|zelf)\s+){{0,2}}{_AGE_NUMBER}(?!\s*(?:cm|kg|euro|uur|min|keer|%))\b|"
    rf"{_I}\s+(?:word|wordt)\s+(?:(?:bijna|straks|binnenkort)\s+)?{_AGE_NUMBER}\b|"
    rf"\b{_AGE_NUMBER}\s+jaar\s+oud\b|\b(?:ben|als)\s+{_AGE_NUMBER}\s*-?\s*jarige?\b)",
    re.IGNORECASE,
)

# --- place and group -----------------------------------------------------------------------------
# A school year or class, a team or club: a group of a few dozen children at most.
_GROUP = re.compile(
    "|".join(
        (
            r"\b(?:groep|klas|leerjaar)\s*[1-8][a-h]?\b",
            r"\b(?:in|uit|van)\s+(?:klas\s+)?[1-6][a-h]\b",
            r"\b[1-6]\s?(?:havo|vwo|vmbo|mavo|atheneum|gymnasium|tl|kader|hv|vh|mh)\b",
            r"\b(?:brugklas|brugklasser|eindexamenklas|examenklas)\b",
            r"\bde\s+enige\s+(?:middelbare\s+|basis)?school\b",
            r"\b(?:jo|mo)\s?(?:[7-9]|1\d)(?:[-\s]?\d{1,2})?\b",
            r"\b\w*(?:club|vereniging|elftal|selectie)\b",
            r"\b\w+team\b|\b(?:mijn|m'n|mn|ons|onze)\s+team\b",
            r"\bscouting\b",
            r"\b(?:op|bij)\s+(?:de\s+)?(?:voetbal|hockey|korfbal|handbal|volleybal|basketbal|turnen|judo|"
            r"karate|dansles|ballet|atletiek|zwemles|paardrijden|tennis|waterpolo|rugby|toneel|fanfare|"
            r"harmonie|koor|kickboksen)\b",
        )
    ),
    re.IGNORECASE,
)
# Words before a place: "ik woon in Urk", "de school van Urk", "uit Elspeet", "vlakbij Lemmer".
_PLACE_INTRO = re.compile(
    r"\b(?:in|uit|te|bij|vlakbij|naar|van|rond|buiten|dorp|dorpje|gemeente|omgeving)\s+(?=[\w'’])",
    re.IGNORECASE,
)

# --- event with day and place --------------------------------------------------------------------
_EVENT = re.compile(
    r"\b(?:schoolreis(?:je)?|schoolkamp|kamp|werkweek|excursie|(?:eind)?musical|toernooi|wedstrijd|"
    r"finale|optreden|uitvoering|voorstelling|concert|diploma-?uitreiking|schoolfeest|gala|"
    r"(?:verjaardags|afscheids|school)?feest(?:je)?|open\s+dag|sportdag|avondvierdaagse|kermis|optocht|"
    r"training|zwemles|dansles|uitje|schoolschaatsen|talentenjacht|afzwemmen|bruiloft|begrafenis|"
    r"uitvaart)\b",
    re.IGNORECASE,
)
_DAY_RE = re.compile(rf"\b{_DAY}\b|\bom\s+(?:[1-9]|1\d|2[0-3])(?:[:.][0-5]\d)?\s*uur\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:ik|we|wij|mijn|m'n|mn|onze|ons)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\n]+")
# Places many visit but that tell where a child will be on a given day (parks, zoos, halls).
VENUES = (
    "efteling",
    "walibi",
    "duinrell",
    "toverland",
    "slagharen",
    "avonturenpark hellendoorn",
    "attractiepark",
    "artis",
    "blijdorp",
    "ouwehands",
    "burgers zoo",
    "burgers' zoo",
    "apenheul",
    "beekse bergen",
    "safaripark",
    "wildlands",
    "gaiapark",
    "dierenpark",
    "madurodam",
    "nemo",
    "ahoy",
    "ziggo dome",
    "jaarbeurs",
    "plopsaland",
    "bobbejaanland",
    "center parcs",
    "sportpark",
    "sporthal",
    "ijsbaan",
    "zwembad de",
    "kinderboerderij",
)
_VENUE = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in VENUES) + r")\w*", re.IGNORECASE)

# Towns of roughly 50,000 people or more, provinces and regions: a class or club there is one of many.
# Written for this project from general knowledge of the Netherlands and Flanders.
LARGE_PLACES = frozenset(
    name.strip()
    for name in """
    amsterdam|rotterdam|den haag|'s-gravenhage|s-gravenhage|utrecht|eindhoven|groningen|tilburg|almere|
    breda|nijmegen|apeldoorn|arnhem|haarlem|haarlemmermeer|hoofddorp|amersfoort|zaanstad|zaandam|
    enschede|'s-hertogenbosch|s-hertogenbosch|den bosch|zwolle|leiden|zoetermeer|leeuwarden|ede|maastricht|
    dordrecht|westland|alphen aan den rijn|alkmaar|emmen|delft|venlo|deventer|sittard|geleen|
    sittard-geleen|helmond|oss|amstelveen|hilversum|sneek|heerlen|hengelo|purmerend|schiedam|lelystad|
    roosendaal|leidschendam|voorburg|leidschendam-voorburg|almelo|hoorn|vlaardingen|gouda|assen|
    capelle aan den ijssel|bergen op zoom|veenendaal|katwijk|zeist|nieuwegein|roermond|den helder|
    doetinchem|hoogeveen|terneuzen|oosterhout|kampen|pijnacker|drachten|heerhugowaard|dijk en waard|
    rijswijk|weert|barneveld|veldhoven|middelburg|vlissingen|harderwijk|houten|zutphen|heerenveen|
    waalwijk|spijkenisse|nissewaard|lansingerland|hellevoetsluis|schagen|veghel|meierijstad|wijchen|
    tiel|beverwijk|woerden|ridderkerk|heemskerk|zwijndrecht|soest|emmeloord|velsen|ijmuiden|
    noordoostpolder|gooise meren|bussum|hardenberg|uden|
    antwerpen|gent|brussel|charleroi|luik|liege|brugge|namen|leuven|mechelen|aalst|hasselt|kortrijk|
    sint-niklaas|oostende|genk|roeselare|
    noord-holland|zuid-holland|flevoland|gelderland|overijssel|drenthe|friesland|fryslan|limburg|
    noord-brabant|brabant|zeeland|oost-vlaanderen|west-vlaanderen|vlaams-brabant|henegouwen|
    randstad|twente|achterhoek|veluwe|betuwe|nederland|belgie|vlaanderen|holland
    """.split("|")
)


@dataclass(frozen=True, slots=True)
class _Part:
    rule: str
    part: str
    start: int
    end: int


_lock = threading.Lock()
_places: dict[str, tuple[tuple[str, ...], ...]] | None = None
_not_small: frozenset[str] = frozenset()
_TOKEN = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_LONGEST_PLACE = 5  # words: "Capelle aan den IJssel", "'s-Heer Hendrikskinderen"
# Substrings without which a rule cannot match: most posts skip its regexes altogether.
_BIRTHDAY_GATE = ("word", "geworden", "jarig", "verjaardag")


def _place_index() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Places by their first word, each as a tuple of plain words, longest first."""
    global _places, _not_small
    if _places is None:
        with _lock:
            if _places is None:
                countries = (DATA / "countries.txt").read_text(encoding="utf-8").splitlines()
                _not_small = LARGE_PLACES | {
                    " ".join(_plain(w) for w in _TOKEN.findall(c)) for c in countries
                }
                index: dict[str, list[tuple[str, ...]]] = {}
                lines = (DATA / "places.txt").read_text(encoding="utf-8").splitlines()
                for line in lines:
                    words = tuple(_plain(w) for w in _TOKEN.findall(line))
                    if words:
                        index.setdefault(words[0], []).append(words)
                _places = {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in index.items()}
    return _places


def _ordinary(low: str) -> bool:
    return names.load().ordinary(low)


def _places_in(text: str) -> list[tuple[int, int, bool]]:
    """Places named after a word such as "in", "uit", "van": (start, end, small)."""
    index = _place_index()
    found = []
    for intro in _PLACE_INTRO.finditer(text):
        tokens = []
        for tok in _TOKEN.finditer(text, intro.end()):
            tokens.append(tok)
            if len(tokens) == _LONGEST_PLACE:
                break
        first = _plain(tokens[0].group())
        candidates = index.get(first)
        if not candidates:
            continue
        if not tokens[0].group()[0].isupper() and _ordinary(first):
            continue  # "in best", "van goes": ordinary words, not places
        plain = [_plain(t.group()) for t in tokens]
        for words in candidates:
            if tuple(plain[: len(words)]) == words:
                found.append(
                    (tokens[0].start(), tokens[len(words) - 1].end(), " ".join(words) not in _not_small)
                )
                break
    return found


def _venues_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _VENUE.finditer(text, start, end)]


def _search_near(
    pattern: re.Pattern[str], text: str, low: str, keywords: tuple[str, ...]
) -> re.Match[str] | None:
    """`pattern.search(text)`, tried only around the keywords every match contains (much faster on
    long texts: the day alternatives are not tried at every word). A match is at most ~80 characters."""
    hits = sorted(i for k in keywords for i in _occurrences(low, k))
    for i in hits:
        m = pattern.search(text, max(0, i - 80), i + 80)
        if m:
            return m
    return None


def _occurrences(low: str, keyword: str) -> list[int]:
    out, i = [], low.find(keyword)
    while i >= 0:
        out.append(i)
        i = low.find(keyword, i + 1)
    return out


def _birthday(text: str, low: str) -> list[_Part]:
    m = _search_near(_BIRTHDAY_WITH_AGE, text, low, ("word", "geworden"))
    if m:
        return [_Part("birthday", "age_and_day", *m.span())]
    day = _search_near(_BIRTHDAY_DAY, text, low, ("jarig", "verjaardag"))
    age = _AGE.search(text) if day else None
    if day and age:
        return [_Part("birthday", "day", *day.span()), _Part("birthday", "age", *age.span())]
    return []


def _place_and_group(text: str, places: list[tuple[int, int, bool]]) -> list[_Part]:
    small = [(s, e) for s, e, is_small in places if is_small]
    if not small:
        return []
    for group in _GROUP.finditer(text):
        if any(s < group.end() and group.start() < e for s, e in small):
            continue  # "Voetbalclub Urk" is one part, not two
        return [
            _Part("place_and_group", "place", *small[0]),
            _Part("place_and_group", "group", *group.span()),
        ]
    return []


def _event_date_place(text: str, places: list[tuple[int, int, bool]]) -> list[_Part]:
    start = 0
    for end_mark in [*_SENTENCE_END.finditer(text), None]:
        end = end_mark.start() if end_mark else len(text)
        sentence = (start, end)
        start = end_mark.end() if end_mark else len(text)
        event = _EVENT.search(text, *sentence)
        day = _DAY_RE.search(text, *sentence)
        if not (event and day and _FIRST_PERSON.search(text, *sentence)):
            continue
        where = [(s, e) for s, e, small in places if small and sentence[0] <= s < sentence[1]]
        where += _venues_in(text, *sentence)
        if where:
            near = min(where, key=lambda span: abs(span[0] - event.start()))
            return [
                _Part("event_date_place", "event", *event.span()),
                _Part("event_date_place", "day", *day.span()),
                _Part("event_date_place", "place", *near),
            ]
    return []


def rule_of(finding: Finding) -> str | None:
    """The combination rule a finding is part of ("birthday", ...), or None for any other finding."""
    if not finding.source.startswith(SOURCE_PREFIX):
        return None
    return finding.source[len(SOURCE_PREFIX) :].split(":", 1)[0]


def find_combinations(text: str, removed: Iterable[Finding] = ()) -> list[Finding]:
    """Findings for every identifying combination in `text`; parts inside `removed` spans never count.

    Each part is a finding with the combination's category as type, `combination:<rule>:<part>` as
    source, no replacement and the decision `queue`.
    """
    gone = [(f.start, f.end) for f in removed]

    def kept(part: _Part) -> bool:
        return all(part.end <= s or part.start >= e for s, e in gone)

    if gone:  # blank what is removed, so that e.g. a school's name is not read as a place
        chars = list(text)
        for s, e in gone:
            chars[s:e] = " " * (e - s)
        visible = "".join(chars)
    else:
        visible = text
    places = _places_in(visible)
    low = visible.lower()
    candidates = []
    if any(g in low for g in _BIRTHDAY_GATE):
        candidates.append(_birthday(visible, low))
    if any(small for _, _, small in places):
        candidates.append(_place_and_group(visible, places))
    if any(small for _, _, small in places) or any(v in low for v in VENUES):
        candidates.append(_event_date_place(visible, places))
    found: list[Finding] = []
    for parts in candidates:
        if parts and all(kept(p) for p in parts):
            found += [
                Finding(
                    CATEGORIES[p.rule],
                    p.start,
                    p.end,
                    SCORE,
                    f"{SOURCE_PREFIX}{p.rule}:{p.part}",
                    None,
                    Decision.QUEUE,
                )
                for p in parts
            ]
    return found


# A way to be reached, given together with an invitation to use it, moves the contact off the forum
# (the policy's queue paragraph): "bel me op [number]", "app me maar", "voeg me toe: [handle]".
_REACH = frozenset({"PHONE", "EMAIL", "HANDLE", "URL"})
_INVITATION = re.compile(
    r"\b(?:(?:bel|app|whatsapp|sms|mail|e-?mail|snap|dm|pm|text|add|volg|follow|contact|stuur|tik|facetime)"
    r"\s+(?:me|mij|ons)\b(?!\s+(?:niet|nooit))|voeg\s+(?:me|mij|ons)\s+(?:\w+\s+){0,2}toe\b|"
    r"(?:me|mij)\s+(?:\w+\s+){0,2}(?:bellen|appen|mailen|sms'?en|toevoegen|adden|volgen|dm'?en|snappen)\b|"
    r"(?:hit\s+me\s+up|text\s+me|add\s+me|call\s+me))",
    re.IGNORECASE,
)
_NOT_AN_OFFER = re.compile(
    r"\b(?:gehackt|gehacked|hacker\w*|geblokkeerd|blokkeren|blokkeer|spam\w*|oplichter\w*|gestolen|"
    r"nep|niet\s+(?:bellen|appen))\b",
    re.IGNORECASE,
)


def contact_invitations(text: str, removed: Iterable[Finding]) -> list[Finding]:
    """A phone number, e-mail address, handle or link that the filter removes, with an invitation to
    use it: a finding for the invitation (decision `queue`), so a moderator can warn the writer.
    Details mentioned without an invitation, or because they were hacked, do not count."""
    reach = [f for f in removed if f.type in _REACH]
    if not reach or _NOT_AN_OFFER.search(text):
        return []
    m = _INVITATION.search(text)
    if not m:
        return []
    return [
        Finding(
            "afspreken of contact buiten het forum",
            m.start(),
            m.end(),
            0.8,
            "rule:contact_invitation",
            None,
            Decision.QUEUE,
        )
    ]
