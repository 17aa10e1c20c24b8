"""The pre-filter that decides which rules run is derived from the rules' own patterns.

A rule that is skipped on a text its pattern matches is a cry for help published unseen, so the
property tested here is soundness: for strings generated from every alternative of every rule, the
pre-filter lets the rule run. The rules are those loaded from nlp_models/rules/*.toml, so a phrase added
to a rule file is sampled here without any change to this test."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_models import signals
from nlp_models.prefilter import Prefilter, required_literals

PARTS = [(rule.name, i, part) for rule in signals.RULES for i, part in enumerate(rule.parts)]
FILES = {rule.name: rule.file for rule in signals.RULES}


def test_every_rule_has_its_alternatives_and_a_derived_gate():
    assert len(PARTS) > 250
    assert not signals.PREFILTER.always, "a rule without literals runs on every post; give it a word"


@pytest.mark.parametrize(("name", "index", "part"), PARTS, ids=[f"{FILES[n]}:{n}-{i}" for n, i, _ in PARTS])
def test_the_prefilter_lets_every_string_of_a_rule_through(name, index, part):
    pattern = re.compile(part)

    @settings(
        max_examples=15,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(st.from_regex(pattern))
    def check(text: str) -> None:
        if pattern.search(text):
            assert name in signals.PREFILTER.candidates(text), (name, index, text)

    check()


@pytest.mark.parametrize("index", range(len(signals._FAREWELL_CUES)))
def test_the_prefilter_lets_every_farewell_cue_through(index):
    cue = signals._FAREWELL_CUES[index][0]

    @settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(cue))
    def check(text: str) -> None:
        if cue.search(text):
            assert str(index) in signals._FAREWELL_PREFILTER.candidates(text)

    check()


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\bik\s+wil\s+dood\b", {"dood"}),
        (r"(?:pillen|tabletten)\s+gespaard", {"gespaard"}),
        (r"\b(?:was|ben)\s+ik\s+maar\s+dood\b", {"maar"}),
        (r"kut\w*", {"kut"}),
        (r"a?b", {"b"}),
        (r"(?:snij|kras)", {"snij", "kras"}),
        (r"\w+", None),
        (r"(?i)dood", None),
    ],
)
def test_required_literals_are_those_every_match_contains(pattern, literals):
    found = required_literals(pattern)
    assert (None if found is None else set(found)) == literals


def test_phrasings_once_missed_by_hand_kept_triggers_now_reach_their_rule():
    # Each matched a rule's regex but was published: none of the rule's hand-written triggers was in it.
    for text, category in [
        ("ik heb echt geen zin om te leven", "zelfdoding"),
        ("het is beter als ik er dood ben", "zelfdoding"),
        ("ik mag van mezelf niet meer eten", "eetstoornis"),
        ("jij bent een mislukkeling", "belediging van een persoon"),
        ("jullie kunnen mij altijd appen", "afspreken of contact buiten het forum"),
    ]:
        assert category in {f.type for f in signals.find_signals(text)}, text


def test_a_prefilter_without_literals_runs_the_pattern_always():
    prefilter = Prefilter({"any": re.compile(r"\w+"), "word": re.compile(r"\bhulp\b")})
    assert prefilter.candidates("niets") == {"any"}
    assert prefilter.candidates("ik wil hulp") == {"any", "word"}
