"""Synthetic Dutch youth posts with annotated spans, for the benchmark and the name model.

Everything here is written for this project; names come from the package's gazetteers.
`posts(n, length)` gives texts of about `length` characters; `annotated(n)` gives
`(text, [(start, end, label), ...])` pairs where label is PERSON for the name model.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from nlp_models import names

SENTENCES = (
    "hoi allemaal, ik ben {NAME} en ik zit in groep {N}.",
    "gisteren zei mijn vriendin {NAME} dat ik mee mocht naar de film.",
    "mijn broertje {NAME} speelt de hele dag fortnite en ik word er gek van.",
    "weet iemand hoe je een goede spreekbeurt maakt over dieren?",
    "ik heb morgen een toets wiskunde en ik snap er echt niks van.",
    "juf {NAME} zegt dat we meer moeten oefenen voor de cito.",
    "meneer {SURNAME} geeft altijd veel te veel huiswerk, zo irritant.",
    "mijn moeder vindt dat ik te veel op mijn telefoon zit.",
    "we gaan in de zomer naar Spanje met de hele familie.",
    "ik vind het zo kut dat ik niet mee mag naar het feest.",
    "{NAME} en ik hebben ruzie over iets stoms, hoe maak ik het goed?",
    "bel me maar op {PHONE} als je wilt praten.",
    "mijn mail is {EMAIL} voor het project.",
    "ik woon op de {STREET} {HOUSE} en het is hier super saai.",
    "op school noemen ze me soms stom maar ik trek me er niks van aan.",
    "heeft iemand tips om beter te slapen? ik lig elke nacht wakker.",
    "mijn opa heeft kanker en ik ben er verdrietig over.",
    "{NAME} {SURNAME} uit mijn klas pest iedereen.",
    "ik ben {AGE} jaar en ik wil graag een bijbaantje.",
    "mijn hond is ziek en moet naar de dierenarts.",
    "wat een kankerzooi dit weer, mijn fiets is gestolen.",
    "ik heb een {GRADE} voor Engels gehaald, eindelijk!",
    "mijn tante {NAME} komt logeren en ze neemt altijd snoep mee.",
    "hoe zeg ik tegen mijn ouders dat ik niet meer op hockey wil?",
    "vandaag hadden we gym en ik ben zo moe.",
    "ik ga met {NAME} naar de Albert Heijn om chips te halen.",
    "kan iemand me helpen met mijn huiswerk over de Tweede Wereldoorlog?",
    "groetjes van {NAME}",
)
STREETS = (
    "Merelstraat",
    "Dorpsstraat",
    "Kerkweg",
    "Lindenlaan",
    "Molenweg",
    "Schoolstraat",
    "Beukenlaan",
    "Julianastraat",
)


def _fill(
    template: str, rng: random.Random, g: names.Gazetteers, spans: list[tuple[int, int, str]], prefix: int
) -> str:
    out = ""
    rest = template
    while "{" in rest:
        head, _, tail = rest.partition("{")
        key, _, rest = tail.partition("}")
        out += head
        if key == "NAME":
            value = rng.choice(_FIRST)
            label = "PERSON"
        elif key == "SURNAME":
            value = rng.choice(_SUR)
            label = "PERSON"
        elif key == "PHONE":
            value, label = f"06-{rng.randrange(10_000_000, 99_999_999)}", ""
        elif key == "EMAIL":
            value, label = f"{rng.choice(_FIRST).lower()}{rng.randrange(2008, 2016)}@hotmail.com", ""
        elif key == "STREET":
            value, label = rng.choice(STREETS), ""
        elif key == "HOUSE":
            value, label = str(rng.randrange(1, 200)), ""
        elif key == "AGE":
            value, label = str(rng.randrange(8, 19)), ""
        elif key == "GRADE":
            value, label = str(rng.randrange(4, 10)), ""
        else:
            value, label = str(rng.randrange(1, 9)), ""
        if label:
            spans.append((prefix + len(out), prefix + len(out) + len(value), label))
        out += value
    return out + rest


_FIRST: list[str] = []
_SUR: list[str] = []


def _init(g: names.Gazetteers) -> None:
    if not _FIRST:
        _FIRST.extend(sorted(n.capitalize() for n in g.core if not g.ordinary(n))[:3000])
        _SUR.extend(sorted(n.capitalize() for n in g.surnames if not g.ordinary(n)))


def annotated(
    n: int, *, seed: int = 7, length: int = 300
) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """`n` posts of about `length` characters, each with its PERSON spans."""
    rng = random.Random(seed)  # noqa: S311 - synthetic text, not security
    g = names.load()
    _init(g)
    for _ in range(n):
        text = ""
        spans: list[tuple[int, int, str]] = []
        while len(text) < length:
            sentence = _fill(rng.choice(SENTENCES), rng, g, spans, len(text) + (1 if text else 0))
            if text and rng.random() < 0.5:
                sentence = sentence[0].upper() + sentence[1:]
            text = f"{text} {sentence}" if text else sentence
        yield text, spans


def posts(n: int, *, length: int = 300, seed: int = 7) -> list[str]:
    """`n` synthetic posts of about `length` characters."""
    return [text for text, _ in annotated(n, seed=seed, length=length)]


# Sentences for the name model: a name in many positions and spellings, and the same ambiguous
# words used as ordinary words (label-free), so the model learns the difference from context.
NAME_SENTENCES = (
    "ik ga morgen met {NAME} naar de stad",
    "{NAME} zei dat ik niet mee mocht doen",
    "gisteren heb ik met {NAME} en {NAME} gevoetbald",
    "mijn beste vriendin {NAME} gaat verhuizen",
    "ik en {NAME} hebben ruzie",
    "{NAME} en ik zitten naast elkaar in de klas",
    "weet iemand wat ik tegen {NAME} moet zeggen?",
    "ik vind {NAME} echt leuk maar ik durf het niet te zeggen",
    "mijn broertje {NAME} is irritant",
    "haha {NAME} viel van zijn fiets",
    "{NAME} {SURNAME} zit bij mij op hockey",
    "ik heb {NAME} een appje gestuurd",
    "samen met {NAME} heb ik een filmpje gemaakt",
    "het is uit met {NAME}",
    "groetjes {NAME}",
    "hoi {NAME}, hoe gaat het?",
    "ik ga met {NAME} en {NAME} naar het zwembad",
    "{NAME} en {NAME} zijn mijn beste vrienden",
    "morgen gaan {NAME}, {NAME} en ik naar de film",
    "ik heb met {NAME} en {NAME} gechat",
    "zaterdag komen {NAME} en {NAME} logeren",
    "ik zat met {NAME} in de bus",
)
WORD_SENTENCES = (
    "ik heb een roos gekregen voor valentijn",
    "de storm was echt eng vannacht",
    "ik speel bas in een bandje",
    "ik heb hoop dat het goed komt",
    "de lente is mijn lievelingsseizoen",
    "er staat een mooie bloem in de tuin",
    "ik zit in de klas naast het raam",
    "mijn moeder is de baas thuis",
    "we gingen met de bus naar school",
    "het was een fijne dag in het park",
    "ik kijk graag naar de zon",
    "mijn vader is bakker en staat vroeg op",
    "ik zag een vos in het bos",
    "we hebben jam op ons brood",
    "de zee was koud maar leuk",
    "ik heb een nieuwe jas gekocht bij de Zara",
    "ik heb een roos en een tulp gekocht voor mijn moeder",
    "na de storm en de regen was alles nat",
    "ik speel gitaar en bas in de schoolband",
    "met hoop en liefde kom je ver",
    "ik ga met de fiets en de trein naar school",
    "de lente en de zomer zijn de leukste seizoenen",
)


def name_examples(n: int, *, seed: int = 11) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """Short annotated examples for the name model; about a third have no name at all."""
    rng = random.Random(seed)  # noqa: S311 - synthetic text, not security
    g = names.load()
    _init(g)
    ambiguous = sorted(w.capitalize() for w in g.core if g.ordinary(w))
    for _ in range(n):
        if rng.random() < 0.33:
            text = rng.choice(WORD_SENTENCES)
            yield (text[0].upper() + text[1:] if rng.random() < 0.5 else text), []
            continue
        template = rng.choice(NAME_SENTENCES)
        spans: list[tuple[int, int, str]] = []
        out = ""
        rest = template
        while "{" in rest:
            head, _, tail = rest.partition("{")
            key, _, rest = tail.partition("}")
            out += head
            if key == "NAME":
                value = rng.choice(ambiguous) if rng.random() < 0.25 else rng.choice(_FIRST)
            else:
                value = rng.choice(_SUR)
            if rng.random() < 0.35:
                value = value.lower()
            spans.append((len(out), len(out) + len(value), "PERSON"))
            out += value
        out += rest
        if rng.random() < 0.5:
            out = out[0].upper() + out[1:]
        yield out, spans
