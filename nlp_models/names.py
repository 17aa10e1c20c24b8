"""Names of people: gazetteers, an ordinary-word check and context patterns.

Young people write names in lower case, and many Dutch first names are ordinary words (Roos,
Bas, Kim). A token becomes a name through evidence, each giving a score:

- a name context before it ("ik heet X", "mijn vriendin X", "juf X", "meneer X"): 0.8-0.9;
- a capital letter inside a sentence on a known first name: 0.75 (0.6 if it is also a word);
- a known first name that is no ordinary Dutch word, in any case: 0.6-0.7;
- a known surname, or a surname after a first name with or without tussenvoegsels
  ("Emma de Vries", "tim van der linden"): the span grows to the full name.

Lists are looked up in sets (no giant regex): see `data/SOURCES.md` for their origins.
"""

from __future__ import annotations

import gzip
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from nlp_models.lexicons import (
    AMBIGUOUS_NAME_WORDS,
    ENGLISH_WORD_NAMES,
    FUNCTION_WORDS,
    NAME_DESPITE_WORD,
    NOT_A_PERSON,
    RELATION_WORDS,
    TITLE_WORDS,
)
from nlp_models.structured import PLACEHOLDERS
from nlp_models.types import Finding

DATA = Path(__file__).parent / "data"
PARTICLES = frozenset(
    "van de der den het ten ter te 't in op la le el al da di du del della von vd v.d.".split()
)
PUBLIC_FIGURES = (
    "albert heijn",
    "taylor swift",
    "billie eilish",
    "ariana grande",
    "max verstappen",
    "davina michelle",
    "harry potter",
    "zwarte piet",
    "sinterklaas",
    "kerstman",
    "anne frank",
    "vincent van gogh",
    "van gogh",
    "willem-alexander",
    "willem alexander",
    "lionel messi",
    "cristiano ronaldo",
    "frenkie de jong",
    "ed sheeran",
    "frans bauer",
    "froukje",
    "virgil van dijk",
    "hakim ziyech",
    "ziyech",
    "memphis depay",
    "cody gakpo",
    "snelle",
    "jordan 4",
    "air jordan",
    "mark rutte",
    "dick schoof",
    "geert wilders",
    "koning willem",
    "prinses amalia",
    "koningin maxima",
    "koningin máxima",
    "justin bieber",
    "selena gomez",
    "kim kardashian",
    "donald trump",
    "joe biden",
    "elon musk",
    "michael jackson",
    "jan smit",
    "andre hazes",
    "andré hazes",
    "enzo knol",
    "kalvijn",
    "dylan haegens",
    "nienke plas",
    "mr beast",
    "mrbeast",
    "pewdiepie",
    "jip en janneke",
    "dikkie dik",
    "peppa pig",
    "bumba",
    "kabouter plop",
    "spongebob",
    "donald duck",
    "mickey mouse",
    "frozen",
    "elsa",
    "moana",
    "shrek",
    "jezus",
    "maria magdalena",
    "moeder maria",
    "profeet mohammed",
    "de profeet",
    "nabi ibrahim",
    "super mario",
    "mario kart",
    "luigi's mansion",
    "koningin beatrix",
    "prinses beatrix",
)
_TOKEN = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*")
_SENTENCE_END = re.compile(r"(?:[.!?:;\n\"“(]|^)\s*$|[\U0001F300-\U0001FAFF\u2600-\u27BF]\s*$")
_INTRO = frozenset("heet heten genaamd noemen noem".split())
_STRONG_BEFORE = ("mijn naam is", "ik heet", "ze heet", "hij heet", "zij heet", "noem me", "naam is", "naam:")
_PETS = frozenset(
    "hond hondje kat katje poes poesje hamster konijn konijntje cavia paard pony vis vogel parkiet "
    "huisdier puppy kitten schildpad".split()
)
_PERSON_VERBS = frozenset(
    "zei zegt vroeg vraagt vond vindt riep roept appte appt stuurde stuurt belde belt lachte huilde "
    "schreeuwde "
    "pest pestte duwde sloeg slaat kwam komt gaat ging wilde wil heeft had moest mocht".split()
)
_SPEECH_VERBS = frozenset(
    "zei zegt vroeg vraagt riep roept appte appt stuurde belde lachte huilde schreeuwde pestte duwde sloeg".split()
)
_FAMILY_TITLES = frozenset("oom tante opa oma neef nicht nichtje neefje broer zus zusje broertje".split())
_SHOPS = frozenset("dirk zara coop spar deen plus emte boni vomar hoogvliet mango".split())
_GREETINGS = frozenset(
    "xoxo kusjes kus groet mvg doeg bye "
    "groetjes groeten liefs xx xxx doei hoi hey hallo hee hi dag dankjewel dankje bedankt thanks ey yo".split()
)


def plain(word: str) -> str:
    if word.isascii():
        return word.lower()
    word = word.replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


@dataclass(frozen=True, slots=True)
class Gazetteers:
    core: frozenset[str]
    broad: frozenset[str]
    surnames: frozenset[str]
    places: frozenset[str]  # towns, provinces and countries, and brands, games and venues (never a person)
    words: frozenset[str]
    towns: frozenset[str] = frozenset()  # towns, provinces and countries alone

    def brand(self, low: str) -> bool:
        """A shop, brand, game or venue (a place in the lists that is no town): "Zara", "Duits"."""
        return low in self.places and low not in self.towns

    def ordinary(self, low: str) -> bool:
        return (
            low in self.words
            or low in FUNCTION_WORDS
            or low in AMBIGUOUS_NAME_WORDS
            or low in ENGLISH_WORD_NAMES
        ) and low not in NAME_DESPITE_WORD


_lock = threading.Lock()
_gazetteers: Gazetteers | None = None


def _read(name: str) -> frozenset[str]:
    path = DATA / name
    if name.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return frozenset(fh.read().split("\n")) - {""}
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(plain(line.strip()) for line in lines if line.strip() and not line.startswith("#"))


def load() -> Gazetteers:
    """The name lists (and the name model, if trained), read once per process."""
    global _gazetteers
    _name_model()
    if _gazetteers is None:
        with _lock:
            if _gazetteers is None:
                not_person = frozenset(plain(w) for w in NOT_A_PERSON)
                words = _read("dutch_words.txt.gz") | _read("names_also_words.txt")
                # The curated names add only names that are no ordinary word ("trui", "dik" stay words).
                curated = _read("first_names_curated.txt") - words
                core = (_read("first_names_core.txt") | curated) - not_person
                _gazetteers = Gazetteers(
                    core=core,
                    broad=_read("first_names_broad.txt") - not_person - core,
                    surnames=(_read("surnames.txt") | _read("surnames_curated.txt")) - not_person,
                    places=_read("places.txt") | not_person,
                    towns=_read("places.txt"),
                    # a name that is also a word ("lente", "angel") is a name only in a name's context
                    words=words,
                )
    return _gazetteers


@dataclass(slots=True)
class _Tok:
    text: str
    low: str
    start: int
    end: int
    cap: bool
    sentence_start: bool
    spaced: bool = True  # separated from the previous token by one or two spaces only


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    prev_end = 0
    for m in _TOKEN.finditer(text):
        word = m.group()
        start = m.start()
        cap = word[0].isupper()
        if not out:
            sentence_start = True
        elif cap:
            between = text[prev_end:start]
            gap = between.strip()
            sentence_start = "\n" in between or bool(gap) and (gap[-1] in '.!?:;"“(' or not gap[-1].isascii())
        else:
            sentence_start = False
        spaced = bool(out) and start - prev_end <= 2 and text[prev_end:start].isspace()
        out.append(_Tok(word, plain(word), start, m.end(), cap, sentence_start, spaced))
        prev_end = m.end()
    return out


_SCORNFUL = ("kut", "kanker", "tering", "klote", "rot", "stom", "stomme", "vieze", "lelijke")


def is_title(low: str) -> bool:
    """A title before a name: "juf", "meneer", "dr.", and a scornful compound of one ("kutjuf")."""
    low = low.rstrip(".")
    if low in TITLE_WORDS:
        return True
    return any(low.endswith(t) and low[: -len(t)] in _SCORNFUL for t in _TEACHER_TITLES)


def _context_score(toks: list[_Tok], i: int, g: Gazetteers) -> float:
    """How strongly the words before token i announce a name (0 when they do not)."""
    prev = [t.low for t in toks[max(0, i - 4) : i]]
    if not prev:
        return 0.0
    last = prev[-1]
    joined = " ".join(prev)
    if is_title(last):
        return 0.9
    if last in _FAMILY_TITLES and toks[i].cap:
        return 0.85  # "tante Gerdien", "opa Kees": a family title right before a capitalised word
    if last in _INTRO or any(joined.endswith(s.rstrip(":")) for s in _STRONG_BEFORE):
        return 0.9
    if (
        last in RELATION_WORDS
        and len(prev) >= 2
        and prev[-2]
        in {
            "mijn",
            "m'n",
            "mn",
            "onze",
            "haar",
            "zijn",
            "jouw",
            "je",
            "beste",
            "de",
            "die",
            "een",
            "ons",
            "het",
        }
    ):
        return 0.85
    if len(prev) >= 2 and prev[-2:] == ["ik", "ben"]:
        return 0.7
    if last in _GREETINGS:
        return 0.6
    if last in {"en", "met", "tegen", "van", "bij", "aan", "voor", "naast", "zonder"} and len(prev) >= 1:
        return 0.3
    return 0.0


_TEACHER_TITLES = frozenset("juf juffrouw meester meneer mevrouw mr mw dhr mevr".split())
_NOT_AFTER_TITLE = frozenset(
    "is was zei zegt gaf geeft heeft had wil wilde kan kon mag mocht moet moest deed doet werd wordt vond vindt "
    "legt legde liet laat van en die uit of zelf ook nog weer al ziek boos blij lief streng aardig".split()
)
_VOCATIVE_NEXT = frozenset("jij je jullie".split())
# A verb's shape: a participle ("gezegd", "verteld", "belooft") or an infinitive ("vragen").
_VERB_SHAPE = re.compile(r"(?:ge|be|ver|ont|her|er)\w+[dt]$|\w+en$")
# Words that open a sentence spoken to someone and are no name ("Bruh jij bent ...", "Omg je bent ...").
_INTERJECTIONS = frozenset(
    "bro bruh brah broer dude sis omg wtf lol lmao haha hahaha pff pfff bitch man jongens meiden mensen "
    "schat schatje lieverd serieus eerlijk echt sorry sowieso nou wow yes nee ja oke okay ok sup".split()
)
_WITH_WORDS = frozenset("met tegen naast zonder".split())
_ME = frozenset("ik mij me".split())
# A verb for two, before "X en ik" ("gisteren waren roos en ik ..."), not "er was storm en ik was bang".
_PLURAL_VERBS = frozenset(
    "waren gingen hebben hadden zijn zaten gaan kwamen moesten mochten willen wilden zitten spelen speelden "
    "kunnen konden zullen zouden".split()
)
_DETERMINERS = frozenset(
    "een de het die deze dat dit mijn m'n mn je jouw zijn z'n haar onze ons jullie hun elke geen".split()
)
# What one does with someone ("met bas afgesproken"), after which a name that is also a word is a name.
_DID_TOGETHER = frozenset(
    "afgesproken afspreken gechild chillen gespeeld spelen gezoend zoenen gedanst gewandeld gefietst gebeld "
    "gebeld geappt gepraat gesproken gelogeerd ruzie samen".split()
)


def _lowercase_name_in_context(toks: list[_Tok], i: int, g: Gazetteers) -> tuple[float, str]:
    """A lower-case first name that is also a word, told apart by its context: "hoi bas,", "juf ank",
    "afgesproken met roos", "bas jij bent ..." (but not "een roos", "een bas", "hoera")."""
    t = toks[i]
    low = t.low
    prev = toks[i - 1].low if i > 0 else ""
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if (
        prev in _TEACHER_TITLES
        and low not in FUNCTION_WORDS
        and low not in _NOT_AFTER_TITLE
        and len(low) <= 8
        and (low in g.core or low in g.surnames or not (g.ordinary(low) and _VERB_SHAPE.match(low)))
    ):  # "juf ank", not "de juf gezegd"
        if low not in _PERSON_VERBS and low.isalpha():
            return 0.85, "context:title"
    if low not in g.core:
        return 0.0, ""
    if prev in _GREETINGS and (i == 1 or toks[i - 1].sentence_start):
        return 0.8, "context:greeting"
    if (i == 0 or t.sentence_start) and nxt in _VOCATIVE_NEXT:
        return 0.75, "context:vocative"
    if prev in _WITH_WORDS and i >= 2 and toks[i - 2].low not in FUNCTION_WORDS | {"samen"}:
        return 0.65, "context:met"
    if prev in _WITH_WORDS and nxt in _DID_TOGETHER:
        return 0.65, "context:met"  # "ik heb met bas afgesproken"
    prev2 = toks[i - 2].low if i > 1 else ""
    nxt2 = toks[i + 2].low if i + 2 < len(toks) else ""
    before_me = nxt == "en" and nxt2 in _ME and (i == 0 or t.sentence_start or prev in _PLURAL_VERBS)
    if prev not in _DETERMINERS and ((prev == "en" and prev2 in _ME) or before_me):
        return 0.7, "context:ik en"  # "ik en storm gingen", "roos en ik waren"
    return 0.0, ""


def _after_pet(toks: list[_Tok], i: int) -> bool:
    """A pet word shortly before token i ("onze hond Max"), with no person word in between ("mijn
    hamster, mijn vriendin Jade")."""
    for p in reversed(toks[max(0, i - 3) : i]):
        if p.low in RELATION_WORDS or p.low in _TEACHER_TITLES:
            return False
        if p.low in _PETS:
            return True
    return False


def _name_score(toks: list[_Tok], i: int, g: Gazetteers) -> tuple[float, str]:
    t = toks[i]
    low = t.low
    if len(low) < 2 or low in FUNCTION_WORDS or not low.replace("-", "").replace("'", "").isalpha():
        return 0.0, ""
    if low in g.places and low not in g.core:
        # A shop or town is no person, except right after a person word: "mijn vriendin Zara".
        person_word = (
            i > 0
            and toks[i - 1].low in RELATION_WORDS
            and toks[i - 1].low not in _SUBJECT_TEACHERS  # "haar leraar Duits"
            and _context_score(toks, i, g) >= 0.85
        )
        if not (t.cap and person_word and low not in g.towns):
            return 0.0, ""
    if not t.cap and low not in g.core and low not in g.broad and low not in g.surnames and g.ordinary(low):
        if i > 0 and toks[i - 1].low in _TEACHER_TITLES:
            return _lowercase_name_in_context(toks, i, g)
        return 0.0, ""  # the common case: an ordinary lower-case word
    if _after_pet(toks, i):
        return 0.0, ""  # a pet's name identifies nobody
    if low in _SHOPS and i > 0 and toks[i - 1].low in ("de", "het"):
        return 0.0, ""  # "bij de Dirk", "naar de Zara": a shop, not a person
    acronym = t.text.isupper() and len(t.text) > 1
    known_first = low in g.core
    known_broad = low in g.broad
    known_sur = low in g.surnames
    ordinary = g.ordinary(low)
    context = _context_score(toks, i, g)
    if context >= 0.8:
        if t.cap or known_first or known_broad or known_sur or not ordinary:
            return context, "context"
        return _lowercase_name_in_context(toks, i, g)
    if context >= 0.6 and (known_first or known_broad) and (t.cap or not ordinary):
        return 0.8, "context"
    if acronym:
        return 0.0, ""
    if known_first and ordinary and not t.cap:
        return _lowercase_name_in_context(toks, i, g)
    if known_first:
        if t.cap and t.sentence_start and ordinary and i + 1 < len(toks) and toks[i + 1].low in _PERSON_VERBS:
            return 0.6, "gazetteer+verb"
        if (
            t.cap
            and t.sentence_start
            and ordinary
            and i + 1 < len(toks)
            and toks[i + 1].low in _VOCATIVE_NEXT
        ):
            return 0.75, "context:vocative"
        if t.cap and not t.sentence_start:
            return (0.6 if ordinary else 0.8), "gazetteer"
        if not ordinary:
            return (0.75 if t.cap else 0.65), "gazetteer"
        if context >= 0.3 and t.cap:
            return 0.6, "gazetteer+context"
        return 0.0, ""
    if known_broad and not ordinary:
        if t.cap and not t.sentence_start:
            return 0.65, "gazetteer"
        if context >= 0.3 and (t.cap or len(low) >= 4):
            return 0.6, "gazetteer+context"
        return 0.0, ""
    if known_sur and t.cap and not ordinary and not t.sentence_start:
        return 0.55, "gazetteer:surname"
    if (
        t.cap
        and not ordinary
        and len(low) >= 4
        and low not in g.places
        and low not in _INTERJECTIONS
        and low not in RELATION_WORDS
        and _addressed(toks, i)
    ):
        return 0.7, "context:addressed"  # "Kaoutar je bent ...", "ey Shirin jij ...", "Dunya als jij ..."
    return 0.0, ""


def _addressed(toks: list[_Tok], i: int) -> bool:
    """Token i opens a sentence (or follows a greeting there) and the sentence speaks to someone."""
    opens = toks[i].sentence_start or (
        i > 0 and toks[i - 1].low in _GREETINGS and (i == 1 or toks[i - 1].sentence_start)
    )
    nxt = [t.low for t in toks[i + 1 : i + 3]]
    return opens and bool(nxt) and (nxt[0] in _VOCATIVE_NEXT or nxt[:2] in (["als", "jij"], ["als", "je"]))


def _extend_surname(toks: list[_Tok], i: int, g: Gazetteers) -> int:
    """Index of the last token of a full name that starts at token i (i itself if none)."""
    j = i + 1
    while j < len(toks) and toks[j].low in PARTICLES and toks[j].spaced:
        j += 1
    if j >= len(toks) or not toks[j].spaced:
        return i
    t = toks[j]
    had_particle = j > i + 1
    if t.low in FUNCTION_WORDS and not had_particle:
        return i
    if t.low in g.places and t.low not in g.surnames and not had_particle:
        return i
    if t.cap and (had_particle or t.low in g.surnames or not g.ordinary(t.low)):
        return j
    if t.low in g.surnames and (had_particle or not g.ordinary(t.low)):
        return j
    return i


_PLACEHOLDER_WORDS = frozenset(
    "naam telefoonnummer e-mailadres adres postcode bsn rekeningnummer gebruikersnaam link school "
    "geboortedatum kenteken".split()
)


MODEL_PATH = DATA / "name_model"
_model: Any = None
_model_missing = False


def _name_model() -> Any:
    """The small trained name model (see `nlp_models.train`), or None when it is not there."""
    global _model, _model_missing
    if _model is None and not _model_missing:
        with _lock:
            if _model is None and not _model_missing:
                if (MODEL_PATH / "config.cfg").exists():
                    import spacy

                    import nlp_models.spacy_components  # noqa: F401 - registers the tokenizer

                    _model = spacy.load(MODEL_PATH)
                else:
                    _model_missing = True
    return _model


@lru_cache(maxsize=4)
def _model_entities(text: str) -> frozenset[tuple[int, int]]:
    model = _name_model()
    if model is None:
        return frozenset()
    return frozenset((e.start_char, e.end_char) for e in model(text).ents if e.label_ == "PERSON")


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and end > s for s, e in spans)


def _model_says_person(text: str, start: int, end: int) -> bool:
    return (start, end) in _model_entities(text)


_WEAK_BEFORE = frozenset("en met tegen bij aan naast zonder van voor".split())
_SUBJECTS = frozenset("ik k jij je hij zij ze we wij jullie u".split())


def _open_case(toks: list[_Tok], i: int, g: Gazetteers) -> bool:
    """A token the rules leave open: a first name that is also a word, with no name context, or an
    unknown capitalised word after "met", "en", ... (the model decides these)."""
    t = toks[i]
    low = t.low
    if not t.cap and low not in g.core:
        return False  # the common case: a lower-case word that is no first name
    if len(low) < 3 or low in FUNCTION_WORDS or low in g.places or t.text.isupper() or not low.isalpha():
        return False
    if _after_pet(toks, i):
        return False
    if not t.cap and i > 0 and toks[i - 1].low in _SUBJECTS:
        return False  # "die ik ken", "als je mist": right after a subject pronoun stands the verb
    if low in g.core and (low in g.words or low in AMBIGUOUS_NAME_WORDS) and low not in ENGLISH_WORD_NAMES:
        return True
    lows = [x.low for x in toks[max(0, i - 2) : i + 3]]
    k = min(i, 2)
    nxt = lows[k + 1] if k + 1 < len(lows) else ""
    weak = (
        nxt in _PERSON_VERBS
        or nxt == "uit"  # "Shayla uit groep 8"
        or lows[max(0, k - 2) : k] == ["ik", "en"]
        or lows[k + 1 : k + 3] == ["en", "ik"]
    )
    # At the start of a sentence only before what only people do ("Jaylen vroeg waarom", "Mirre uit
    # 2b"), not "Efteling heeft ...".
    start_ok = not t.sentence_start or nxt in _SPEECH_VERBS or nxt == "uit"
    return t.cap and start_ok and not g.ordinary(low) and low not in g.broad and weak


def _shouting(text: str) -> bool:
    """A post in capitals throughout ("YOUSSEF JE BENT ..."): capitals tell nothing about names."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def find_names(text: str) -> list[Finding]:
    if _shouting(text) and len(text.lower()) == len(text):
        return find_names(text.lower())  # read as if in lower case: the same offsets
    g = load()
    toks = _tokens(text)
    if "[" in text:  # the filter's own placeholders are neither names nor context ("[naam]: ..."): blank them
        for t in toks:
            if (
                t.low in _PLACEHOLDER_WORDS
                and text[t.start - 1 : t.start] == "["
                and text[t.end : t.end + 1] == "]"
            ):
                t.low, t.cap = "", False
    lowered = text.lower()
    protected = [
        (m.start(), m.start() + len(p))
        for p in PUBLIC_FIGURES
        if p in lowered
        for m in re.finditer(re.escape(p), lowered)
    ]
    found = []
    i = 0
    while i < len(toks):
        score, why = _name_score(toks, i, g)
        if (
            score <= 0
            and toks[i].cap
            and (toks[i].low in g.core or toks[i].low in g.broad)
            and not toks[i].text.isupper()
        ):
            last = _extend_surname(toks, i, g)
            if last > i + 1 or (last > i and toks[last].low in g.surnames):
                score, why = 0.8, "first_and_surname"
        if score <= 0 and _open_case(toks, i, g) and _model_says_person(text, toks[i].start, toks[i].end):
            score, why = 0.6, "model"
        if score <= 0:
            i += 1
            continue
        last = _extend_surname(toks, i, g)
        start, end = toks[i].start, toks[last].end
        if last > i:
            score = max(score, 0.8)
        if _overlaps(start, end, protected):
            i = last + 1
            continue
        found.append(Finding("PERSON", start, end, score, f"names:{why}", PLACEHOLDERS["PERSON"]))
        i = last + 1
    found += [f for f in _beside_names(text, toks, found, g) if not _overlaps(f.start, f.end, protected)]
    # "meneer de Jong", "mevrouw van der Linden": a title, tussenvoegsels, a capitalised word
    for k, t in enumerate(toks[:-2]):
        if is_title(t.low) and toks[k + 1].low in PARTICLES:
            j = k + 1
            while j < len(toks) and toks[j].low in PARTICLES:
                j += 1
            if (
                j < len(toks) and (toks[j].cap or toks[j].low in g.surnames) and not g.brand(toks[j].low)
            ):  # not "juf van Duits"
                found.append(
                    Finding(
                        "PERSON",
                        toks[k + 1].start,
                        toks[j].end,
                        0.85,
                        "names:title_surname",
                        PLACEHOLDERS["PERSON"],
                    )
                )
    # "de Vries", "van der Linden" standing alone after a title or in a family name
    for k, t in enumerate(toks):
        if t.cap and t.low in g.surnames and k > 0 and toks[k - 1].low in PARTICLES and not g.ordinary(t.low):
            j = k - 1
            while j > 0 and toks[j - 1].low in PARTICLES:
                j -= 1
            if (
                toks[j].cap
                or j > 0
                and (toks[j - 1].low in {"familie", "fam"} or toks[j - 1].low in TITLE_WORDS)
            ):
                found.append(
                    Finding("PERSON", toks[j].start, t.end, 0.7, "names:surname", PLACEHOLDERS["PERSON"])
                )
    return found


def _beside_names(text: str, toks: list[_Tok], found: list[Finding], g: Gazetteers) -> list[Finding]:
    """Unknown capitalised words listed with a name ("mijn neven Sem en Jaylen", "Imane, Kenza en
    Lotte"): a list of names is names, also where no list knows them."""
    covered = {k for k, t in enumerate(toks) for f in found if f.start <= t.start and t.end <= f.end}
    more: list[Finding] = []
    changed = True
    while changed:
        changed = False
        for k, t in enumerate(toks):
            if k in covered or not t.cap or t.text.isupper() or len(t.low) < 3:
                continue
            if g.ordinary(t.low) or t.low in g.places or t.low in FUNCTION_WORDS or t.low in RELATION_WORDS:
                continue
            if k > 0 and toks[k - 1].low in _PLACE_BEFORE:
                continue  # "naar Scheveningen en Daan": a place in the list
            if _listed_with(text, toks, k, -1, covered) or _listed_with(text, toks, k, 1, covered):
                covered.add(k)
                more.append(Finding("PERSON", t.start, t.end, 0.7, "names:listed", PLACEHOLDERS["PERSON"]))
                changed = True
    return more


_SUBJECT_TEACHERS = frozenset("leraar lerares docent docente juf meester mentor".split())
_PLACE_BEFORE = frozenset("naar in uit bij op richting via langs".split())


def _listed_with(text: str, toks: list[_Tok], k: int, step: int, covered: set[int]) -> bool:
    """Token k stands in one list with a name just before it (step -1) or after it (step +1):
    "X en Y", "X, Y", "X & Y"."""
    near = k + step
    if 0 <= near < len(toks) and near in covered:
        a, b = sorted((toks[near], toks[k]), key=lambda t: t.start)
        if text[a.end : b.start].strip() in (",", "&", "+"):
            return True
    far = k + 2 * step
    return 0 <= far < len(toks) and far in covered and toks[near].low == "en"


def repeated_names(text: str, removed: list[Finding]) -> list[Finding]:
    """Every other mention of a name the filter removed ("meneer Brouwer ... je bent een lul
    Brouwer"): once a word is known to name someone in this post, it names them everywhere in it.
    A name only guessed (by the name model) spreads only where no place could stand ("in Rome")."""
    sure: set[str] = set()
    guessed: set[str] = set()
    for f in removed:
        if f.type != "PERSON":
            continue
        for w in _TOKEN.findall(text[f.start : f.end]):
            low = plain(w)
            if len(low) >= 3 and low not in PARTICLES and not is_title(low) and low not in FUNCTION_WORDS:
                (sure if f.score >= 0.75 else guessed).add(low)
    if not sure and not guessed:
        return []
    g = load()
    out = []
    toks = _tokens(text)
    for k, t in enumerate(toks):
        if t.low not in sure and t.low not in guessed:
            continue
        if any(f.start < t.end and t.start < f.end for f in removed):
            continue
        if t.low not in sure and (not t.cap or (k > 0 and toks[k - 1].low in _PLACE_BEFORE)):
            continue
        if t.cap or not g.ordinary(t.low):
            out.append(Finding("PERSON", t.start, t.end, 0.8, "names:repeated", PLACEHOLDERS["PERSON"]))
    return out


_SPLIT = re.compile(r"[A-Z]?[a-zà-ÿ]+|[A-Z]+(?![a-z])|\d+")


def check_nickname(nickname: str) -> list[Finding]:
    """What makes a nickname unfit: a real name, a handle, a number or e-mail, a swear word."""
    from nlp_models.profanity import find_profanity
    from nlp_models.structured import find_structured

    g = load()
    found = [
        f
        for f in find_structured(nickname)
        if f.type in {"PHONE", "EMAIL", "URL", "BSN", "IBAN", "POSTCODE", "HANDLE"}
        and f.source
        not in {"regex:underscore_handle", "context:handle_like"}  # a nickname is a handle itself
    ]
    found += find_profanity(nickname)
    parts = [
        (m.start(), m.end(), plain(m.group())) for m in _SPLIT.finditer(nickname) if not m.group().isdigit()
    ]
    compact = plain(re.sub(r"[\W\d_]+", "", nickname))
    for k, (s, e, low) in enumerate(parts):
        if len(low) < 3 and not (k + 1 < len(parts)):
            continue
        is_first = low in g.core or low in g.broad
        word_like = g.ordinary(low) or low in g.places
        nxt = parts[k + 1] if k + 1 < len(parts) else None
        if is_first and nxt:
            rest = [p for p in parts[k + 1 :] if p[2] not in PARTICLES]
            if rest and (rest[0][2] in g.surnames or not g.ordinary(rest[0][2])) and len(rest[0][2]) >= 3:
                found.append(Finding("PERSON", s, rest[0][1], 0.9, "names:full_name", PLACEHOLDERS["PERSON"]))
                continue
        if is_first and not word_like and (len(parts) == 1 or compact == low):
            found.append(Finding("PERSON", s, e, 0.7, "names:first_name", PLACEHOLDERS["PERSON"]))
    if not any(f.type == "PROFANITY" for f in found):
        from nlp_models.profanity import judge

        for s, e, low in parts:
            if judge(low):
                found.append(Finding("PROFANITY", s, e, 0.9, "lexicon:nickname", PLACEHOLDERS["PROFANITY"]))
        if judge(compact) and not any(f.type == "PROFANITY" for f in found):
            found.append(
                Finding("PROFANITY", 0, len(nickname), 0.9, "lexicon:nickname", PLACEHOLDERS["PROFANITY"])
            )
    return sorted(found, key=lambda f: f.start)
