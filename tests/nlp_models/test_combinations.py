"""Facts that give a young person away only together: each rule, what it must not fire on, and the
decision screening gives. Every example is written for these tests."""

import pytest

from nlp_models import Decision, screen
from nlp_models.combinations import CATEGORIES, find_combinations, rule_of


def parts(text: str) -> dict[str, list[str]]:
    """The parts each combination rule found, as the words they cover."""
    found: dict[str, list[str]] = {}
    for f in find_combinations(text):
        found.setdefault(rule_of(f), []).append(text[f.start : f.end])
    return found


@pytest.mark.parametrize(
    ("text", "covered"),
    [
        ("Morgen word ik 14 en ik heb nog geen cadeau gevraagd", "Morgen word ik 14"),
        ("ik word zaterdag eindelijk 12!!", "ik word zaterdag eindelijk 12"),
        ("Ik ben gisteren dertien geworden maar niemand wist het", "Ik ben gisteren dertien geworden"),
        ("vandaag ben ik 15 jaar geworden en het voelt raar", "vandaag ben ik 15 jaar geworden"),
        (
            "volgende week dinsdag word ik 16, mag ik dan alleen op vakantie?",
            "volgende week dinsdag word ik 16",
        ),
        ("op 3 mei word ik elf", "op 3 mei word ik elf"),
    ],
)
def test_an_age_with_the_day_it_is_reached_is_a_date_of_birth(text, covered):
    assert parts(text) == {"birthday": [covered]}


def test_a_birthday_day_and_an_age_apart_in_the_post_combine():
    text = "Ik ben overmorgen jarig. Mijn ouders vergeten het altijd. Ik ben nu 10 en ik vind het zo stom."
    assert parts(text) == {"birthday": ["Ik ben overmorgen jarig", "Ik ben nu 10"]}


@pytest.mark.parametrize(
    "text",
    [
        "ik ben 12 en ik ben vandaag voor het eerst naar de tandarts geweest",  # "vandaag" is not the birthday
        "Ik word 14 en ik mag nog steeds niet alleen naar de stad",  # an age without a day
        "ik ben morgen jarig maar ik heb geen zin in een feest",  # a day without an age
        "mijn zusje wordt morgen 6, wat kan ik haar geven?",  # someone else's birthday
        "morgen word ik weer gepest, ik weet het zeker",
        "Ik ben vandaag 3 kilo afgevallen",
    ],
)
def test_an_age_or_a_day_alone_is_no_combination(text):
    assert "birthday" not in parts(text)


@pytest.mark.parametrize(
    ("text", "place", "group"),
    [
        ("ik woon in Lemmer en ik zit in groep 7", "Lemmer", "groep 7"),
        ("Ik zit in 2b op de enige middelbare school van Dokkum", "Dokkum", "in 2b"),
        ("Wij wonen in Elspeet. Ik zit bij de JO11-2 en de trainer is streng.", "Elspeet", "JO11-2"),
        ("ik zit in 3 havo in Nieuw-Vennep en niemand snapt mij", "Nieuw-Vennep", "3 havo"),
        ("ik kom uit urk en zit op hockey", "urk", "op hockey"),
    ],
)
def test_a_small_place_with_a_class_or_team_is_a_combination(text, place, group):
    assert sorted(parts(text)["place_and_group"]) == sorted([place, group])


@pytest.mark.parametrize(
    "text",
    [
        "ik woon in Amsterdam en zit in groep 7",  # a large town: one class of hundreds
        "Ik zit in de brugklas in Rotterdam en het is zo groot",
        "ik woon in Lemmer en het is hier saai",  # a place alone
        "ik zit in groep 8 en we krijgen een nieuwe juf",  # a class alone
        "ik woon in best een fijne straat",  # "best" is a word here, not the village
        "Mijn oma woont in Marokko en ik zit in 2b",  # a country is no small place
    ],
)
def test_a_large_town_a_place_alone_or_a_class_alone_is_no_combination(text):
    assert "place_and_group" not in parts(text)


def test_the_school_trip_with_its_day_and_destination_is_a_combination():
    found = parts("Morgen gaan we met de klas op schoolreis naar de Efteling en ik ben bang in de achtbaan")
    assert sorted(found["event_date_place"]) == sorted(["schoolreis", "Morgen", "Efteling"])


def test_an_event_in_a_small_place_with_a_time_is_a_combination():
    found = parts("zaterdag om 10 uur heb ik een toernooi in Genemuiden en ik ben zenuwachtig")
    assert sorted(found["event_date_place"]) == sorted(["toernooi", "zaterdag", "Genemuiden"])


@pytest.mark.parametrize(
    "text",
    [
        "Morgen hebben we een wedstrijd in Utrecht",  # a large town
        "We gaan op schoolreis naar de Efteling, wie is daar ooit geweest?",  # no day
        "Zaterdag heb ik een wedstrijd en ik ben zo zenuwachtig",  # no place
        "Is er morgen een toernooi in Genemuiden? Ik las het in de krant",  # not the writer's own event
    ],
)
def test_an_event_without_day_small_place_or_writer_is_no_combination(text):
    assert "event_date_place" not in parts(text)


def test_parts_that_the_filter_removes_do_not_count():
    # The school's name is replaced by [school]; what is left is a class in an unknown place.
    result = screen("Ik zit in 2b op het Stedelijk Gymnasium en ik vind het moeilijk")
    assert result.decision is Decision.PUBLISH
    assert not [f for f in result.findings if f.source.startswith("combination:")]


def test_a_combination_holds_the_post_and_names_itself_as_the_reason():
    result = screen("Hoi! morgen word ik 14 en ik geef een feestje, mijn oude nummer was 0612345678")
    assert result.decision is Decision.QUEUE
    assert "[telefoonnummer]" in result.published_text
    assert "morgen word ik 14" in result.published_text  # held, not cut: a moderator decides
    assert any(CATEGORIES["birthday"] in reason for reason in result.reasons)


def test_without_the_birthday_the_same_post_is_published_at_once():
    result = screen("Hoi! ik geef een feestje, mijn oude nummer was 0612345678")
    assert result.decision is Decision.PUBLISH
    assert result.published_text == "Hoi! ik geef een feestje, mijn oude nummer was [telefoonnummer]"


def test_findings_of_a_combination_hold_no_words_of_the_post():
    (finding, *_) = find_combinations("ik woon in Lemmer en ik zit in groep 7")
    assert "Lemmer" not in str(finding.as_dict())
