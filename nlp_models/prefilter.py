"""Pre-filters derived from regular expressions: the literal substrings one of which every match contains.

A rule's regex only needs to run on a text that holds one of its required literals; one Aho-Corasick pass
finds the literals of every rule at once. The literals are computed from the pattern itself (as RE2's
prefilter does), so they cannot drift apart from the rule they gate: there is no hand-kept trigger list.

`required_literals(pattern)` returns a set of strings such that any match of `pattern` contains at least
one of them, or None when no such set could be found (the rule then always runs).
"""

from __future__ import annotations

import re
import re._constants as sre  # noqa: PLC2701 - the parser's opcodes; stable since Python 3.11
import re._parser as sre_parse
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import ahocorasick

# Limits that keep the sets small: an exact set larger than this is forgotten (only its required part kept).
_MAX_EXACT = 64
_MAX_LITERAL = 24
_MAX_CLASS = 12

_Exact = frozenset[str] | None
_Required = frozenset[str] | None


@dataclass(frozen=True, slots=True)
class _Info:
    exact: _Exact  # every string the node can match, when few; None when unknown or too many
    required: _Required  # one of these is inside every match; None when nothing is known


_NOTHING = _Info(frozenset({""}), None)
_UNKNOWN = _Info(None, None)


def _required_of_exact(exact: frozenset[str]) -> _Required:
    return None if "" in exact else _minimal(exact)


def _minimal(literals: frozenset[str]) -> frozenset[str]:
    """Without the literals that contain a shorter one: finding "b" already admits every "ab"."""
    if len(literals) < 2:
        return literals
    return frozenset(s for s in literals if not any(t != s and t in s for t in literals))


def _product(a: frozenset[str], b: frozenset[str]) -> _Exact:
    if len(a) * len(b) > _MAX_EXACT:
        return None
    out = frozenset(x + y for x in a for y in b)
    if any(len(s) > _MAX_LITERAL for s in out):
        return None
    return out


def _quality(required: frozenset[str]) -> tuple[int, int]:
    """Longer shortest literal first (more selective), then fewer literals."""
    return (min(len(s) for s in required), -len(required))


def _best(candidates: Iterable[_Required]) -> _Required:
    best: _Required = None
    for c in candidates:
        if c and (best is None or _quality(c) > _quality(best)):
            best = c
    return best


def _class_chars(items: list[tuple[Any, Any]]) -> _Exact:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE:
            lo, hi = av
            if hi - lo >= _MAX_CLASS:
                return None
            chars.update(chr(c) for c in range(lo, hi + 1))
        else:  # NEGATE, CATEGORY (\w, \s, \d): too broad to help
            return None
        if len(chars) > _MAX_CLASS:
            return None
    return frozenset(chars)


def _items(pattern: Any) -> list[tuple[Any, Any]]:
    """The items of a parsed (sub)pattern (its list itself: indexing a SubPattern item by item is slow)."""
    return pattern.data if isinstance(pattern, sre_parse.SubPattern) else list(pattern)


def _pieces(items: list[tuple[Any, Any]]) -> Iterator[_Info]:
    """What each item of a sequence can match, with a run of plain characters read as one string
    (most of a rule is words: this keeps the work per word small)."""
    chars: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            chars.append(chr(av))
            continue
        if chars:
            yield _word("".join(chars))
            chars = []
        yield _node(op, av)
    if chars:
        yield _word("".join(chars))


def _word(word: str) -> _Info:
    exact = frozenset({word})
    return _Info(exact, exact)


def _sequence(items: list[tuple[Any, Any]]) -> _Info:
    candidates: list[_Required] = []
    run: frozenset[str] = frozenset({""})  # the exact strings of the latest run of exact pieces
    all_exact = True
    for info in _pieces(items):
        if info.exact is not None:
            joined = _product(run, info.exact)
            if joined is not None:
                run = joined
                continue
            candidates.append(_required_of_exact(run))  # too many strings: close the run, start anew
            run, all_exact = info.exact, False
            continue
        candidates.append(_required_of_exact(run))
        candidates.append(info.required)
        run, all_exact = frozenset({""}), False
    if all_exact:
        return _Info(run, _required_of_exact(run))
    candidates.append(_required_of_exact(run))
    return _Info(None, _best(candidates))


def _node(op: Any, av: Any) -> _Info:
    if op is sre.LITERAL:
        return _word(chr(av))
    if op is sre.IN:
        chars = _class_chars(av)
        return _Info(chars, chars) if chars else _UNKNOWN
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _NOTHING  # zero-width: adds no characters to the match
    if op is sre.SUBPATTERN:
        return _sequence(_items(av[-1]))
    if op is sre.BRANCH:
        branches = [_sequence(_items(b)) for b in av[1]]
        exact: _Exact = None
        if all(b.exact is not None for b in branches):
            union = frozenset().union(*(b.exact for b in branches if b.exact is not None))
            exact = union if len(union) <= _MAX_EXACT else None
        if any(b.required is None for b in branches):
            return _Info(exact, None)
        required = frozenset().union(*(b.required for b in branches if b.required is not None))
        return _Info(exact, _minimal(required))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = av
        inner = _sequence(_items(body))
        if low == 0:
            if high == 1 and inner.exact is not None:
                return _Info(inner.exact | {""}, None)
            return _NOTHING if high == 0 else _Info(None, None)
        exact = None
        if inner.exact is not None and low == high:
            exact = frozenset({""})
            for _ in range(low):
                exact = _product(exact, inner.exact) if exact is not None else None
        return _Info(exact, inner.required)
    if op is sre.ATOMIC_GROUP:
        return _sequence(_items(av))
    return _UNKNOWN  # ANY, NOT_LITERAL, GROUPREF, CATEGORY outside a class, ...


def required_literals(pattern: str | re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` contains, or None if none could be derived.

    Case matters as in the pattern: the filter's patterns run on lower-cased text, and so do the
    literals. A pattern compiled with IGNORECASE gets no pre-filter (None)."""
    if isinstance(pattern, re.Pattern):
        if pattern.flags & re.IGNORECASE:
            return None
        pattern = pattern.pattern
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return None
    info = _sequence(_items(parsed))
    return info.required


class Prefilter:
    """Which of many named patterns could match a text, found in one pass over it.

    Names whose patterns yield no required literal are always returned (they run on every text)."""

    def __init__(self, patterns: dict[str, re.Pattern[str]]) -> None:
        self.literals: dict[str, frozenset[str] | None] = {
            name: required_literals(p) for name, p in patterns.items()
        }
        self.always = frozenset(name for name, lits in self.literals.items() if lits is None)
        by_literal: dict[str, set[str]] = {}
        for name, lits in self.literals.items():
            for lit in lits or ():
                by_literal.setdefault(lit, set()).add(name)
        self._automaton = ahocorasick.Automaton()
        for lit, names in by_literal.items():
            self._automaton.add_word(lit, frozenset(names))
        if by_literal:
            self._automaton.make_automaton()
        self._empty = not by_literal

    def candidates(self, text: str) -> set[str]:
        """Names of the patterns that could match `text` (a superset of those that do)."""
        found = set(self.always)
        if not self._empty:
            for _, names in self._automaton.iter(text):
                found |= names
        return found
