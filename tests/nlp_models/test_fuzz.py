"""Fuzzing the filter as the forum calls it, `screen(clean_input(text))`, with generated hostile input.

The number of examples comes from FUZZ_FILTER_EXAMPLES (see tests/fuzzing.py); `make fuzz` runs
45,000 per test.
"""

from __future__ import annotations

from hypothesis import event, given, settings

from nlp_models import Decision, clean_input, screen
from tests.fuzzing import ANY_TEXT, as_read, examples, fuzz_settings, huge_texts, texts_with_personal_data


@fuzz_settings("filter")
@given(ANY_TEXT)
def test_the_filter_never_crashes_and_its_findings_lie_inside_the_text(text):
    cleaned = clean_input(text)
    result = screen(cleaned)

    assert isinstance(result.published_text, str)
    assert result.decision in set(Decision)
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(cleaned)
    assert "\x00" not in result.published_text
    event(f"decision {result.decision}")


@fuzz_settings("filter")
@given(texts_with_personal_data())
def test_personal_data_in_any_surroundings_never_reaches_the_published_text(case):
    text, value = case

    published = screen(clean_input(text)).published_text

    assert value not in as_read(published)
    event("hidden inside" if value not in text else "as written")


@settings(fuzz_settings("filter"), max_examples=max(10, examples("filter") // 30))
@given(huge_texts(max_size=12_000))
def test_huge_texts_are_screened_without_a_crash(text):
    cleaned = clean_input(text)
    result = screen(cleaned)

    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(cleaned)
