"""The filter's single entry point: `screen()`, `check_nickname()` and `load()`.

Recognizers find candidate spans; overlapping candidates are resolved (structured data beats
names, names beat swear words; within a family the longer span wins); the survivors are replaced
by their placeholder; decision rules, and facts that identify in combination with what is left,
then hold the post if needed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from nlp_models import classifier, combinations, names, profanity, signals, structured
from nlp_models.types import Decision, FilterConfig, Finding, Screening

_PRIORITY = {"PROFANITY": 1, "PERSON": 2}
LABELS_NL = {
    "PERSON": "naam",
    "PHONE": "telefoonnummer",
    "EMAIL": "e-mailadres",
    "ADDRESS": "adres",
    "POSTCODE": "postcode",
    "BSN": "bsn",
    "IBAN": "rekeningnummer",
    "HANDLE": "gebruikersnaam",
    "URL": "link",
    "SCHOOL": "school",
    "BIRTHDATE": "geboortedatum",
    "PLATE": "kenteken",
    "PROFANITY": "scheldwoord",
}
_DEFAULT_CONFIG = FilterConfig()
_lock = threading.Lock()
_loaded = False


def load() -> None:
    """Build every engine and word list now, so the first `screen()` is as fast as the rest."""
    global _loaded
    if _loaded:
        return
    with _lock:
        if _loaded:
            return
        names.load()
        try:
            from nlp_models import engine

            engine.get_analyzer()
        except ImportError:  # Presidio is optional at run time; the direct path gives the same
            pass
        classifier.get_model()
        _loaded = True


def recognize(text: str, *, config: FilterConfig = _DEFAULT_CONFIG) -> list[Finding]:
    """All candidate findings to remove (before overlaps are resolved), without Presidio."""
    found: list[Finding] = list(structured.find_structured(text))
    if config.remove_names:
        found += names.find_names(text)
    if config.remove_profanity:
        found += profanity.find_profanity(text)
    return found


def _threshold(f: Finding, config: FilterConfig) -> float:
    return config.profanity_threshold if f.type == "PROFANITY" else config.remove_threshold


def resolve(findings: Iterable[Finding], config: FilterConfig = _DEFAULT_CONFIG) -> list[Finding]:
    """Non-overlapping findings to remove, in text order."""
    ranked = sorted(
        (f for f in findings if f.score >= _threshold(f, config) and f.end > f.start),
        key=lambda f: (-_PRIORITY.get(f.type, 3), -(f.end - f.start), -f.score, f.start),
    )
    taken: list[Finding] = []
    for f in ranked:
        if all(f.end <= t.start or f.start >= t.end for t in taken):
            taken.append(f)
    return sorted(taken, key=lambda f: f.start)


def _replace(text: str, findings: list[Finding]) -> str:
    parts: list[str] = []
    last = 0
    for f in findings:
        parts.append(text[last : f.start])
        parts.append(f.replacement or "")
        last = f.end
    parts.append(text[last:])
    return "".join(parts)


def read(text: str, *, config: FilterConfig = _DEFAULT_CONFIG) -> classifier.Reading | None:
    """What the learned layer reads in `text` (category, probability, the words that weighed most),
    or None when no model is installed or it is switched off. For a moderator's or writer's view
    while the text exists: the words are never stored."""
    model = classifier.get_model() if config.use_classifier else None
    if model is None or not text.strip():
        return None
    urgent, queue = config.model_urgent_threshold, config.model_queue_threshold
    urgent_t = model.urgent_threshold if urgent is None else urgent
    window = config.model_window_threshold
    if window is None:  # the model's own, unless the urgent threshold is overridden: then that one
        window = model.window_threshold if urgent is None else urgent_t
    return model.read(
        text,
        urgent_threshold=urgent_t,
        queue_threshold=model.queue_threshold if queue is None else queue,
        window_threshold=window,
    )


def _model_findings(text: str, config: FilterConfig) -> list[Finding]:
    reading = read(text, config=config)
    if reading is None or reading.decision is Decision.PUBLISH:
        return []
    return [
        Finding(
            reading.label,
            reading.start,
            reading.end,
            reading.probability,
            f"{MODEL_SOURCE}:{reading.category}",
            None,
            reading.decision,
        )
    ]


MODEL_SOURCE = "model:post_classifier"


def _decide(signal_findings: list[Finding], config: FilterConfig) -> tuple[Decision, list[str]]:
    decision = Decision.PUBLISH
    reasons = []
    for f in signal_findings:
        if f.source.startswith(MODEL_SOURCE):
            level = f.decision  # the model's own thresholds were applied when it read the text
        elif f.decision is Decision.URGENT and f.score >= config.urgent_threshold:
            level = Decision.URGENT
        elif f.score >= config.queue_threshold:
            level = Decision.QUEUE
        else:
            continue
        if level.severity > decision.severity:
            decision = level
        reasons.append(f"{level.value}: {f.type} ({f.source}, score {f.score:.2f}, tekens {f.start}-{f.end})")
    return decision, reasons


def screen(text: str, *, config: FilterConfig | None = None) -> Screening:
    """Screen `text`: decide, and return the text with personal data and swear words replaced.

    Thread-safe; the engines are built once per process (call `load()` to do it up front).
    """
    config = config or _DEFAULT_CONFIG
    if not text:
        return Screening(Decision.PUBLISH, text)
    if config.use_presidio:
        from nlp_models import engine

        candidates = engine.analyze(text, config=config)
    else:
        candidates = recognize(text, config=config)
    removed = resolve(candidates, config)
    if config.remove_names:
        again = names.repeated_names(text, removed)
        if again:
            removed = resolve([*removed, *again], config)
    published = _replace(text, removed)
    signal_findings = (
        signals.find_signals(text)
        + combinations.find_combinations(text, removed)
        + combinations.contact_invitations(text, removed)
        + _model_findings(text, config)
    )
    decision, decision_reasons = _decide(signal_findings, config)
    reasons = [
        f"{LABELS_NL.get(f.type, f.type)} verwijderd "
        f"({f.source}, score {f.score:.2f}, tekens {f.start}-{f.end})"
        for f in removed
    ]
    return Screening(
        decision, published, tuple(removed) + tuple(signal_findings), tuple(decision_reasons + reasons)
    )


def check_nickname(nickname: str) -> list[Finding]:
    """The parts of a nickname that make it unfit: a real name, a handle, a phone number,
    an e-mail address, a swear word or slur. An invented nickname ("zonnebloem14") gives []."""
    return names.check_nickname(nickname)
