"""The learned layer: a cry for help in the writer's own words is held, and the model only ever
raises what the rules decided. Every example here was written for this file."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from nlp_models import Decision, FilterConfig, screen
from nlp_models import classifier as clf
from nlp_models.pipeline import MODEL_SOURCE, read
from nlp_models.train_classifier import CORPUS, Post, corpus_load, fit_logreg

RULES_ONLY = FilterConfig(use_classifier=False)


def _model_findings(text: str, config: FilterConfig | None = None):
    return [f for f in screen(text, config=config).findings if f.source.startswith(MODEL_SOURCE)]


def test_the_model_reads_words_as_young_people_type_them():
    assert clf.tokens("Ik ben zooooo MOE 😭😭") == ["ik", "ben", "zoo", "moe", "😭", "😭"]
    assert clf.tokens("café") == ["cafe"]
    assert "c:<dood" in clf.features("doood")


def test_the_committed_model_is_small_and_knows_every_category():
    model = clf.get_model()
    assert model is not None
    size = sum(f.stat().st_size for f in clf.MODEL_PATH.iterdir())
    assert size < 30_000_000
    assert set(model.classes) == set(clf.CATEGORIES)


@pytest.mark.parametrize(
    "text",
    [
        "heb op internet opgezocht hoeveel je er moet nemen. zaterdag zijn mijn ouders weg",
        "ik heb voor iedereen een brief geschreven en mijn spullen weggegeven. ze redden zich wel zonder mij",
        "als hij dronken thuiskomt komt hij naar mijn kamer en doet de deur op slot. ik mag het aan niemand vertellen",
    ],
)
def test_a_cry_for_help_without_the_rules_words_is_urgent(text):
    assert screen(text).decision is Decision.URGENT


@pytest.mark.parametrize(
    "text",
    [
        "wie heeft er tips voor mijn spreekbeurt over dolfijnen? ik zit in groep 7",
        "ik heb morgen een wiskundetoets en ik ben zo zenuwachtig haha",
        "mijn kat is 16 geworden, ze slaapt de hele dag maar ze is nog heel lief",
    ],
)
def test_an_ordinary_post_is_published(text):
    assert screen(text).decision is Decision.PUBLISH
    assert not _model_findings(text)


def test_the_model_never_lowers_a_rules_hold():
    text = "ik wil dood"
    assert screen(text, config=RULES_ONLY).decision is Decision.URGENT
    never = FilterConfig(model_urgent_threshold=1.01, model_queue_threshold=1.01)
    assert screen(text, config=never).decision is Decision.URGENT
    assert not _model_findings(text, never)


def test_thresholds_come_from_the_config():
    text = "ik zie het allemaal niet meer zitten en vanavond ben ik alleen thuis"
    eager = FilterConfig(model_urgent_threshold=0.0, model_queue_threshold=0.0)
    assert screen(text, config=eager).decision is Decision.URGENT
    never = FilterConfig(model_urgent_threshold=1.01, model_queue_threshold=1.01)
    assert not _model_findings(text, never)


def test_unset_thresholds_are_the_ones_chosen_for_the_committed_model():
    # A retrained model brings its own thresholds; settings override them only when set.
    model = clf.get_model()
    assert model is not None
    assert 0 < model.urgent_threshold < model.queue_threshold < 1, "asymmetric: urgent is reached sooner"
    text = "ik zie het allemaal niet meer zitten en vanavond ben ik alleen thuis"
    own = model.read(text, urgent_threshold=model.urgent_threshold, queue_threshold=model.queue_threshold)
    assert read(text, config=FilterConfig()) == own


def test_a_cry_in_the_middle_of_a_long_post_is_not_diluted():
    ordinary = (
        "Vandaag was best een gewone dag. Eerst had ik gym en daarna aardrijkskunde. "
        "In de pauze zaten we buiten op het muurtje. Na school ben ik naar de supermarkt gefietst. "
    )
    cry = "Ik heb de pillen van mijn moeder verzameld en ik neem ze vannacht allemaal in. "
    text = ordinary * 3 + cry + ordinary * 3
    result = screen(text)
    assert result.decision is Decision.URGENT
    assert any(f.start <= text.index(cry) < f.end for f in result.findings if f.replacement is None)


def test_a_window_of_a_long_post_counts_from_its_own_threshold():
    model = clf.get_model()
    assert model is not None
    ordinary = "We hadden vandaag een toets. Daarna gingen we naar huis. Mijn zus had pannenkoeken gebakken. "
    cry = "Ik wil er niet meer zijn en ik weet al hoe ik het ga doen. "
    text = ordinary * 2 + cry + ordinary * 2
    whole = float(model.probabilities(text)[model._urgent].sum())
    above_whole = whole + 0.01
    assert model.window_urgent(text) > above_whole, "the cry weighs more in its own stretch"
    read_windows = model.read(text, urgent_threshold=above_whole, queue_threshold=1.01, window_threshold=0.0)
    assert read_windows.decision is Decision.URGENT
    assert read_windows.start <= text.index(cry) < read_windows.end < len(text)
    no_windows = model.read(text, urgent_threshold=above_whole, queue_threshold=1.01, window_threshold=1.01)
    assert no_windows.decision is not Decision.URGENT
    assert 0 < model.urgent_threshold <= model.window_threshold <= 1


def test_the_moderator_can_see_why_the_model_held_a_post():
    text = (
        "mijn trainer zegt dat ik zijn favoriet ben en hij geeft me cadeautjes. ik mag het niemand vertellen"
    )
    reading = read(text)
    assert reading is not None
    assert reading.decision is not Decision.PUBLISH
    assert reading.label == clf.CATEGORIES[reading.category][1]
    assert 0 < reading.probability <= 1
    assert reading.words and all(any(w in t for t in clf.tokens(text)) for w in reading.words[:3])
    # the stored reasons name the category and probability, never the writer's words
    reasons = " ".join(screen(text).reasons)
    assert "model:post_classifier" in reasons
    assert "cadeautjes" not in reasons


def test_a_trained_model_survives_saving_and_loading(tmp_path: Path):
    posts = [
        Post(f"x{i}", "x", text, expect, category)
        for i, (text, expect, category) in enumerate(
            [
                ("ik wil er niet meer zijn", "urgent", "suicide"),
                ("ik wil er echt niet meer zijn", "urgent", "suicide"),
                ("leuke film gezien", "publish", "none"),
                ("leuke serie gezien", "publish", "none"),
            ]
            * 3
        )
    ]
    model = fit_logreg(posts, c=4.0)
    model.save(tmp_path)
    again = clf.PostClassifier.load(tmp_path)
    for text in ("ik wil er niet meer zijn", "leuke film"):
        assert again.probabilities(text) == pytest.approx(model.probabilities(text), abs=2e-3)
    assert again.classes[int(again.probabilities("ik wil er niet meer zijn").argmax())] == "suicide"


def test_the_corpus_is_split_by_author_and_the_test_split_is_frozen():
    split = corpus_load()
    authors = {name: {p.author for p in posts} for name, posts in split.items()}
    assert authors["test"] and authors["validation"] and authors["train"]
    assert not authors["test"] & (authors["train"] | authors["validation"])
    assert not authors["train"] & authors["validation"]
    frozen = (CORPUS / "test" / "FROZEN.sha256").read_text().split("\n")
    for line in filter(None, frozen):
        digest, name = line.split()
        assert hashlib.sha256((CORPUS / "test" / name).read_bytes()).hexdigest() == digest, name


def test_every_corpus_post_is_labelled_to_the_contract():
    counts: Counter[str] = Counter()
    for path in sorted((CORPUS / "posts").glob("*.jsonl")) + sorted((CORPUS / "test").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            decision, _ = clf.CATEGORIES[row["category"]]
            assert decision.value == row["expect"], row["id"]
            for surface, _kind in row["remove"]:
                assert surface in row["text"], row["id"]
            counts[row["expect"]] += 1
    assert sum(counts.values()) >= 4000
    assert counts["urgent"] >= 600 and counts["queue"] >= 600


def test_thresholds_reach_the_urgent_recall_first_and_windows_never_undercut_the_whole_post():
    from nlp_models.train_classifier import Post, choose_thresholds, threshold_figures

    def post(i: int, expect: str) -> Post:
        return Post(f"x-{i}", "x", "tekst", expect, "none" if expect == "publish" else "suicide")

    # 50 urgent posts: 45 plain in the whole post, 5 only in a window; 100 fine posts, a few with a dark window.
    readings = [(post(i, "urgent"), 0.9, 0.95, 0.9) for i in range(45)]
    readings += [(post(45 + i, "urgent"), 0.1, 0.3, 0.95) for i in range(5)]
    readings += [(post(100 + i, "publish"), 0.02, 0.05, 0.6 if i < 4 else 0.0) for i in range(100)]
    urgent_t, queue_t, window_t = choose_thresholds(readings)
    figures = threshold_figures(readings, urgent_t, queue_t, None, window_t)
    assert figures["urgent_recall"] == 1.0  # the buried cries too, through their windows
    assert figures["fine_marked_urgent"] == 0.0  # the fine posts' darker windows stay below
    assert window_t >= urgent_t
