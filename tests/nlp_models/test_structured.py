"""Each structured recognizer replaces its type with the policy's placeholder."""

import pytest

from nlp_models import FilterConfig, screen

DIRECT = FilterConfig(use_presidio=False)


def published(text: str) -> str:
    return screen(text).published_text


@pytest.mark.parametrize(
    "number",
    [
        "0612345678",
        "06-48 22 91 37",
        "+31 6 2345 6789",
        "010-4567890",
        "06.11.22.33.44",
        "0031 6 12 34 56 78",
        "+32 470 12 34 56",
        "06 - 12345678",
        "(020) 1234567",
    ],
)
def test_phone_number_in_any_dutch_notation_is_replaced(number):
    assert published(f"bel me op {number} vanavond") == "bel me op [telefoonnummer] vanavond"


def test_phone_number_spelled_out_in_words_is_replaced():
    text = "mijn nummer is nul zes een twee drie vier vijf zes zeven acht, onthoud het"
    assert published(text) == "mijn nummer is [telefoonnummer], onthoud het"


def test_helpline_numbers_stay_readable():
    text = "bel 113 of 0800-0113, of de kindertelefoon op 0800-0432"
    assert published(text) == text


@pytest.mark.parametrize(
    "address",
    [
        "lisa.de.vries@hotmail.com",
        "naam at hotmail punt com",
        "naam(at)gmail.com",
        "tim [at] outlook [punt] nl",
        "sanne apenstaartje ziggo punt nl",
    ],
)
def test_email_address_plain_or_obfuscated_is_replaced(address):
    assert published(f"mail me: {address} ok") == "mail me: [e-mailadres] ok"


@pytest.mark.parametrize("postcode", ["3532 KL", "1071AB", "1071ab"])
def test_postcode_is_replaced(postcode):
    assert published(f"mijn postcode is {postcode} toch") == "mijn postcode is [postcode] toch"


def test_year_followed_by_a_two_letter_word_is_not_a_postcode():
    assert published("in 2024 en daarna") == "in 2024 en daarna"


@pytest.mark.parametrize(
    "address",
    ["Merelstraat 14", "Van Goghlaan 3b", "kerkstraat 12", "Ringbaan-Oost 188", "Laan van Meerdervoort 50"],
)
def test_street_with_house_number_is_replaced(address):
    assert published(f"ik woon op de {address} hier") == "ik woon op de [adres] hier"


def test_street_word_with_a_duration_is_not_an_address():
    assert published("ik ben onderweg 5 minuten") == "ik ben onderweg 5 minuten"


@pytest.mark.parametrize("bsn", ["111222333", "111 222 333", "1112.22.333"])
def test_bsn_passing_the_eleven_check_is_replaced(bsn):
    assert published(f"mijn bsn is {bsn}.") == "mijn bsn is [bsn]."


def test_nine_digits_failing_the_eleven_check_are_not_a_bsn():
    assert "[bsn]" not in published("het getal 123456789 is lang")


@pytest.mark.parametrize("iban", ["NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "nl91abna0417164300"])
def test_iban_with_or_without_spaces_is_replaced(iban):
    assert published(f"maak het over naar {iban} aub") == "maak het over naar [rekeningnummer] aub"


@pytest.mark.parametrize("plate", ["12-KLM-3", "AB-12-CD", "4-TFX-12", "XX-999-X"])
def test_dutch_licence_plate_is_replaced(plate):
    assert published(f"kenteken {plate} reed weg") == "kenteken [kenteken] reed weg"


@pytest.mark.parametrize(
    "url", ["https://example.com/profiel/lisa", "www.mijnsite.nl", "tiktok.com/@fien.dans"]
)
def test_link_is_replaced(url):
    assert published(f"kijk op {url} !") == "kijk op [link] !"


def test_helpline_website_is_kept():
    assert published("kijk op 113.nl voor hulp") == "kijk op 113.nl voor hulp"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("volg me @lisa_2011 !", "volg me [gebruikersnaam] !"),
        ("mijn snap is zonnetje123", "mijn snap is [gebruikersnaam]"),
        ("insta: emma.jansen", "insta: [gebruikersnaam]"),
        ("discord shadowwolf#4821", "discord [gebruikersnaam]"),
        ("add me op snap: coolgirl_09", "add me op snap: [gebruikersnaam]"),
    ],
)
def test_handle_is_replaced(text, expected):
    assert published(text) == expected


def test_platform_name_without_a_handle_is_kept():
    assert published("ik zit veel op tiktok en snap") == "ik zit veel op tiktok en snap"


@pytest.mark.parametrize("date", ["14 maart 2011", "03-07-2010", "1/2/2012"])
def test_full_date_of_birth_is_replaced(date):
    assert published(f"ik ben geboren op {date}.") == "ik ben geboren op [geboortedatum]."


@pytest.mark.parametrize(
    "school", ["Stedelijk Gymnasium", "basisschool De Regenboog", "Erasmuscollege", "Montessori Lyceum"]
)
def test_school_name_is_replaced(school):
    assert published(f"ik zit op het {school} sinds vorig jaar") == "ik zit op het [school] sinds vorig jaar"


def test_school_type_alone_is_kept():
    assert published("ik zit op de havo in groep 8") == "ik zit op de havo in groep 8"


def test_presidio_and_direct_paths_give_the_same_text():
    text = "Ik ben Emma de Vries, bel 0612345678 of mail e@x.nl, ik woon op de Merelstraat 14, kut"
    assert screen(text).published_text == screen(text, config=DIRECT).published_text


@pytest.mark.parametrize(
    "text",
    [
        "kijk op linktr.ee/lisa2011 !",
        "kijk op youtube.com/@gamerkanaal !",
        "kijk op https://www.instagram.com/x !",
    ],
)
def test_link_with_a_path_on_any_domain_is_replaced(text):
    assert published(text) == "kijk op [link] !"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ik zit op CSG Calvijn", "ik zit op [school]"),
        ("ik zit op de Openbare Basisschool Het Palet", "ik zit op de [school]"),
        ("ik zit op het Dalton Lyceum in Den Haag", "ik zit op het [school] in Den Haag"),
    ],
)
def test_school_with_abbreviation_or_adjective_is_replaced_whole(text, expected):
    assert published(text) == expected


def test_house_number_after_where_someone_lives_is_replaced():
    assert published("ik woon in de Vogelwijk op nummer 23") == "ik woon in de Vogelwijk op [adres]"


def test_handle_after_platform_and_als_is_replaced():
    assert published("je vindt me op insta als lisa.vd.berg") == "je vindt me op insta als [gebruikersnaam]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in fortnite heet ik ShadowKing", "in fortnite heet ik [gebruikersnaam]"),
        ("op snap heet ze daar lisa_x", "op snap heet ze daar [gebruikersnaam]"),
    ],
)
def test_name_on_a_platform_is_a_handle(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize("text", ["groep 8 0612345678", "_0612345678_", "+0612345678", "##111222333##"])
def test_number_glued_to_other_digits_or_symbols_is_still_found(text):
    out = published(text)
    assert "12345678" not in out and "111222333" not in out


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Ik zit op het Christelijk Lyceum Zeist", "Ik zit op het [school]"),  # the town is part of the name
        ("ik zit op de jan ligthart school", "ik zit op de [school]"),  # lower case
        ("mijn school is het Bonhoeffer college", "mijn school is [school]"),  # the words "mijn school" stay
        ("mijn school heet De Regenboog", "mijn school heet [school]"),
    ],
)
def test_school_names_are_removed_whole_and_nothing_around_them(text, published):
    assert screen(text).published_text == published


@pytest.mark.parametrize(
    "text",
    [
        "ik ga naar een nieuwe school en ik ben bang",
        "mijn zus zit op de rijschool",
        "ik ga naar de dans school in het weekend",
        "de school van mijn broer is groot",
        "wat is dit voor een b a s i s school",
    ],
)
def test_ordinary_words_before_school_are_kept(text):
    assert screen(text).published_text == text


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("ik woon op nummer 23 van de Lindelaan", "ik woon op [adres]"),
        ("we wonen op de Oude Gracht 105 bis", "we wonen op de [adres]"),
        ("In de Grote Markt 3 hoog woont mijn oma", "In de [adres] hoog woont mijn oma"),
        ("Op de Van Goghlaan 3b", "Op de [adres]"),
    ],
)
def test_addresses_in_other_orders_and_spellings_are_removed_but_not_the_words_before(text, published):
    assert screen(text).published_text == published


def test_a_market_with_a_time_is_no_address():
    text = "Ik heb op de Oude Markt 5 uur gewacht"
    assert screen(text).published_text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ik zit op het Stedelijk en ik word gepest", "ik zit op het [school] en ik word gepest"),
        ("mijn mentor van het Erasmiaans is aardig", "mijn mentor van het [school] is aardig"),
        ("onze juf op de Wereldwijzer zegt dat het mag", "onze juf op de [school] zegt dat het mag"),
        ("ik zat vroeger op de Regenboog", "ik zat vroeger op de [school]"),
    ],
)
def test_a_school_called_by_its_short_name_in_a_school_context_is_removed(text, expected):
    assert screen(text, config=DIRECT).published_text == expected


@pytest.mark.parametrize(
    "text",
    [
        "we gaan met de klas naar de Efteling",
        "ik ga even naar de Jumbo",
        "morgen gaan we naar het Rijksmuseum",
        "we woonden vroeger bij de Waal",
    ],
)
def test_venues_shops_and_rivers_after_naar_de_are_no_school(text):
    assert screen(text, config=DIRECT).published_text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wie speelt er mee? add BlauweVos#NL1", "wie speelt er mee? add [gebruikersnaam]"),
        ("mijn spelerstag is #2PQ8LVY", "mijn spelerstag is [gebruikersnaam]"),
        ("voeg me toe: SW-1234-5678-9012", "voeg me toe: [gebruikersnaam]"),
        (
            "hij noemt zich op discord Zwartewolf en is 30",
            "hij noemt zich op discord [gebruikersnaam] en is 30",
        ),
        ("die man heet online 'Tijger' zegt hij", "die man heet online '[gebruikersnaam]' zegt hij"),
    ],
)
def test_a_name_a_game_or_platform_gives_a_player_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text", ["#2024 was een top jaar", "ik zag #BLM en #MeToo", "hij heet online niet zo"]
)
def test_hashtags_and_plain_words_after_heet_online_stay(text):
    assert published(text) == text


def test_an_iban_with_its_country_apart_is_replaced_and_a_phone_before_it_hides_nothing():
    text = "bel 06-12 34 56 78 of stort op NL 91 ABNA 0417 1643 00 graag"
    assert published(text) == "bel [telefoonnummer] of stort op [rekeningnummer] graag"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("groep 7 van de Sint Willibrordschool", "groep 7 van de [school]"),
        ("ik zit op de Lindenhof school in groep 5", "ik zit op de [school] in groep 5"),
        ("mijn klas van de Hendrik van Brederode", "mijn klas van de [school]"),
        ("ik zit op Praktijkschool De Horizon", "ik zit op [school]"),
    ],
)
def test_a_school_named_with_saint_a_person_or_its_type_first_is_removed_whole(text, expected):
    assert published(text) == expected
