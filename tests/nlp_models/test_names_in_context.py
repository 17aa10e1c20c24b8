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
