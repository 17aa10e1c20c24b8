"""spaCy components of the Dutch pipeline, registered on import."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

TOKENIZER = "praatplein.nl_tokenizer.v1"


@registry.tokenizers(TOKENIZER)
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's Dutch punctuation rules without its ~4,600 abbreviation special cases.

    Loading those special cases costs about a second at start-up, twice (from the language
    defaults, then from disk); the filter's recognizers do not depend on them.
    """

    def make(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules={},
            prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
            suffix_search=compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
            infix_finditer=compile_infix_regex(defaults.infixes).finditer if defaults.infixes else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return make


# No suffix rule is longer than this; spaCy's own rules stay under 20 characters.
SUFFIX_WINDOW = 64


def tail_suffix_search(
    search: Callable[[str], re.Match[str] | None],
) -> Callable[[str], re.Match[str] | None]:
    """`search` for an end-anchored suffix pattern, run on the last SUFFIX_WINDOW characters only.

    spaCy strips suffixes from a whitespace-free run one at a time, and an end-anchored regex
    scans the whole run each time: 5,000 emoji or exclamation marks in a row took 4-5 seconds
    (quadratic), so one member's previews could keep a web process busy. On the tail, the same
    suffix is found (only its length is used) in constant time; a run of more than SUFFIX_WINDOW
    repeated suffix characters ("!!!!…") becomes several tokens instead of one, with the same offsets.
    """

    def suffix_search(string: str) -> re.Match[str] | None:
        return search(string if len(string) <= SUFFIX_WINDOW else string[-SUFFIX_WINDOW:])

    return suffix_search
