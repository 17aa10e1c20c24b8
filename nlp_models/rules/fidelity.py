"""Proof that moving the rules from Python to data changed nothing: `python -m nlp_models.rules.fidelity`.

`before_move.json` was written from signals.py at commit 0801034, before its rule definitions were
deleted: every rule's name, category, decision, score, each alternative as compiled, the veto, the game
and reported-speech flags, the game and reporting words, the farewell cues and their weights, and profanity's word lists. This script loads
the rule files and the lexicon and compares pattern strings exactly; it prints each difference and exits
with 1 if there is one. A rule changed on purpose after the move shows up here, which is expected: the
check is for the move itself, not a test (a test would make every new phrase a snapshot update).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from nlp_models import profanity, signals

BEFORE = Path(__file__).with_name("before_move.json")


def differences() -> list[str]:
    """Every way the loaded rules differ from the rules signals.py held in Python before the move."""
    before = json.loads(BEFORE.read_text(encoding="utf-8"))
    loaded = {r.name: r for r in signals.RULES}
    out = []
    names_before = {r["name"] for r in before["rules"]}
    out += [f"{name}: new rule" for name in sorted(set(loaded) - names_before)]
    for old in before["rules"]:
        rule = loaded.get(old["name"])
        if rule is None:
            out.append(f"{old['name']}: missing")
            continue
        now = {
            "category": rule.category,
            "decision": rule.decision.value,
            "score": rule.score,
            "parts": list(rule.parts),
            "pattern": rule.pattern.pattern,
            "veto": rule.veto.pattern if rule.veto else None,
            "game_veto": rule.game_veto,
            "reported_speech_veto": rule.reported_speech_veto,
        }
        out += [f"{old['name']}: {key} differs" for key, value in now.items() if old[key] != value]
    extra = before["extra"]
    if signals._GAME.pattern != extra["game"]:
        out.append("game words differ")
    if signals._REPORTED.pattern != extra["reported"]:
        out.append("reporting words differ")
    if [[c.pattern, w] for c, w in signals._FAREWELL_CUES] != extra["farewell_cues"]:
        out.append("farewell cues differ")
    if (signals._FAREWELL.threshold, signals._FAREWELL.category) != (1.0, "zelfdoding"):
        out.append("farewell threshold or category differs")
    words = before["profanity"]
    if profanity.ALWAYS != frozenset(words["ALWAYS"]):
        out.append("profanity ALWAYS differs")
    if list(profanity.ROOTS) != words["ROOTS"] or list(profanity.SUFFIXES) != words["SUFFIXES"]:
        out.append("profanity ROOTS or SUFFIXES differ")
    return out


def main() -> int:
    found = differences()
    for line in found:
        print(line)
    rules = len(signals.RULES)
    parts = sum(len(r.parts) for r in signals.RULES)
    print(
        f"{rules} rules, {parts} alternatives: {'identical to' if not found else 'NOT identical to'} before the move"
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
