"""Score the whole filter on annotated posts: `python -m nlp_models.evaluate` (`make eval`).

Runs `screen()` (rules and model together, as production does) over the frozen test split
(`corpus/test/`) and, when it is there, `../shared/dev-posts.jsonl`, and prints for each set the
figures of the shared scorer (`../shared/score_filter.py`, when present; otherwise the project's own
reading of the same figures), a confusion table per decision and per category, and the misses.
Not a test: the tests assert behaviour; this measures it.

    python -m nlp_models.evaluate [FILE.jsonl ...] [--misses N]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from nlp_models import FilterConfig, clean_input, load, screen
from nlp_models.classifier import CATEGORIES

CORPUS = Path(__file__).parent / "corpus"
SHARED = Path(__file__).resolve().parents[2] / "shared"
DECISIONS = ("publish", "queue", "urgent")
CONFIG = FilterConfig()


def _scorer() -> Any:
    path = SHARED / "score_filter.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("score_filter", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _own_score(posts: list[dict], outputs: list[dict]) -> dict[str, Any]:
    """The decision figures, and a plain leak check (the exact surface still in the text)."""
    by_id = {o["id"]: o for o in outputs}
    dec: dict[str, Counter[str]] = defaultdict(Counter)
    pii = pii_leaks = prof = prof_leaks = kept = lost = 0
    for p in posts:
        o = by_id[p["id"]]
        low = o["published_text"].lower()
        for surface, kind in p.get("remove", []):
            leaked = surface.lower() in low
            if kind == "PROFANITY":
                prof, prof_leaks = prof + 1, prof_leaks + leaked
            else:
                pii, pii_leaks = pii + 1, pii_leaks + leaked
        for k in p.get("keep", []):
            if k.lower() in low:
                kept += 1
            else:
                lost += 1
        dec[p["expect"]][o["decision"]] += 1
    n_pub = sum(dec["publish"].values())
    n_held = sum(dec["queue"].values()) + sum(dec["urgent"].values())
    held = sum(dec[e][d] for e in ("queue", "urgent") for d in ("queue", "urgent"))

    def frac(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    return {
        "pii_recall": frac(pii - pii_leaks, pii),
        "profanity_recall": frac(prof - prof_leaks, prof),
        "keep_rate": frac(kept, kept + lost),
        "urgent_recall": frac(dec["urgent"]["urgent"], sum(dec["urgent"].values())),
        "held_recall": frac(held, n_held),
        "false_hold_rate": frac(n_pub - dec["publish"]["publish"], n_pub),
    }


_screened: dict[tuple[str, str], dict] = {}  # (id, text): the output, so a post in two sets is screened once


def screen_all(posts: list[dict]) -> list[dict]:
    return [_screen_one(p) for p in posts]


def _screen_one(p: dict) -> dict:
    key = (p["id"], p["text"])
    if key not in _screened:
        result = screen(clean_input(p["text"]), config=CONFIG)
        sources = sorted({f.source.split(":")[0] for f in result.findings if f.replacement is None})
        _screened[key] = {
            "id": p["id"],
            "published_text": result.published_text,
            "decision": result.decision.value,
            "by": sources,
        }
    return _screened[key]


def report(name: str, posts: list[dict], *, misses: int = 10) -> dict[str, Any]:
    outputs = screen_all(posts)
    scorer = _scorer()
    figures = scorer.score(posts, outputs) if scorer else _own_score(posts, outputs)
    print(f"\n## {name}: {len(posts)} posts ({'score_filter.py' if scorer else 'own scorer'})")
    for key in (
        "pii_recall",
        "profanity_recall",
        "keep_rate",
        "urgent_recall",
        "held_recall",
        "false_hold_rate",
    ):
        print(f"{key}: {figures.get(key)}")
    by_id = {o["id"]: o for o in outputs}
    table: dict[str, Counter[str]] = defaultdict(Counter)
    per_category: dict[str, Counter[str]] = defaultdict(Counter)
    for p in posts:
        got = by_id[p["id"]]["decision"]
        table[p["expect"]][got] += 1
        if "category" in p:
            per_category[p["category"]][got] += 1
    print("\nexpected \\ decided   " + "  ".join(f"{d:>7}" for d in DECISIONS))
    for e in DECISIONS:
        print(f"{e:<20} " + "  ".join(f"{table[e][d]:>7}" for d in DECISIONS))
    if per_category:
        print("\ncategory             " + "  ".join(f"{d:>7}" for d in DECISIONS) + "   recall")
        for cat in sorted(per_category, key=lambda c: (CATEGORIES.get(c, (None, ""))[0] or "", c)):
            row = per_category[cat]
            level = CATEGORIES[cat][0].value if cat in CATEGORIES else "publish"
            n = sum(row.values())
            good = row[level] if level in ("publish", "urgent") else row["queue"] + row["urgent"]
            print(f"{cat:<20} " + "  ".join(f"{row[d]:>7}" for d in DECISIONS) + f"   {good / n:.2f}")
    wrong = [
        p
        for p in posts
        if (p["expect"] == "urgent" and by_id[p["id"]]["decision"] != "urgent")
        or (p["expect"] == "queue" and by_id[p["id"]]["decision"] == "publish")
        or (p["expect"] == "publish" and by_id[p["id"]]["decision"] != "publish")
    ]
    order = {"urgent": 0, "queue": 1, "publish": 2}
    wrong.sort(key=lambda p: order[p["expect"]])
    print(f"\nmisses ({len(wrong)}; the first {min(misses, len(wrong))}):")
    for p in wrong[:misses]:
        o = by_id[p["id"]]
        text = p["text"].replace("\n", " ")
        print(
            f"- {p['id']} expected {p['expect']}/{p.get('category', '-')}, got {o['decision']} {o['by']}: {text[:160]}"
        )
    return figures


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--misses", type=int, default=10)
    parser.add_argument("--rules-only", action="store_true", help="without the learned layer")
    args = parser.parse_args(argv)
    global CONFIG
    if args.rules_only:
        CONFIG = FilterConfig(use_classifier=False)
    load()
    sets: list[tuple[str, list[dict]]] = []
    if args.files:
        sets = [(str(f), _read(f)) for f in args.files]
    else:
        files = sorted((CORPUS / "test").glob("*.jsonl"))
        test = [p for f in files for p in _read(f)]
        sets.append((f"frozen test split ({', '.join(f.stem for f in files)})", test))
        sets += [(f"frozen test split, author {f.stem} alone", _read(f)) for f in files]
        dev = SHARED / "dev-posts.jsonl"
        if dev.exists():
            sets.append(("shared/dev-posts.jsonl", _read(dev)))
    for name, posts in sets:
        report(name, posts, misses=args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
