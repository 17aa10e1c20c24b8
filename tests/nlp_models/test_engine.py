"""The Presidio engine of record, its start-up and its use from many threads."""

from concurrent.futures import ThreadPoolExecutor

from nlp_models import load, screen
from nlp_models.engine import LANGUAGE, get_analyzer


def test_analyzer_is_registered_for_dutch_only_with_the_three_recognizers():
    analyzer = get_analyzer()
    assert analyzer.supported_languages == [LANGUAGE]
    names = {r.name for r in analyzer.registry.get_recognizers(language=LANGUAGE, all_fields=True)}
    assert names == {"praatplein_structured", "praatplein_names", "praatplein_profanity"}


def test_load_is_idempotent_and_returns_quickly_the_second_time():
    load()
    load()
    assert get_analyzer() is get_analyzer()


def test_screening_from_many_threads_gives_the_same_results():
    texts = [f"Ik ben Emma, bel 06123456{i:02d} of mail emma{i}@x.nl, kut" for i in range(40)]
    expected = [screen(t).published_text for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda t: screen(t).published_text, texts))
    assert results == expected
