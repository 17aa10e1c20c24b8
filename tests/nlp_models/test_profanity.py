"""Swear words and slurs are replaced by ***; words that only resemble them are kept."""

import pytest

from nlp_models import screen


def published(text: str) -> str:
    return screen(text).published_text


@pytest.mark.parametrize(
    "word",
    [
        "kut",
        "klote",
        "godverdomme",
        "fuck",
        "shit",
        "lul",
        "klootzak",
        "hoer",
        "slet",
        "mongool",
        "flikker",
        "kankerleraar",
        "kutjuf",
        "teringzooi",
        "kutmarokkaan",
        "tyfuslijer",
        "klerewijf",
        "pokkeweer",
        "kkr",
        "bitch",
    ],
)
def test_swear_word_is_replaced(word):
    assert published(f"wat een {word} zeg") == "wat een *** zeg"


@pytest.mark.parametrize(
    "spelling",
    [
        "k4nker",
        "kuttttt",
        "k a n k e r",
        "k.a.n.k.e.r",
        "f*cking",
        "FUCKKK",
        "sh!t",
        "kаnker",
        "ku\u200bt",
        "fück",
        "k-u-t",
    ],
)
def test_obfuscated_swear_word_is_replaced_on_the_original_characters(spelling):
    assert published(f"dit is {spelling} irritant") == "dit is *** irritant"


def test_replacement_covers_exactly_the_original_characters_after_a_wide_character():
    assert published("😭😭 k4nker saai 😭") == "😭😭 *** saai 😭"


@pytest.mark.parametrize(
    "text",
    [
        "mijn oma heeft kanker",
        "hij is overleden aan longkanker",
        "mijn zusje heeft waterpokken",
        "de spijsvertering werkt traag",
        "HOERA ik ben geslaagd",
        "dit eten is pikant",
        "wat lullig voor je",
        "het scherm flikkert steeds",
        "ik wil het over seks hebben, ik ben ongesteld en heb vragen over condooms",
        "ik ben homo en mijn vriendin is lesbisch, hij is bi en zij is transgender",
        "ik ben moslim",
        "wat stom en dom, wat een sukkel, zo lelijk",
        "mijn penis en borsten groeien, is masturberen normaal? zwanger? naaktfoto's?",
        "ik speel pokemon op mijn switch",
        "de kankerbestrijding krijgt geld",
        "ik heb nieuwe kleren gekocht",
        "we gaan naar Mongolië",
    ],
)
def test_protected_word_is_kept(text):
    assert published(text) == text


def test_curse_use_of_a_disease_word_is_replaced():
    assert published("kanker mooi dit") == "*** mooi dit"
    assert published("krijg de tyfus") == "krijg de ***"


def test_english_swear_words_are_replaced():
    assert published("fucking hell what the shit") == "*** hell what the ***"


def test_archaic_disease_curse_is_removed_unless_among_medical_words():
    assert published("ik heb de tering aan hem") == "ik heb de *** aan hem"
    assert (
        published("hij had tering in de oorlog, zei de dokter")
        == "hij had tering in de oorlog, zei de dokter"
    )


@pytest.mark.parametrize(
    "text", ["ik ben bang voor kanker", "krijg je kanker van roken?", "mijn oma is ziek, het is kanker"]
)
def test_disease_word_near_medical_words_is_kept(text):
    assert published(text) == text


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("ik heb de kanker aan die gast", "ik heb de *** aan die gast"),
        ("wtf is dit voor een k u t school", "*** is dit voor een *** school"),
    ],
)
def test_curse_idioms_and_spaced_letters_before_a_noun_are_replaced(text, published):
    assert screen(text).published_text == published


def test_the_disease_in_an_organ_is_kept():
    assert screen("mijn oom heeft de kanker aan zijn long laten weghalen").published_text.count("kanker") == 1
