"""Every way a phone number is written is read as one (issue 13: dashes, full-width forms, other
separators and spaces, spelled digits among figures, "＋31", numbers reversed behind an override)."""

from __future__ import annotations

import os

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nlp_models import clean_input, screen
from nlp_models.structured import number_view

# Every dash a keyboard, phone or word processor makes (Unicode category Pd), and the minus signs.
DASHES = [
    "-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2e3a", "\u2e3b", "\ufe58",
    "\ufe63", "\uff0d", "\u2212", "\u30fc",
]  # fmt: skip
GAPS = [
    " ", "_", "\u30fb", "\uff65", "\u00b7", "\u2022", "\u00a0", "\u2002", "\u2003", "\u2007", "\u2009",
    "\u200a", "\u202f", "\u205f", "\u3000", "\u1680", "\u2800", "\t", ".", "\uff0e",
]  # fmt: skip
SEPARATORS = DASHES + GAPS
SPELLED = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"]
FULL_WIDTH = {str(d): chr(0xFF10 + d) for d in range(10)}
MATH_BOLD = {str(d): chr(0x1D7CE + d) for d in range(10)}
ARABIC_INDIC = {str(d): chr(0x0660 + d) for d in range(10)}
SCRIPTS = [{}, FULL_WIDTH, MATH_BOLD, ARABIC_INDIC]
AROUND = ["bel me op {}", "{} is mijn nummer", "app me {} oke", "mijn nummer: {}!", "{}"]


@st.composite
def written_numbers(draw: st.DrawFn) -> tuple[str, str]:
    """A Dutch mobile number written some way a reader still reads, and its eight subscriber digits."""
    subscriber = draw(st.text("0123456789", min_size=8, max_size=8))
    groups = draw(st.sampled_from([[8], [2, 2, 2, 2], [3, 3, 2], [4, 4], [2, 3, 3], [1] * 8]))
    parts, i = [], 0
    for size in groups:
        parts.append(subscriber[i : i + size])
        i += size
    script = draw(st.sampled_from(SCRIPTS))
    parts = ["".join(script.get(c, c) for c in part) for part in parts]
    separator = draw(st.sampled_from(SEPARATORS))
    body = separator.join(parts)
    prefix = draw(
        st.sampled_from(["06", "+316", "+31 6", "\uff0b31 6", "0031 6", "nul zes", "nul 6", "0 zes"])
    )
    prefix = "".join(script.get(c, c) for c in prefix)
    number = prefix + draw(st.sampled_from(SEPARATORS + [""])) + body
    if number.startswith("nul") or number.startswith("0 zes"):
        number = number.replace("\uff0b", "+")
    if draw(st.booleans()):
        # Typed backwards behind a right-to-left override, so that a reader sees it the right way round.
        number = "\u202e" + number[::-1] + "\u202c"
    return draw(st.sampled_from(AROUND)).format(number), subscriber


def _digits(text: str) -> str:
    return "".join(c for c in number_view(text) if c.isdigit())


@settings(max_examples=int(os.environ.get("NUMBER_WRITING_EXAMPLES", "300")), deadline=None)
@given(written_numbers())
# Found by this test: read forwards, part of the run is a number and all of it a BSN; read backwards,
# all of it is the number.
@example(("bel me op \u202e36-01-14-41-6 13+\u202c", "14411063"))
def test_a_phone_number_is_never_published_however_it_is_written(case):
    text, subscriber = case

    published = screen(clean_input(text)).published_text

    assert "[telefoonnummer]" in published
    assert subscriber[-6:] not in _digits(published)
    assert subscriber[-6:][::-1] not in _digits(published)


@pytest.mark.parametrize(
    "number",
    [
        "06\u201312345678",  # en dash
        "06\u201012345678",  # hyphen
        "06\u201112345678",  # non-breaking hyphen
        "06\u201412345678",  # em dash
        "06\u221212345678",  # minus sign
        "06\ufe6312345678",  # small hyphen-minus
        "\uff10\uff16\uff0d\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18",  # full width
        "06_12345678",
        "\uff0b31 6 12345678",  # full-width plus
        "nul zes 12345678",
        "06\u30fb1234\u30fb5678",
        "0\ufe0f\u20e36\ufe0f\u20e31\ufe0f\u20e32\ufe0f\u20e33\ufe0f\u20e34\ufe0f\u20e35\ufe0f\u20e36\ufe0f\u20e37\ufe0f\u20e38\ufe0f\u20e3",
    ],
)
def test_each_writing_the_attack_run_published_is_removed(number):
    assert screen(clean_input(f"Bel me op {number}")).published_text == "Bel me op [telefoonnummer]"


def test_a_number_typed_backwards_behind_a_right_to_left_override_is_removed():
    # The reader saw "06-12345678"; once the override is removed, "87654321-60" is left.
    published = screen(clean_input("bel me \u202e87654321-60\u202c oke")).published_text

    assert published == "bel me [telefoonnummer] oke"


@pytest.mark.parametrize(
    "text",
    [
        "ik heb 12345678 euro gespaard",
        "groep 8 van 2024-2025",
        "we waren met zes en ik was nul keer 12 jaar",
        "het kost 1.234.567 euro",
        "score 3\u20131 voor ajax",
    ],
)
def test_numbers_that_are_no_phone_numbers_stay(text):
    assert screen(clean_input(text)).published_text == text


def test_the_view_has_the_length_of_the_text_so_findings_mark_what_was_typed():
    text = "\uff10\uff16\uff0d\u2800_\u30fb\ufe0f\u20e3\u2474\u00bd"

    assert len(number_view(text)) == len(text)
    assert number_view(text)[:3] == "06-"


def test_emoji_joined_with_zero_width_joiners_stay_whole():
    family = "\U0001f469\u200d\U0001f469\u200d\U0001f467 \U0001f3f3\ufe0f\u200d\U0001f308 \U0001f469\U0001f3fd\u200d\U0001f692"

    assert clean_input(f"wij {family}!") == f"wij {family}!"
    assert clean_input("0\u200d6") == "06"  # between digits it only hides
