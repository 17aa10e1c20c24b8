"""Lower-case first names that are also Dutch words are told apart by their context."""

import pytest

from nlp_models import screen


@pytest.mark.parametrize(
    "text",
    [
        "hoi bas, hoe gaat het?",
        "hey sem hoe was je toets",
        "hoi roos!",
        "juf ank is ziek vandaag",
        "ik heb afgesproken met bas",
        "ik ging met lotte naar de stad",
        "bas jij bent echt grappig",
        "Roos jij bent lief",
    ],
)
def test_a_lower_case_name_in_a_name_context_is_removed(text):
    assert "[naam]" in screen(text).published_text


@pytest.mark.parametrize(
    "text",
    [
        "ik kreeg een roos van hem",
        "ik speel bas in een band",
        "ik heb een bas gekocht",
        "hoera we hebben vrij",
        "hoi allemaal",
        "hey jij bent nieuw hier",
        "met hoop en liefde",
        "de juf is ziek",
    ],
)
def test_the_same_words_as_ordinary_words_stay(text):
    assert screen(text).published_text == text


def test_a_paypal_name_is_a_handle():
    assert screen("mijn paypal is lunavdberg").published_text == "mijn paypal is [gebruikersnaam]"


def test_paying_with_paypal_is_no_handle():
    assert screen("ik betaal met paypal").published_text == "ik betaal met paypal"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ik en storm gingen naar het strand", "ik en [naam] gingen naar het strand"),
        ("gisteren waren roos en ik bij de bios", "gisteren waren [naam] en ik bij de bios"),
        ("roos en ik zijn vriendinnen", "[naam] en ik zijn vriendinnen"),
        ("ik heb met bas afgesproken", "ik heb met [naam] afgesproken"),
    ],
)
def test_a_lower_case_name_that_is_also_a_word_is_a_name_beside_ik(text, expected):
    assert screen(text).published_text == expected


@pytest.mark.parametrize(
    "text",
    ["er was storm en ik was bang", "ik kocht een roos en ik gaf hem weg", "de storm en ik"],
)
def test_the_same_words_as_words_beside_ik_stay(text):
    assert screen(text).published_text == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("mn mattie Dilano heeft een nieuwe scooter", "Dilano"),
        ("het meisje Yinthe zit naast me bij tekenen", "Yinthe"),
        ("Jordaan vroeg of ik mee wilde naar de film", "Jordaan"),
        ("Tjalling uit de brugklas doet altijd zo raar", "Tjalling"),
    ],
)
def test_a_name_no_list_knows_is_found_by_the_words_around_it(text, name):
    # None of these names is in the first-name lists; a friend's word before it, a verb of what people
    # do after it at the start of a sentence, or "uit" a class after it says it is a person.
    published = screen(text).published_text
    assert name not in published and "[naam]" in published


@pytest.mark.parametrize(
    "text",
    [
        "Minecraft vroeg of ik mijn account wilde koppelen",
        "ik zit met Rummikub op de bank",
        "Efteling heeft een nieuwe achtbaan",
    ],
)
def test_games_and_parks_in_those_places_stay(text):
    assert screen(text).published_text == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Marwa je bent echt zo fake", "Marwa"),
        ("hee Jelmer jij hebt mijn pen", "Jelmer"),
        ("Ilayda als jij dat nog eens zegt", "Ilayda"),
        ("die gozer Brahim uit 2c liegt", "Brahim"),
        ("stomme kutmeester van Veen weer", "Veen"),
        ("MOHAMMED JE BENT EEN LEUGENAAR EN IEDEREEN WEET HET", "mohammed"),
        ("ik ging met mijn nichtjes Sophie en Lyanne zwemmen", "Lyanne"),
        ("meneer Veldkamp gaf straf. die Veldkamp is echt oneerlijk", "Veldkamp"),
        ("onze kat is dood maar mijn vriendin Jade troost me", "Jade"),
        ("mijn beste vriendin Zara is verhuisd", "Zara"),
    ],
)
def test_a_name_spoken_to_listed_repeated_or_after_a_person_word_is_removed(text, name):
    published = screen(text).published_text
    assert name.lower() not in published.lower(), published
    assert "[naam]" in published


@pytest.mark.parametrize(
    "text",
    [
        "Bruh je bent echt gek",
        "Omg jij bent grappig",
        "Efteling je moet er echt heen",
        "ik heb het tegen de juf gezegd",
        "mijn zus heeft een oogje op haar leraar Frans",
        "we gingen naar Zandvoort en Daan rende de zee in",
        "we gaan naar Lissabon met Sem. in Lissabon is het warm",
    ],
)
def test_words_that_open_a_sentence_places_and_subjects_stay(text):
    published = screen(text).published_text
    for word in ("Bruh", "Omg", "Efteling", "gezegd", "Frans", "Zandvoort", "Lissabon"):
        if word in text:
            assert word in published, published
