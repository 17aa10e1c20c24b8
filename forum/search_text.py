"""The words of forum text as the search index holds them: Dutch stems, without the filter's placeholders.

The same function makes the index and the query, on every backend, so "gepest", "pesten" and "pest"
find each other on SQLite as on PostgreSQL and Elasticsearch. Snowball's Dutch stemmer
(snowballstemmer, BSD-3-Clause) takes the endings off ("pesten" -> "pest"); a past participle's
"ge-" is taken off first ("gepest" -> "pest"), which Snowball alone turns into "pes".

The placeholders that stand where the filter removed personal data ("[naam]", "[telefoonnummer]",
"***") are left out, so a search for "telefoonnummer" never points at the posts that held one.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

# Every placeholder the filter writes is a lower-case word in square brackets, or asterisks.
PLACEHOLDER = re.compile(r"\[[a-z][a-z\- ]*\]|\*{2,}")
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_STEMMER = snowballstemmer.stemmer("dutch")


def without_placeholders(text: str) -> str:
    return PLACEHOLDER.sub(" ", text)


@lru_cache(maxsize=50_000)
def word_stem(word: str) -> str:
    """The stem of one word, lower case."""
    word = word.lower()
    if len(word) > 5 and word.startswith("ge") and word[-1] in "td":
        word = word[2:]
    return _STEMMER.stemWord(word)


def search_stems(text: str) -> str:
    """`text` as the index holds it: the stem of every word, placeholders left out."""
    return " ".join(word_stem(word) for word in WORD.findall(without_placeholders(text)))
