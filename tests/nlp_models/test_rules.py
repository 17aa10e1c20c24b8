"""The decision rules as data (nlp_models/rules/*.toml over nlp_models/lexicon/): every example of every
rule behaves as its file says, and a mistake in a rule file is reported with the file and the rule.

That the move from Python changed no rule is checked once by `python -m nlp_models.rules.fidelity`
(exact pattern strings against a snapshot taken before the move), not here: a test against a snapshot
would make every new phrase a snapshot update."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nlp_models import profanity, signals
from nlp_models.rules import Lexicon, RuleFileError, lexicon, load_file, load_rules, load_weighted

EXAMPLES = [
    (rule.name, kind, text)
    for rule in (*signals.RULES, *load_weighted())
    for kind, texts in (("match", rule.match), ("no_match", rule.no_match))
    for text in texts
]


@pytest.mark.parametrize(
    ("name", "kind", "text"), EXAMPLES, ids=[f"{n}-{k}-{i}" for i, (n, k, _) in enumerate(EXAMPLES)]
)
def test_every_example_of_every_rule_is_held_or_left_as_its_rule_file_says(name, kind, text):
    sources = {f.source for f in signals.find_signals(text)}
    if kind == "match":
        assert f"rule:{name}" in sources, f"{name} should match {text!r}"
    else:
        assert f"rule:{name}" not in sources, f"{name} should not match {text!r}"


def test_every_rule_has_at_least_two_examples_of_each_kind():
    assert len(signals.RULES) >= 38
    assert all(len(r.match) >= 2 and len(r.no_match) >= 2 for r in signals.RULES)


def test_profanity_reads_its_word_lists_from_the_shared_lexicon():
    assert profanity.ALWAYS == lexicon().words("curse")
    assert profanity.ROOTS == lexicon().entries("curse_root")
    assert profanity.SUFFIXES == lexicon().entries("curse_suffix")
    assert profanity.judge("kankerleraar") == "always"  # a root from curse_root.txt
    assert profanity.judge("vuilehoer") == "always"  # a suffix from curse_suffix.txt


# --- mistakes in a rule file -----------------------------------------------------------------------

_GOOD = """
category = "zelfdoding"

[[rule]]
name = "{name}"
decision = "urgent"
score = 0.9
patterns = [{patterns}]
match = ["ik wil dood", "ik wil echt dood"]
no_match = ["dood van het lachen", "mijn vis is dood"]
"""


def _write(tmp_path: Path, text: str, name: str = "kapot.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            _GOOD.format(name="wish", patterns="'\\bik\\s+wil\\s+(dood'"),
            r"kapot\.toml, rule 'wish': pattern .*missing \)",
        ),
        (
            _GOOD.format(name="wish", patterns="'\\bik\\s+{wil}\\s+dood'"),
            r"kapot\.toml, rule 'wish'.*unknown word class \{wil\}",
        ),
        (
            _GOOD.format(name="wish", patterns="'\\bik\\s+{gap}\\s+dood'"),
            r"kapot\.toml, rule 'wish'.*\{gap\} needs a count",
        ),
        (
            _GOOD.format(name="wish", patterns="").replace("patterns = []", "patterns = []"),
            r"kapot\.toml, rule 'wish': 'patterns' needs at least 1",
        ),
        (
            _GOOD.format(name="wish", patterns="'dood'").replace('"ik wil echt dood"', ""),
            r"kapot\.toml, rule 'wish': 'match' needs at least 2",
        ),
        (
            _GOOD.format(name="wish", patterns="'dood'").replace("no_match", "nomatch"),
            r"kapot\.toml, rule 'wish': unknown key\(s\) nomatch",
        ),
        (
            _GOOD.format(name="wish", patterns="'dood'").replace('"urgent"', '"dringend"'),
            r"kapot\.toml, rule 'wish': 'decision' must be",
        ),
        (
            _GOOD.format(name="wish", patterns="'dood'").replace("0.9", "9"),
            r"kapot\.toml, rule 'wish': 'score'",
        ),
        (
            _GOOD.format(name="Wish me", patterns="'dood'"),
            r"kapot\.toml, rule 'Wish me': a rule needs a 'name'",
        ),
        (
            _GOOD.format(name="wish", patterns="'dood'").replace('category = "zelfdoding"', ""),
            r"kapot\.toml: the file needs a 'category'",
        ),
        ('category = "x"\n[[rule]\nname = 1', r"kapot\.toml: not valid TOML"),
    ],
)
def test_a_malformed_rule_file_gives_an_error_naming_the_file_and_the_rule(tmp_path, text, message):
    with pytest.raises(RuleFileError, match=message):
        load_file(_write(tmp_path, text))


def test_a_rule_name_used_in_two_files_is_refused(tmp_path):
    _write(tmp_path, _GOOD.format(name="wish", patterns="'dood'"), "a.toml")
    _write(tmp_path, _GOOD.format(name="wish", patterns="'dood'"), "b.toml")
    with pytest.raises(RuleFileError, match=r"b\.toml, rule 'wish': the name is used in a\.toml too"):
        load_rules(tmp_path)


def test_a_placeholder_expands_to_its_word_class_and_a_regex_quantifier_is_left_alone(tmp_path):
    (tmp_path / "means.txt").write_text("# means\npillen\ntouw\n", encoding="utf-8")
    (tmp_path / "plan.txt").write_text("# uses another class\n{means}\\s+gespaard\n", encoding="utf-8")
    lex = Lexicon(tmp_path)
    assert lex.expand(r"{plan}.{0,3}") == r"(?:(?:pillen|touw)\s+gespaard).{0,3}"
    assert lex.expand(r"{means:2}") == r"(?:(?:pillen|touw)\s+){0,2}"
    assert re.fullmatch(lex.expand(r"ik\s+{gap:2}dood"), "ik wil echt dood")


def test_adding_a_phrase_is_one_line_in_a_rule_file_and_its_example(tmp_path):
    path = _write(tmp_path, _GOOD.format(name="wish", patterns="'\\bik\\s+wil\\s+dood\\b'"), "suicide.toml")
    text = "ik zie het niet meer zitten"
    assert not load_file(path)[0].pattern.search(text)
    path.write_text(
        path.read_text().replace("patterns = [", "patterns = ['\\bzie\\s+het\\s+niet\\s+meer\\s+zitten\\b', ")
    )
    assert load_file(path)[0].pattern.search(text)


def test_a_weighted_cue_without_a_weight_names_the_file_and_the_cues(tmp_path):
    text = _GOOD.format(name="wish", patterns="'dood'") + (
        '\n[[weighted]]\nname = "farewell"\ndecision = "urgent"\nthreshold = 1.0\n'
        'cues = [{ pattern = \'sorry\' }]\nmatch = ["a", "b"]\nno_match = ["c", "d"]\n'
    )
    with pytest.raises(RuleFileError, match=r"kapot\.toml, cues 'farewell': each cue is"):
        load_weighted(_write(tmp_path, text).parent)
