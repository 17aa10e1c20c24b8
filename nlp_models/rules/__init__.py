"""The filter's decision rules, kept as data: one TOML file per category in this folder, written over the
word classes of `nlp_models/lexicon/`.

A rule file names its Dutch category once and holds `[[rule]]` tables:

    [[rule]]
    name = "suicide_wish"          # unique over all files; findings carry source "rule:<name>"
    decision = "urgent"            # or "queue"
    score = 0.95
    patterns = ['\\bik\\s+wil\\s+{filler:4}dood\\b', ...]   # alternatives; any one is a match
    veto = ['\\b(?:kamp|vakantie)\\b']   # optional: a match anywhere in the post cancels the rule
    game_veto = true               # optional: a game named in the post cancels it ("in fortnite")
    reported_speech_veto = true    # optional: "hij noemde me ..." just before the match cancels it
    joke_veto = true               # optional: laughter beside the match, and no plan in the post, cancel it
    match = ["ik wil dood", "..."]         # at least two posts that must give this rule's finding
    no_match = ["ik ga dood van het lachen", "..."]   # at least two that must not

Placeholders in a pattern (and in a lexicon line) are expanded before compiling:
`{class}` is the lexicon class `class` as one group of its lines, `{class:N}` up to N of its words each
followed by white space, `{gap:N}` up to N words of any kind (commas allowed), `{words:N}` up to N words
each followed by white space. A regex quantifier such as `{0,3}` is left alone.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from nlp_models.types import Decision

RULES_DIR = Path(__file__).resolve().parent
LEXICON_DIR = RULES_DIR.parent / "lexicon"

_PLACEHOLDER = re.compile(r"\{([a-z_]+)(?::(\d+))?\}")
_BUILT_IN = {
    "gap": r"(?:[\w'’]+[\s,]+){0,%s}",
    "words": r"(?:[\w']+\s+){0,%s}",
}
_DECISIONS = {"urgent": Decision.URGENT, "queue": Decision.QUEUE}
_RULE_KEYS = {
    "name",
    "decision",
    "score",
    "patterns",
    "veto",
    "game_veto",
    "reported_speech_veto",
    "joke_veto",
    "match",
    "no_match",
}
_MIN_EXAMPLES = 2


class RuleFileError(ValueError):
    """A rule or lexicon file that cannot be loaded; the message names the file and, where known, the rule."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A phrase rule. A rule whose regex cannot match a text is skipped without running it: the
    literals one of which every match contains are derived from the regex itself (`prefilter.py`),
    and one Aho-Corasick pass finds those of every rule at once."""

    name: str
    category: str
    decision: Decision
    score: float
    pattern: re.Pattern[str]
    parts: tuple[str, ...]  # the alternatives `pattern` is made of, expanded, each a regex of its own
    veto: re.Pattern[str] | None = None
    game_veto: bool = False
    reported_speech_veto: bool = False
    joke_veto: bool = False
    match: tuple[str, ...] = ()
    no_match: tuple[str, ...] = ()
    file: str = ""


def alternation(parts: tuple[str, ...] | list[str]) -> str:
    """One regex that matches where any of `parts` does, each kept in its own group."""
    return "|".join(f"(?:{p})" for p in parts)


class Lexicon:
    """The word classes: `<folder>/<class>.txt`, one word or regex fragment per line, `#` comments."""

    def __init__(self, folder: Path = LEXICON_DIR) -> None:
        self.folder = folder
        self._entries: dict[str, tuple[str, ...]] = {}
        for path in sorted(folder.glob("*.txt")):
            lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
            entries = tuple(line for line in lines if line and not line.startswith("#"))
            if not entries:
                raise RuleFileError(f"{path}: the word class {path.stem!r} has no entries")
            self._entries[path.stem] = entries
        self._expanded: dict[str, str] = {}

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(self._entries)

    def entries(self, name: str) -> tuple[str, ...]:
        """The lines of class `name` as written (placeholders not expanded)."""
        try:
            return self._entries[name]
        except KeyError:
            raise KeyError(f"no word class {name!r} in {self.folder}") from None

    def words(self, name: str) -> frozenset[str]:
        """The entries of class `name` as a set of plain words (for lists that are not regexes)."""
        return frozenset(self.entries(name))

    def group(self, name: str) -> str:
        """Class `name` as one regex group, its placeholders expanded."""
        if name not in self._expanded:
            self._expanded[name] = "…"  # a marker while expanding: a class that contains itself
            self._expanded[name] = (
                "(?:" + "|".join(self.expand(e, _within=name) for e in self.entries(name)) + ")"
            )
        elif self._expanded[name] == "…":
            raise ValueError(f"the word class {name!r} contains itself")
        return self._expanded[name]

    def expand(self, pattern: str, *, _within: str | None = None) -> str:
        """`pattern` with every placeholder replaced by its regex."""

        def one(m: re.Match[str]) -> str:
            name, count = m.group(1), m.group(2)
            if name in _BUILT_IN:
                if count is None:
                    raise ValueError(f"{{{name}}} needs a count, as in {{{name}:3}}")
                return _BUILT_IN[name] % count
            if name not in self._entries:
                known = ", ".join(sorted([*self._entries, *_BUILT_IN]))
                where = f" (in the word class {_within!r})" if _within else ""
                raise ValueError(f"unknown word class {{{name}}}{where}; known: {known}")
            group = self.group(name)
            return group if count is None else rf"(?:{group}\s+){{0,{count}}}"

        return _PLACEHOLDER.sub(one, pattern)


@cache
def lexicon() -> Lexicon:
    """The project's word classes, read once."""
    return Lexicon()


def _strings(value: Any, key: str, where: str, *, minimum: int = 0) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleFileError(f"{where}: {key!r} must be a list of non-empty strings")
    if len(value) < minimum:
        raise RuleFileError(f"{where}: {key!r} needs at least {minimum} entries, has {len(value)}")
    return tuple(value)


def _expand(pattern: str, lex: Lexicon, where: str) -> str:
    try:
        return lex.expand(pattern)
    except ValueError as e:
        raise RuleFileError(f"{where}: pattern {pattern!r}: {e}") from None


def _compile_all(
    patterns: tuple[str, ...], lex: Lexicon, where: str
) -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The expanded `patterns` and one regex for them all. Compiled once, as a whole (compiling each
    part too doubled the rules' share of start-up); only when that fails is each part compiled, to
    name the broken one."""
    expanded = tuple(_expand(p, lex, where) for p in patterns)
    try:
        return expanded, re.compile(alternation(expanded))
    except re.error as whole:
        for raw, part in zip(patterns, expanded, strict=True):
            try:
                re.compile(part)
            except re.error as e:
                raise RuleFileError(f"{where}: pattern {raw!r}: {e}") from None
        raise RuleFileError(f"{where}: the patterns together: {whole}") from None


def _head(
    table: Any, path: Path, index: int, *, kind: str, needs: str, keys: set[str]
) -> tuple[str, str, Decision]:
    """The name, the "file, kind name" used in every message, and the decision of a rule file's table;
    a clear error for a missing or malformed name, an unknown key or a decision that is none."""
    name = table.get("name") if isinstance(table, dict) else None
    where = f"{path.name}, {kind} {name!r}" if isinstance(name, str) else f"{path.name}, {kind} #{index + 1}"
    if not isinstance(table, dict) or not isinstance(name, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise RuleFileError(f"{where}: {needs} needs a 'name' of lower-case letters, digits and _")
    unknown = set(table) - keys
    if unknown:
        raise RuleFileError(
            f"{where}: unknown key(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(keys))}"
        )
    decision = _DECISIONS.get(table.get("decision"))  # type: ignore[arg-type]
    if decision is None:
        raise RuleFileError(f"{where}: 'decision' must be one of {', '.join(_DECISIONS)}")
    return name, where, decision


def _rule(table: Any, category: str, path: Path, index: int, lex: Lexicon) -> Rule:
    name, where, decision = _head(table, path, index, kind="rule", needs="a rule", keys=_RULE_KEYS)
    score = table.get("score")
    if not isinstance(score, float | int) or isinstance(score, bool) or not 0 < score <= 1:
        raise RuleFileError(f"{where}: 'score' must be a number above 0 and at most 1")
    parts, pattern = _compile_all(_strings(table.get("patterns"), "patterns", where, minimum=1), lex, where)
    vetoes = _strings(table.get("veto", []), "veto", where)
    flags = {}
    for flag in ("game_veto", "reported_speech_veto", "joke_veto"):
        flags[flag] = table.get(flag, False)
        if not isinstance(flags[flag], bool):
            raise RuleFileError(f"{where}: {flag!r} must be true or false")
    return Rule(
        name=name,
        category=category,
        decision=decision,
        score=float(score),
        pattern=pattern,
        parts=parts,
        veto=_compile_all(vetoes, lex, where)[1] if vetoes else None,
        game_veto=flags["game_veto"],
        reported_speech_veto=flags["reported_speech_veto"],
        joke_veto=flags["joke_veto"],
        match=_strings(table.get("match"), "match", where, minimum=_MIN_EXAMPLES),
        no_match=_strings(table.get("no_match"), "no_match", where, minimum=_MIN_EXAMPLES),
        file=path.name,
    )


@dataclass(frozen=True, slots=True)
class WeightedCues:
    """Cues that are weak alone: their weights add up, and at `threshold` or more the post gets a finding
    (a farewell: "mijn laatste bericht" + "de pillen liggen klaar"). Each cue counts once."""

    name: str
    category: str
    decision: Decision
    threshold: float
    cues: tuple[tuple[re.Pattern[str], float], ...]
    match: tuple[str, ...] = ()
    no_match: tuple[str, ...] = ()
    file: str = ""


_WEIGHTED_KEYS = {"name", "decision", "threshold", "cues", "match", "no_match"}


def _weighted(table: Any, category: str, path: Path, index: int, lex: Lexicon) -> WeightedCues:
    name, where, decision = _head(table, path, index, kind="cues", needs="[[weighted]]", keys=_WEIGHTED_KEYS)
    threshold = table.get("threshold")
    cues = table.get("cues")
    if not isinstance(threshold, float | int) or isinstance(threshold, bool) or threshold <= 0:
        raise RuleFileError(f"{where}: 'threshold' must be a number above 0")
    if not isinstance(cues, list) or not cues:
        raise RuleFileError(f"{where}: 'cues' must be a list of {{pattern = '...', weight = 0.4}}")
    compiled = []
    for cue in cues:
        if (
            not isinstance(cue, dict)
            or set(cue) != {"pattern", "weight"}
            or not isinstance(cue["pattern"], str)
        ):
            raise RuleFileError(f"{where}: each cue is {{pattern = '...', weight = 0.4}}, not {cue!r}")
        if (
            not isinstance(cue["weight"], float | int)
            or isinstance(cue["weight"], bool)
            or cue["weight"] <= 0
        ):
            raise RuleFileError(f"{where}: cue {cue['pattern']!r}: 'weight' must be a number above 0")
        compiled.append((_compile_all((cue["pattern"],), lex, where)[1], float(cue["weight"])))
    return WeightedCues(
        name=name,
        category=category,
        decision=decision,
        threshold=float(threshold),
        cues=tuple(compiled),
        match=_strings(table.get("match"), "match", where, minimum=_MIN_EXAMPLES),
        no_match=_strings(table.get("no_match"), "no_match", where, minimum=_MIN_EXAMPLES),
        file=path.name,
    )


def _load(path: Path, lex: Lexicon | None) -> tuple[tuple[Rule, ...], tuple[WeightedCues, ...]]:
    lex = lex or lexicon()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise RuleFileError(f"{path.name}: not valid TOML: {e}") from None
    category = data.get("category")
    if not isinstance(category, str) or not category.strip():
        raise RuleFileError(f"{path.name}: the file needs a 'category' (the Dutch label the moderator sees)")
    tables = data.get("rule", [])
    weighted = data.get("weighted", [])
    if not isinstance(tables, list) or not isinstance(weighted, list) or not (tables or weighted):
        raise RuleFileError(f"{path.name}: no [[rule]] tables")
    unknown = set(data) - {"category", "rule", "weighted"}
    if unknown:
        raise RuleFileError(f"{path.name}: unknown top-level key(s) {', '.join(sorted(unknown))}")
    return (
        tuple(_rule(t, category, path, i, lex) for i, t in enumerate(tables)),
        tuple(_weighted(t, category, path, i, lex) for i, t in enumerate(weighted)),
    )


def load_file(path: Path, lex: Lexicon | None = None) -> tuple[Rule, ...]:
    """The rules of one file, compiled; RuleFileError names the file and rule of any mistake."""
    return _load(path, lex)[0]


def load_weighted(folder: Path = RULES_DIR, lex: Lexicon | None = None) -> tuple[WeightedCues, ...]:
    """Every `[[weighted]]` table of every `*.toml` file in `folder`, in file order."""
    return tuple(w for path in sorted(folder.glob("*.toml")) for w in _load(path, lex)[1])


def load_rules(folder: Path = RULES_DIR, lex: Lexicon | None = None) -> tuple[Rule, ...]:
    """Every rule of every `*.toml` file in `folder`, files in name order, rules in file order."""
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        for rule in load_file(path, lex):
            if rule.name in seen:
                raise RuleFileError(
                    f"{path.name}, rule {rule.name!r}: the name is used in {seen[rule.name]} too"
                )
            seen[rule.name] = path.name
            rules.append(rule)
    return tuple(rules)
