"""Presidio wiring: a Dutch `AnalyzerEngine` on a local spaCy pipeline, and the anonymizer.

The engine of record is Presidio's `AnalyzerEngine`, registered for `nl` only, with three
recognizers that each do combined work (one pass for all structured types, one for names, one
for swear words) so that Presidio's per-recognizer overhead is paid three times, not thirty.
The spaCy pipeline is `spacy.blank("nl")` with a lighter tokenizer (see `spacy_components`),
saved in `data/spacy_nl/` and loaded from that path, never by a model name (which would make
Presidio try a download). Lemmas for Presidio's context enhancer are the tokens' lower-case
forms, set when the artifacts are built (a blank pipeline sets none).

Known traps handled here (see the project's FACTS): tldextract must not try to download the
public suffix list, so its URL list is emptied and its cache pointed at a writable directory
before Presidio is imported.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
os.environ.setdefault("TLDEXTRACT_CACHE", str(Path(tempfile.gettempdir()) / "praatplein-tldextract"))

import spacy  # noqa: E402
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult  # noqa: E402
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer  # noqa: E402
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine  # noqa: E402
from presidio_anonymizer import AnonymizerEngine  # noqa: E402
from presidio_anonymizer.entities import OperatorConfig  # noqa: E402

from nlp_models import names, profanity, structured  # noqa: E402
from nlp_models.spacy_components import TOKENIZER, tail_suffix_search  # noqa: E402
from nlp_models.types import FilterConfig, Finding  # noqa: E402

LANGUAGE = "nl"
SPACY_PATH = Path(__file__).parent / "data" / "spacy_nl"
STRUCTURED_TYPES = [
    "PHONE",
    "EMAIL",
    "URL",
    "HANDLE",
    "POSTCODE",
    "ADDRESS",
    "BSN",
    "IBAN",
    "PLATE",
    "BIRTHDATE",
    "SCHOOL",
]

for _name in ("presidio-analyzer", "presidio-anonymizer"):
    logging.getLogger(_name).setLevel(logging.ERROR)


class _FindingRecognizer(EntityRecognizer):
    """A Presidio recognizer that wraps one of the package's finders."""

    finder: Any = None

    def load(self) -> None:  # the finders load their own data lazily
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        wanted = set(entities) if entities else None
        return [
            RecognizerResult(f.type, f.start, f.end, f.score, recognition_metadata={"source": f.source})
            for f in type(self).finder(text)
            if wanted is None or f.type in wanted
        ]


class StructuredRecognizer(_FindingRecognizer):
    finder = staticmethod(lambda text: list(structured.find_structured(text)))


class NameRecognizer(_FindingRecognizer):
    finder = staticmethod(names.find_names)


class ProfanityRecognizer(_FindingRecognizer):
    finder = staticmethod(profanity.find_profanity)


class DutchSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine for the local Dutch pipeline, with cheaper artifacts.

    A blank pipeline sets no lemmas, so Presidio's context words would never match; the
    artifacts carry each token's lower-case form as its lemma instead (one pass over the doc,
    rather than a lemma component plus Presidio's own passes). The keyword list (a stop-word
    lookup per token, used by no recognizer here) is left out: it cost ~0.25 ms a post.
    """

    def _doc_to_nlp_artifact(self, doc: Any, language: str) -> NlpArtifacts:
        artifacts = NlpArtifacts(
            entities=list(doc.ents),
            tokens=doc,
            tokens_indices=_LazyTokenAttribute(doc, "idx"),  # type: ignore[arg-type]
            lemmas=_LazyTokenAttribute(doc, "lower_"),  # type: ignore[arg-type]
            nlp_engine=None,  # no keywords
            language=language,
        )
        artifacts.nlp_engine = self
        return artifacts


class _LazyTokenAttribute(Sequence[Any]):
    """One attribute of every token of a doc, read only when something asks for it: most posts
    never need them, and building them cost more than tokenising."""

    def __init__(self, doc: Any, attribute: str) -> None:
        self._doc = doc
        self._attribute = attribute
        self._values: list[Any] | None = None

    def _all(self) -> list[Any]:
        if self._values is None:
            self._values = [getattr(token, self._attribute) for token in self._doc]
        return self._values

    def __getitem__(self, index: Any) -> Any:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._doc)


class DutchContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer, skipped when no recognizer in play has context words
    (then it would only deep-copy every result)."""

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        if not context and not any(r.context for r in recognizers):
            return raw_results
        return super().enhance_using_context(text, raw_results, nlp_artifacts, recognizers, context)


def build_spacy_pipeline(path: Path = SPACY_PATH) -> None:
    """Write the blank Dutch pipeline (with its lemma component) to `path`."""
    nlp = spacy.blank(LANGUAGE, config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    nlp.to_disk(path)


_lock = threading.Lock()
_analyzer: AnalyzerEngine | None = None
_anonymizer: AnonymizerEngine | None = None


def get_analyzer() -> AnalyzerEngine:
    """The process's Dutch analyzer, built on first use."""
    global _analyzer, _anonymizer
    if _analyzer is None:
        with _lock:
            if _analyzer is None:
                if not (SPACY_PATH / "config.cfg").exists():
                    build_spacy_pipeline()
                nlp_engine = DutchSpacyNlpEngine(
                    models=[{"lang_code": LANGUAGE, "model_name": str(SPACY_PATH)}],
                )
                nlp_engine.load()
                # Set after loading: the tokenizer's saved patterns replace any search it was built with.
                tokenizer = nlp_engine.nlp[LANGUAGE].tokenizer  # type: ignore[index]
                tokenizer.suffix_search = tail_suffix_search(tokenizer.suffix_search)
                registry = RecognizerRegistry(supported_languages=[LANGUAGE])
                registry.add_recognizer(
                    StructuredRecognizer(
                        STRUCTURED_TYPES, name="praatplein_structured", supported_language=LANGUAGE
                    )
                )
                registry.add_recognizer(
                    NameRecognizer(["PERSON"], name="praatplein_names", supported_language=LANGUAGE)
                )
                registry.add_recognizer(
                    ProfanityRecognizer(
                        ["PROFANITY"], name="praatplein_profanity", supported_language=LANGUAGE
                    )
                )
                names.load()
                _anonymizer = AnonymizerEngine()
                _analyzer = AnalyzerEngine(
                    registry=registry,
                    nlp_engine=nlp_engine,
                    supported_languages=[LANGUAGE],
                    context_aware_enhancer=DutchContextEnhancer(),
                )
    return _analyzer


def analyze(text: str, *, config: FilterConfig) -> list[Finding]:
    """Candidate findings from Presidio's analyzer (overlaps are resolved by the caller)."""
    entities = list(STRUCTURED_TYPES)
    if config.remove_names:
        entities.append("PERSON")
    if config.remove_profanity:
        entities.append("PROFANITY")
    results = get_analyzer().analyze(text, language=LANGUAGE, entities=entities)
    return [
        Finding(
            r.entity_type,
            r.start,
            r.end,
            r.score,
            (r.recognition_metadata or {}).get("source", "presidio"),
            structured.PLACEHOLDERS[r.entity_type],
        )
        for r in results
    ]


_OPERATORS = {
    kind: OperatorConfig("replace", {"new_value": value}) for kind, value in structured.PLACEHOLDERS.items()
}


def anonymize(text: str, findings: list[Finding]) -> str:
    """Replace non-overlapping `findings` in `text` with presidio-anonymizer's replace operator."""
    get_analyzer()
    assert _anonymizer is not None
    results = [RecognizerResult(f.type, f.start, f.end, f.score) for f in findings]
    return _anonymizer.anonymize(text=text, analyzer_results=results, operators=_OPERATORS).text  # type: ignore[arg-type]
