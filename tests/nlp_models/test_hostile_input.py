"""Regressions found by fuzzing the filter (tests/nlp_models/test_fuzz.py): each one leaked
personal data or kept a process busy."""

from __future__ import annotations

import re

import pytest

from nlp_models import clean_input, screen
from nlp_models.engine import get_analyzer
from nlp_models.spacy_components import SUFFIX_WINDOW, tail_suffix_search


@pytest.mark.parametrize(
    "hidden",
    [
        "06\u206612345678",  # first strong isolate
        "06\u202e12345678",  # right-to-left override
        "06\u034f12345678",  # combining grapheme joiner
        "06\U000e003112345678",  # a tag character
        "06\u206a12345678",  # inhibit symmetric swapping
    ],
)
def test_an_invisible_character_inside_a_phone_number_does_not_hide_it(hidden):
    published = screen(clean_input(f"bel me op {hidden} oké")).published_text

    assert published == "bel me op [telefoonnummer] oké"


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f", "\u3000"])
def test_a_phone_number_written_with_no_break_or_thin_spaces_is_removed(space):
    number = space.join(["06", "12", "34", "56", "78"])

    assert screen(clean_input(f"mijn nummer {number}")).published_text == "mijn nummer [telefoonnummer]"


def test_a_postcode_with_a_no_break_space_is_removed():
    assert "3532" not in screen(clean_input("ik woon in 3532\u00a0KL")).published_text


def test_a_phone_number_with_a_dash_after_another_number_is_removed():
    assert screen("mijn code is 12345678 06-12345678").published_text == (
        "mijn code is 12345678 [telefoonnummer]"
    )


def test_cleaning_keeps_visible_signs_and_emoji_flags():
    england = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"

    assert clean_input(f"go {england}!") == f"go {england}!"
    assert clean_input("\u0600١٢٣") == "\u0600123"  # the Arabic number sign is seen; its digits read as 0-9
    assert clean_input("a\u2028b") == "a\nb"


def test_the_tokenizer_looks_for_suffixes_in_the_tail_of_a_long_run_only():
    seen: list[int] = []
    pattern = re.compile(r"!$")

    def search(string: str) -> re.Match[str] | None:
        seen.append(len(string))
        return pattern.search(string)

    match = tail_suffix_search(search)("a" + "!" * 5000)

    assert match is not None and match.end() - match.start() == 1
    assert seen == [SUFFIX_WINDOW]


def test_the_analyzer_uses_the_tail_search_after_loading():
    tokenizer = get_analyzer().nlp_engine.nlp["nl"].tokenizer

    assert tokenizer.suffix_search.__qualname__.startswith("tail_suffix_search")
    assert len(tokenizer("😀" * 3000)) == 3000


def test_five_thousand_exclamation_marks_are_screened_with_the_same_offsets():
    text = "ik ben boos" + "!" * 5000 + " bel 0612345678"

    result = screen(text)

    assert result.published_text == "ik ben boos" + "!" * 5000 + " bel [telefoonnummer]"


@pytest.mark.parametrize(
    "text",
    [
        "bel me op ０６１２３４５６７８",  # full-width digits
        "bel me op ٠٦١٢٣٤٥٦٧٨",  # Arabic-Indic digits
        "bel me0612345678",  # glued to the word before
        "app06-12345678 ok",
    ],
)
def test_phone_numbers_in_other_digits_or_glued_to_a_word_are_removed(text):
    published = screen(clean_input(text)).published_text
    assert "[telefoonnummer]" in published
    assert not any(c.isdigit() for c in published)
