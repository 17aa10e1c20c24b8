"""Rules that hold a post for a moderator: `urgent` (the writer may be in danger now) and
`queue` (what a machine cannot judge on its own).

The phrase rules are data: `nlp_models/rules/<category>.toml`, written over the word classes of
`nlp_models/lexicon/` and loaded by `nlp_models.rules`; each carries examples it must and must not match.
Patterns run over the normalised text (lower case, no accents or look-alikes).
A rule names its category in Dutch for the moderator, e.g. "zelfdoding" or "afspreken".
Figures of speech ("dood van het lachen", "ik schaam me dood") never match an urgent rule:
those rules need a first-person wish or act ("ik wil dood", "ik snij mezelf").

The farewell cues are data too (a `[[weighted]]` table: weak cues whose weights add up). The sextortion
check stays in code: two pairs of patterns, each looked for within a window around the other, with the
first pair's span winning, is a small algorithm rather than a list of phrases.
"""

from __future__ import annotations

import re

from nlp_models.prefilter import Prefilter
from nlp_models.profanity import normalise
from nlp_models.rules import Rule, lexicon, load_rules, load_weighted
from nlp_models.types import Decision, Finding

__all__ = ["PREFILTER", "RULES", "Rule", "find_signals"]

RULES: tuple[Rule, ...] = load_rules()
# A game named in the post makes a threat a move in the game: "ik maak je af met fortnite".
_GAME = re.compile(lexicon().expand(r"\b{game}\b"))
# Words that report what another said, just before an insult: the writer was called it, did not say it.
_REPORTED = re.compile(lexicon().expand(r"\b{reporting_verb}\b"))

# Laughter beside a threat makes it a joke between siblings ("ik ga mn broer vermoorden 😂"), unless the
# post also tells of a plan: a weapon, a time or a place to meet.
_LAUGHTER = re.compile(
    r"\b(?:lol|haha\w*|hihi\w*|xd|jk|grapje|geintje)\b|[\U0001F602\U0001F923\U0001F62D\U0001F606\U0001F605\U0001F61C\U0001F643\U0001F648]"
)
_PLAN = re.compile(
    lexicon().expand(
        r"\b(?:{means}|mes|messen|wapen\w*|morgen|vanavond|straks|na\s+school|na\s+de\s+les|achter\s+de|"
        r"bij\s+het\s+hek|op\s+het\s+plein|wacht\s+(?:ik|we|jou|je)|ik\s+weet\s+waar|kom\s+alleen|zweer)\b"
    )
)
# Said and taken back at once: "ik wil dood (niet echt)", "ik maak je af, grapje".
_TAKEN_BACK = re.compile(r"\W{0,4}(?:niet\s+echt|niet\s+serieus|grapje|geintje|jk|just\s+kidding)\b")

# Cues that are weak alone but together show a farewell or a plan (rules/suicide.toml, [[weighted]]).
(_FAREWELL,) = load_weighted()  # the one such table today; a second would need its own loop below
_FAREWELL_CUES = _FAREWELL.cues


_INTIMATE_IMAGE = re.compile(
    r"\b(?:naaktfoto\w*|naakt\s*foto\w*|nudes?|naakt|sexting|foto'?s?\s+van\s+(?:mij|"
    r"me)|filmpjes?\s+van\s+(?:mij|me)|ondergoed)\b"
)
_LEVERAGE = re.compile(
    r"\b(?:als\s+ik\s+niet|tenzij\s+ik|anders\s+(?:stuurt|zet|deelt|laat|verspreidt)|"
    r"anders\b.{0,40}\b(?:laat\s+zien|laten\s+zien|stuurt|sturen|doorstuurt|zet|zetten|deelt|delen)|"
    r"(?:aan|naar)\s+(?:mijn|m'n|mn|je|jouw)\s+(?:ouders|moeder|vader|mama|papa|school|klas|vrienden)\s+"
    r"(?:laat\s+zien|laten\s+zien|sturen|stuurt|doorsturen)|"
    r"naar\s+iedereen|verspreid\w*|"
    r"online\s+(?:zet|zetten)|betaal|betalen|dreig\w*|chanta\w*)\b"
)


# A threat made on a condition ("anders stuurt hij ze naar school"): with any picture of the writer, as
# telling as an intimate one with weaker leverage.
_ANY_IMAGE = re.compile(r"\b(?:foto\w*|filmpjes?|video\w*|pics?)\b")
_CONDITIONAL_THREAT = re.compile(
    r"\b(?:anders|tenzij|als\s+(?:ik|je|jij)\s+(?:[\w']+\s+){0,3}(?:niet|geen))\b.{0,40}\b(?:laat\s+zien|laten\s+zien|"
    r"stuurt|sturen|doorstuurt|doorsturen|zet|zetten|deelt|delen|verspreid\w*|post|posten)\b"
)


def _sextortion(ntext: str) -> tuple[int, int] | None:
    """An intimate image and leverage over the writer in the same stretch of text, or any picture
    with a conditional threat."""
    if not _IMAGE_PREFILTER.candidates(ntext):
        return None
    for m in _INTIMATE_IMAGE.finditer(ntext):
        lev = _LEVERAGE.search(ntext, max(0, m.start() - 200), m.end() + 250)
        if lev:
            return min(m.start(), lev.start()), max(m.end(), lev.end())
    for m in _ANY_IMAGE.finditer(ntext):
        lev = _CONDITIONAL_THREAT.search(ntext, max(0, m.start() - 120), m.end() + 120)
        if lev:
            return min(m.start(), lev.start()), max(m.end(), lev.end())
    return None


# Derived from the patterns themselves: a rule and its gate cannot drift apart.
PREFILTER = Prefilter({rule.name: rule.pattern for rule in RULES})
_FAREWELL_PREFILTER = Prefilter({str(i): cue for i, (cue, _) in enumerate(_FAREWELL_CUES)})
_IMAGE_PREFILTER = Prefilter({"intimate": _INTIMATE_IMAGE, "any": _ANY_IMAGE})


_CLAUSE_END = re.compile(r"[.!?:;\n]")


def _reported(ntext: str, start: int) -> bool:
    """A reporting verb ("riep", "noemde") shortly before `start`, in the same sentence."""
    window_start = max(0, start - 60)
    ends = [m.end() for m in _CLAUSE_END.finditer(ntext, window_start, start)]
    return bool(_REPORTED.search(ntext, ends[-1] if ends else window_start, start))


def _joking(ntext: str, start: int, end: int) -> bool:
    """Laughter close to a match (60 characters before it, 80 after), and no plan anywhere in the post."""
    return bool(_LAUGHTER.search(ntext, max(0, start - 60), end + 80)) and not _PLAN.search(ntext)


def find_signals(text: str) -> list[Finding]:
    """Urgent and queue signals in `text`: findings without a replacement."""
    norm = normalise(text)
    found = []
    active = PREFILTER.candidates(norm.text)
    span = _sextortion(norm.text)
    if span:
        found.append(
            Finding(
                "seksuele afpersing",
                norm.origin[span[0]],
                norm.origin[span[1] - 1] + 1,
                0.9,
                "rule:image_and_leverage",
                None,
                Decision.URGENT,
            )
        )
    weight, cue_start, cue_end = 0.0, len(norm.text), 0
    cues = _FAREWELL_PREFILTER.candidates(norm.text)
    for i, (cue, w) in enumerate(_FAREWELL_CUES):
        if str(i) not in cues:
            continue  # the cue's regex cannot match without one of its literals
        m = cue.search(norm.text)
        if m:
            weight += w
            cue_start, cue_end = min(cue_start, m.start()), max(cue_end, m.end())
    if weight >= _FAREWELL.threshold:
        found.append(
            Finding(
                _FAREWELL.category,
                norm.origin[cue_start],
                norm.origin[cue_end - 1] + 1,
                min(0.95, 0.5 + weight / 3),
                f"rule:{_FAREWELL.name}",
                None,
                _FAREWELL.decision,
            )
        )
    for rule in RULES:
        if rule.name not in active:
            continue
        for m in rule.pattern.finditer(norm.text):
            if m.end() <= m.start():
                continue
            if rule.veto is not None and rule.veto.search(norm.text):
                continue  # a context that makes the match innocent: a trip, a surprise, a game of ball
            if rule.game_veto and _GAME.search(norm.text):
                continue  # "ik maak je af met fortnite": a game, not a threat
            if rule.reported_speech_veto and _reported(norm.text, m.start()):
                continue  # the writer reports being called this: not an insult by the writer
            if rule.joke_veto and _joking(norm.text, m.start(), m.end()):
                continue
            if _TAKEN_BACK.match(norm.text, m.end()):
                continue
            start = norm.origin[m.start()]
            end = norm.origin[m.end() - 1] + 1
            found.append(
                Finding(rule.category, start, end, rule.score, f"rule:{rule.name}", None, rule.decision)
            )
            break  # one finding per rule is enough to explain the decision
    return found
