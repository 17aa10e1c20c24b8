"""The filter's vocabulary: findings, decisions and the screening that carries both."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Decision(enum.StrEnum):
    """What happens to a post. Ordered by severity: a higher one wins."""

    PUBLISH = "publish"
    QUEUE = "queue"
    URGENT = "urgent"

    @property
    def severity(self) -> int:
        return ("publish", "queue", "urgent").index(self.value)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the filter noticed in a text.

    `start`/`end` are offsets into the text given to `screen()`. A finding with a
    `replacement` is removed from the published text; one without only informs the
    decision (a crisis signal, an attempt to meet up). The surface text itself is never
    kept here, so findings may be stored after the original text is deleted.
    """

    type: str
    start: int
    end: int
    score: float
    source: str
    replacement: str | None = None
    decision: Decision = Decision.PUBLISH

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 3),
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class Screening:
    """The outcome of screening one text."""

    decision: Decision
    published_text: str
    findings: tuple[Finding, ...] = ()
    reasons: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "decision": self.decision.value,
            "published_text": self.published_text,
            "findings": [f.as_dict() for f in self.findings],
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True, slots=True)
class FilterConfig:
    """Thresholds and switches, set from Django settings by the caller (see README, "The filter").

    `remove_threshold`: the lowest score (0-1) at which a personal-data finding (phone, name,
        address, ...) is removed from the published text. Structured numbers that pass their
        checksum score 1.0; a name found by gazetteer alone scores 0.55-0.7, by context 0.8-0.9.
    `profanity_threshold`: the lowest score at which a swear word or slur is replaced by `***`
        (words from the "always" tier score 0.95, "depends on context" words 0.8).
    `queue_threshold`: the lowest score at which a queue rule (insult, threat, meeting up,
        money, running away, a friend in danger, eating disorder) holds the post for a moderator.
    `urgent_threshold`: the lowest score at which an urgent rule (suicide, self-harm, abuse,
        sexual coercion) marks the post urgent. An urgent signal below it still queues the post.
    `remove_profanity` / `remove_names`: switch a whole family of findings off (e.g. for a
        moderator's preview); personal data other than names is always screened.
    `use_presidio`: run the recognizers through Presidio's `AnalyzerEngine` (the engine of
        record) rather than calling them directly; both give the same findings.
    `use_classifier`: read the post with the learned layer too (`nlp_models.classifier`); it can
        only raise the decision (publish -> queue -> urgent), never lower what a rule decided.
    `model_urgent_threshold`: the probability of "urgent" in the whole post at which the model
        marks a post urgent. Low on purpose: a missed cry for help
        costs far more than a fine post that waits a few minutes for a moderator.
    `model_window_threshold`: the probability of "urgent" in a window of a few sentences of a long
        post at which the model marks it urgent (higher than the whole post's: many windows are read).
    `model_queue_threshold`: the probability of "queue or urgent" at which the model holds a post.
        All None (the default): the thresholds `make nlp-model` chose for the model it trained and
        saved beside it, so a retrained model never runs with another model's thresholds.
    `extra`: free-form options for experiments; ignored by the filter itself.
    """

    remove_threshold: float = 0.5
    queue_threshold: float = 0.5
    urgent_threshold: float = 0.5
    profanity_threshold: float = 0.5
    remove_profanity: bool = True
    remove_names: bool = True
    use_presidio: bool = True
    use_classifier: bool = True
    model_urgent_threshold: float | None = None
    model_queue_threshold: float | None = None
    model_window_threshold: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)
