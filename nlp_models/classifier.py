"""The learned layer: what a post is about, read from the whole post and from each stretch of it.

A linear model (multinomial logistic regression over TF-IDF weighted word, word-pair and character
n-gram features) trained by `nlp_models.train_classifier` on the corpus in `nlp_models/corpus/`
(posts written for this purpose, never real posts) and stored in `data/post_classifier/` as plain
JSON and NumPy arrays (no pickle). Classes are categories ("none", "suicide", "grooming", ...); the
probability of a decision is the sum over its categories.

The rules stay: the filter takes the most cautious of rules and model (`pipeline.screen`). The model
reads the whole post, each sentence and each pair of sentences, and the most worrying stretch
counts, so a cry for help in the middle of a long, ordinary post is not diluted by the rest of it.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from nlp_models.profanity import collapse, normalise
from nlp_models.types import Decision

MODEL_PATH = Path(__file__).parent / "data" / "post_classifier"
# Another model for experiments (e.g. one trained without an author, to score that author's posts).
_OVERRIDE = "NLP_POST_CLASSIFIER_PATH"

# Category -> (decision, Dutch label for the moderator and the writer's preview).
CATEGORIES: dict[str, tuple[Decision, str]] = {
    "none": (Decision.PUBLISH, "geen zorgen"),
    "suicide": (Decision.URGENT, "zelfdoding"),
    "self_harm": (Decision.URGENT, "zelfbeschadiging"),
    "abuse": (Decision.URGENT, "mishandeling of misbruik"),
    "sexual_coercion": (Decision.URGENT, "seksuele dwang"),
    "sextortion": (Decision.URGENT, "seksuele afpersing"),
    "insult": (Decision.QUEUE, "belediging van een persoon"),
    "threat": (Decision.QUEUE, "bedreiging"),
    "contact": (Decision.QUEUE, "afspreken of contact buiten het forum"),
    "grooming": (Decision.QUEUE, "grooming: een volwassene die contact zoekt"),
    "money": (Decision.QUEUE, "geldverzoek"),
    "run_away": (Decision.QUEUE, "weglopen"),
    "friend_worry": (Decision.QUEUE, "zorg om iemand anders"),
    "eating_disorder": (Decision.QUEUE, "eetstoornis"),
    "identifying": (Decision.QUEUE, "herkenbaar"),
}

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[^\s\w]", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+|(?<=[.!?])(?=[A-Z])")
_CHAR_N = (3, 4, 5)
# A long post is also read in windows of a few sentences, so that a cry for help in the middle of an
# ordinary story is not diluted by the rest. The windows count only toward urgent, and from a threshold
# of their own: on posts of authors the model had not seen, windows read at the whole post's (low)
# threshold marked 6.3% of fine posts urgent against 4.5% for whole posts alone at the same urgent
# recall; with a window threshold of its own, fewer still (`train_classifier.choose_thresholds`).
LONG_POST = 400
WINDOW_SENTENCES = 3
# Words whose feature numbers are remembered (about 1 kB each); past this the memory starts afresh.
_WORD_CACHE_SIZE = 50_000


def tokens(text: str) -> list[str]:
    """The words of `text` as the model reads them: lower case, accents and look-alikes gone,
    runs of a letter shortened to two ("doooood" -> "dood"), emoji and marks as words of their own."""
    out = []
    for tok in _WORD.findall(normalise(text).text):
        if len(tok) > 2 and tok.isalpha():
            tok = _shorten_runs(tok)
        out.append(tok)
    return out


@lru_cache(maxsize=65536)
def _shorten_runs(word: str) -> str:
    if collapse(word) == word:
        return word
    return re.sub(r"(.)\1{2,}", r"\1\1", word)


def features(text: str) -> list[str]:
    """The model's features: words, pairs of words, and 3-5 letter pieces of each word."""
    toks = tokens(text)
    feats = [f for t in toks for f in _word_features(t)]
    feats += _pair_features(toks)
    return feats


def _word_features(word: str) -> list[str]:
    """The features of one word on its own: the word, and its 3-5 letter pieces if it is one."""
    feats = [f"w:{word}"]
    if word.isalnum():
        padded = f"<{word}>"
        for n in _CHAR_N:
            feats += [f"c:{padded[i : i + n]}" for i in range(len(padded) - n + 1)]
    return feats


def _pair_features(toks: list[str]) -> list[str]:
    return [f"b:{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of `text` as (start, end) offsets."""
    bounds = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            bounds.append((start, m.start()))
        start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


@dataclass(frozen=True, slots=True)
class Reading:
    """What the model read in a post: the most worrying stretch and what it is about."""

    decision: Decision  # the level whose threshold was reached (publish when none)
    category: str  # the category with the highest probability within that level ("none" if publish)
    label: str  # its Dutch label
    probability: float  # probability of that level (urgent, or queue + urgent) in the stretch
    urgent: float  # probability of urgent in the most worrying stretch
    held: float  # probability of queue or urgent in the most worrying stretch
    start: int
    end: int
    words: tuple[str, ...]  # the words that weighed most toward the category, most first


class PostClassifier:
    """The trained model; `read()` is thread-safe (after loading, its one state is a memo of the
    feature numbers of words seen, which threads share safely: a miss only computes them again)."""

    def __init__(
        self,
        *,
        vocabulary: dict[str, int],
        idf: np.ndarray,
        coef: np.ndarray,
        intercept: np.ndarray,
        classes: Sequence[str],
        meta: dict[str, Any] | None = None,
    ) -> None:
        self.vocabulary = vocabulary
        self.idf = idf.astype(np.float32)
        self.coef = coef.astype(np.float32)  # (features, classes)
        self.intercept = intercept.astype(np.float32)
        self.classes = tuple(classes)
        self.meta = meta or {}
        self._urgent = np.array([CATEGORIES[c][0] is Decision.URGENT for c in self.classes])
        self._held = np.array([CATEGORIES[c][0] is not Decision.PUBLISH for c in self.classes])
        self._reverse_cache: list[str] | None = None
        self._word_cache: dict[str, np.ndarray] = {}

    @property
    def urgent_threshold(self) -> float:
        """The threshold chosen for this model when it was trained (see `train_classifier`)."""
        return float(self.meta.get("urgent_threshold", 0.5))

    @property
    def queue_threshold(self) -> float:
        return float(self.meta.get("queue_threshold", 0.5))

    @property
    def window_threshold(self) -> float:
        """P(urgent) at which a window of a long post marks it urgent (the urgent threshold if the
        model was saved without one)."""
        return float(self.meta.get("window_threshold", self.urgent_threshold))

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> PostClassifier:
        meta = json.loads((path / "model.json").read_text(encoding="utf-8"))
        arrays = np.load(path / "weights.npz")
        vocabulary = {f: i for i, f in enumerate(meta.pop("features"))}
        return cls(
            vocabulary=vocabulary,
            idf=arrays["idf"],
            coef=arrays["coef"],
            intercept=arrays["intercept"],
            classes=meta.pop("classes"),
            meta=meta,
        )

    def save(self, path: Path = MODEL_PATH) -> None:
        path.mkdir(parents=True, exist_ok=True)
        ordered = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        meta = {**self.meta, "classes": list(self.classes), "features": ordered}
        (path / "model.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        np.savez_compressed(
            path / "weights.npz",
            idf=self.idf.astype(np.float32),
            coef=self.coef.astype(np.float16),
            intercept=self.intercept.astype(np.float32),
        )

    def _word_indices(self, word: str) -> np.ndarray:
        """The model's feature numbers for one word, repeats kept (`_word_features`), remembered:
        most words come back in post after post, so a post costs a lookup per word."""
        found = self._word_cache.get(word)
        if found is None:
            vocabulary = self.vocabulary
            found = np.array(
                [i for f in _word_features(word) if (i := vocabulary.get(f)) is not None], dtype=np.int64
            )
            if len(self._word_cache) >= _WORD_CACHE_SIZE:
                self._word_cache.clear()
            self._word_cache[word] = found
        return found

    def _indices(self, text: str) -> np.ndarray:
        """The feature numbers of `text` (`features`), one per occurrence."""
        toks = tokens(text)
        vocabulary = self.vocabulary
        pairs = [i for f in _pair_features(toks) if (i := vocabulary.get(f)) is not None]
        return np.concatenate([*(self._word_indices(t) for t in toks), np.array(pairs, dtype=np.int64)])

    def _vector(self, indices: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """TF-IDF as in training: (1 + log count) x idf, scaled to length 1; sparse (index, value)."""
        if not len(indices):
            return indices, np.zeros(0, np.float32)
        index, counts = np.unique(indices, return_counts=True)
        values = (1.0 + np.log(counts)).astype(np.float32) * self.idf[index]
        norm = float(np.sqrt((values * values).sum()))
        return index, (values / norm if norm else values)

    def probabilities(self, text: str) -> np.ndarray:
        """Probability of each class for `text` as one piece."""
        return self._probabilities(self._indices(text))

    def _probabilities(self, indices: np.ndarray) -> np.ndarray:
        index, values = self._vector(indices)
        scores = self.intercept + (values @ self.coef[index] if len(index) else 0.0)
        scores = scores - scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()

    def _levels(self, probs: np.ndarray) -> tuple[float, float]:
        """P(urgent) and P(queue or urgent) from the class probabilities."""
        return float(probs[self._urgent].sum()), float(probs[self._held].sum())

    def levels(self, text: str) -> tuple[float, float]:
        """P(urgent) and P(queue or urgent) of `text` as one piece."""
        return self._levels(self.probabilities(text))

    def predict_proba(self, texts: Iterable[str]) -> np.ndarray:
        return np.vstack([self.probabilities(t) for t in texts])

    def read(
        self,
        text: str,
        *,
        urgent_threshold: float,
        queue_threshold: float,
        window_threshold: float | None = None,
    ) -> Reading:
        """What `text` is about and its decision: urgent when P(urgent) reaches `urgent_threshold`
        in the whole post or `window_threshold` (default: the urgent threshold) in a window of a long
        post, queue when P(queue or urgent) of the whole post reaches `queue_threshold`."""
        window_threshold = urgent_threshold if window_threshold is None else window_threshold
        probs = self.probabilities(text)
        urgent, held = self._levels(probs)
        start, end = 0, len(text)
        in_window = False  # the most worrying stretch is a window, which reached the window threshold
        for w_start, w_end, w_probs in self._windows(text):
            w_urgent, w_held = self._levels(w_probs)
            if w_urgent >= window_threshold and w_urgent > urgent:
                probs, urgent, start, end, in_window = w_probs, w_urgent, w_start, w_end, True
                held = max(held, w_held)
        if urgent >= urgent_threshold or in_window:
            decision, mask, level_p = Decision.URGENT, self._urgent, urgent
        elif held >= queue_threshold:
            decision, mask, level_p = Decision.QUEUE, self._held, held
        else:
            decision, mask, level_p = Decision.PUBLISH, ~self._held, 1.0 - held
        masked = np.where(mask, probs, -1.0)
        category = self.classes[int(masked.argmax())]
        words = self._weighty_words(text[start:end], category) if decision is not Decision.PUBLISH else ()
        return Reading(decision, category, CATEGORIES[category][1], level_p, urgent, held, start, end, words)

    def _windows(self, text: str) -> Iterator[tuple[int, int, np.ndarray]]:
        """(start, end, class probabilities) of each window of a few sentences of a long post."""
        spans = sentences(text) if len(text) >= LONG_POST else []
        if len(spans) <= WINDOW_SENTENCES:
            return
        # Each sentence's features once; a window's are those of its sentences together.
        each = [self._indices(text[s:e]) for s, e in spans]
        for i in range(len(spans) - WINDOW_SENTENCES + 1):
            window = np.concatenate(each[i : i + WINDOW_SENTENCES])
            yield spans[i][0], spans[i + WINDOW_SENTENCES - 1][1], self._probabilities(window)

    def window_urgent(self, text: str) -> float:
        """The highest P(urgent) over the windows of a long post (0 for a short one)."""
        return max((self._levels(p)[0] for _, _, p in self._windows(text)), default=0.0)

    def _weighty_words(self, text: str, category: str, top: int = 5) -> tuple[str, ...]:
        """The words and word pairs whose features pushed most toward `category`."""
        index, values = self._vector(self._indices(text))
        if not len(index):
            return ()
        k = self.classes.index(category)
        none = self.classes.index("none") if "none" in self.classes else None
        weight = self.coef[index, k] - (self.coef[index, none] if none is not None else 0.0)
        contribution = values * weight
        by_word: dict[str, float] = {}
        reverse = self._reverse()
        toks = tokens(text)
        for i, c in zip(index.tolist(), contribution.tolist(), strict=True):
            feat = reverse[i]
            kind, _, body = feat.partition(":")
            if kind == "w" and body.isalnum():
                by_word[body] = by_word.get(body, 0.0) + c
            elif kind == "b":
                by_word[body] = by_word.get(body, 0.0) + c
            elif kind == "c":
                piece = body.strip("<>")
                for t in toks:
                    if piece and piece in t:
                        by_word[t] = by_word.get(t, 0.0) + c / 3
                        break
        ranked = sorted((w for w, c in by_word.items() if c > 0), key=lambda w: -by_word[w])
        return tuple(ranked[:top])

    def _reverse(self) -> list[str]:
        if self._reverse_cache is None:
            self._reverse_cache = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return self._reverse_cache


_lock = threading.Lock()
_model: PostClassifier | None = None
_missing = False


def get_model() -> PostClassifier | None:
    """The committed model, loaded once per process; None if none has been trained."""
    global _model, _missing
    if _model is not None or _missing:
        return _model
    with _lock:
        if _model is None and not _missing:
            path = Path(os.environ.get(_OVERRIDE) or MODEL_PATH)
            if (path / "model.json").exists():
                _model = PostClassifier.load(path)
            else:
                _missing = True
    return _model
