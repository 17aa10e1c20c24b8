"""Decision rules generalise: wording the rules were not tuned on, in ordinary youth Dutch."""

import pytest

from nlp_models import Decision, FilterConfig, screen

RULES_ONLY = FilterConfig(use_classifier=False)

URGENT = {
    "suicide plans and means without the word dood": [
        "ik heb al een tijdje pillen verzameld en vanavond neem ik ze allemaal",
        "hoeveel paracetamol moet je nemen om niet meer wakker te worden",
        "ik heb een touw gekocht en weet al waar ik het ga doen",
        "ik sta nu op het dak van de flat en durf bijna",
        "ik sta op de brug en kijk naar het water, ik wil niet meer",
        "ik heb een afscheidsbrief geschreven voor mijn moeder",
        "ik ga vannacht op het spoor liggen",
        "ik hoop dat ik morgen niet meer wakker word",
        "hoeveel slaappillen heb je nodig om dood te gaan",
        "ik slik straks de hele strip paracetamol",
        "mijn brief ligt klaar en de pillen ook",
        "ik heb 30 pillen ingenomen tegen de pijn in mijn hoofd, nu voel ik me raar",
        "ik denk dat ik er vannacht een eind aan maak",
        "ik sta op het station en de trein komt zo, ik spring",
        "ik heb mijn afscheidsbrieven al geschreven",
        "het touw hangt al aan de zolderbalk",
        "ik krijg het niet meer uit mijn hoofd, ik ga mezelf wat aandoen",
    ],
    "known phrases broken by a filler word or tense": [
        "ik wil er gewoon niet meer zijn",
        "ik wou dat ik niet meer wakker werd",
        "ik wil eigenlijk gwn niet meer leven",
        "soms wou ik dat ik er gewoon niet meer was",
        "ik zou echt liever dood zijn",
        "ik wilde vroeger al dood en nu weer",
        "ik wil echt niet meer leven man",
        "ik heb geen zin meer om te leven",
        "ik wil nu gewoon echt dood",
        "ik wou dat ik gewoon nooit geboren was",
        "ik wil gewoon echt niet meer",
        "sorry iedereen, dit is mijn laatste bericht",
    ],
    "self-harm in verb-second and verb-final order": [
        "soms kras ik met een schaar in mijn bovenbeen",
        "ik vind het fijn dat ik me expres pijn doe",
        "ik heb weer in mijn arm gesneden",
        "gisteren heb ik weer gekrast met een mesje",
        "als ik boos ben sla ik mezelf tot het bloedt",
        "ik heb mezelf gisteren weer gesneden",
        "niemand weet dat ik in mijn polsen snij",
        "vannacht sneed ik weer in mijn been",
        "ik heb sigaretten op mijn arm uitgedrukt",
        "ik kras elke avond met een scherp mesje",
        "ik heb me weer gesneden met een scheermesje",
        "als ik me rot voel kras ik tot het bloedt",
        "mijn armen zitten vol sneeen omdat ik mezelf snij",
        "ik heb mijn dijen opengekrast",
    ],
    "sexual abuse and coercion described indirectly": [
        "mijn stiefvader komt elke nacht op mijn kamer",
        "hij dwingt me dingen te doen die ik niet wil",
        "mijn oom heeft me aangeraakt op een manier die ik niet wilde",
        "hij ging gewoon door terwijl ik nee zei",
        "als je geen foto's stuurt, zet ik die andere online",
        "mijn buurman zegt dat het ons geheimpje is wat hij met me doet",
        "als je niet nog meer pics stuurt krijgt je hele school ze te zien",
        "mijn vriend van 19 heeft me gedwongen om seks te hebben",
        "ik moest van hem mijn kleren uittrekken",
        "mijn stiefvader komt 's nachts in mijn kamer en doet dingen",
        "mijn oom doet dingen met me die ik niet wil",
        "hij heeft me vastgehouden en ik kon niet weg",
        "papa schopt me als ik iets fout doe",
        "mijn stiefvader kijkt naar me als ik douche en komt dan binnen",
        "hij zei dat hij mijn foto's naar mijn ouders stuurt als ik geen nieuwe stuur",
        "ik heb blauwe plekken omdat mijn vader me slaat",
    ],
}

QUEUE = {
    "threats beyond the list": [
        "ik sla hem morgen in elkaar",
        "dan maken we je af",
        "ik kom je halen",
        "wacht maar tot na school",
        "we gaan jou morgen pakken",
        "ik steek je neer als je dat nog een keer zegt",
        "jij bent dood na school",
        "als ik jou zie ben je dood",
        "ik breek je benen",
        "ik vermoord je als je dat nog eens zegt",
        "morgen ben jij de lul",
        "we weten waar je woont",
    ],
    "moving contact off the forum": [
        "mail me op die gmail van mij",
        "join mijn server dan praten we verder",
        "zoek me op op insta",
        "add me op discord",
        "app me even",
        "volg me op tiktok dan kunnen we dm'en",
        "stuur me een berichtje op snapchat",
        "ik ben 24, je mag het niet tegen je ouders vertellen he",
        "dit is ons geheimpje oke, zeg niks tegen je ouders",
        "kom op whatsapp dan praten we verder",
        "heb je snap? dan kunnen we verder praten",
        "zet je nummer hier neer dan app ik je",
        "ik ben 19 en wil graag afspreken met een meisje van 13",
        "wil je op discord verder praten",
        "de trainer zei dat ik niks mocht zeggen over wat er in de kleedkamer gebeurde",
    ],
    "worry about a friend": [
        "mijn beste vriend zegt dat zijn vader hem slaat",
        "mijn vriendin gaat zaterdag afspreken met een man van snapchat",
        "mijn zusje heeft blauwe plekken en zegt dat haar vriendje dat doet",
        "mijn vriendin heeft littekens op haar armen",
        "een meisje uit mijn klas wil niet meer leven",
        "mijn broertje wordt elke dag gepest en zegt dat hij dood wil",
        "mijn nicht van 14 heeft een vriendje van 25",
    ],
    "money requests": [
        "kan iemand me 50 euro geven",
        "mijn paypal is luna_2012, alles is welkom",
        "wie wil mij 10 euro sturen voor fortnite",
        "ik heb dringend geld nodig, stuur maar via tikkie",
        "kan iemand mijn fortnite skin betalen",
    ],
    "eating disorders without keywords": [
        "ik eet alleen nog een appel per dag",
        "hoeveel kilo kan je in een week kwijt",
        "na het eten ga ik stiekem naar de wc om alles eruit te gooien",
        "ik eet al drie dagen alleen water en thee",
        "ik steek mijn vingers in mijn keel na het avondeten",
        "hoe kan ik zo snel mogelijk 10 kilo afvallen",
        "ik gooi mijn lunch elke dag weg zodat ik niet hoef te eten",
        "ik ben te dik, ik wil stoppen met eten",
    ],
    "running away phrased differently": [
        "ik wil gewoon weg, mijn tas staat al ingepakt",
        "mijn tas staat al ingepakt, morgen na school ben ik weg",
        "ik ga weg van huis en kom nooit meer terug",
        "ik hou het thuis niet meer uit, ik ga weg",
    ],
    "slur insult aimed at a person": [
        "jij bent zo'n lelijke hoer",
        "jij bent echt zo'n vieze slet",
        "wat een lelijke hoer ben jij",
        "vuile slet dat je bent",
    ],
}

PUBLISH = [
    "ik lag dood van het lachen",
    "ik schaam me dood",
    "die toets was echt mijn dood",
    "ik ga dood van de honger, wanneer is het eten klaar",
    "ik snij de groente voor de soep",
    "mijn telefoon is dood",
    "ik maak je af met fortnite",
    "ik maak je af in fortnite vanavond",
    "ik sla hem in elkaar met mario kart",
    "ik heb een touw nodig voor mijn knutselwerk",
    "ik wil niet meer naar school morgen",
    "ik heb mijn vinger gesneden bij het koken",
    "ik kan niet wachten tot na school",
    "we gaan morgen naar het zwembad",
    "ik ben weg van die serie",
    "mijn oma slikt pillen voor haar hart",
    "ik sta op de brug van het schip bij de excursie",
    "ik wil weg uit deze saaie stad als ik later groot ben",
    "de bal zit op het dak",
    "hoeveel kilo weegt een olifant",
    "ik speel basgitaar en zij speelt drums",
    "ik word wakker om zeven uur",
    "kan iemand mij helpen met wiskunde",
    "wij hebben een discord server voor de klas",
    "ik heb geen zin in de toets",
    "ik ben moe van alles vandaag, lange dag",
    "mijn kat komt elke nacht op mijn kamer slapen",
    "mijn vader komt elke avond op mijn kamer welterusten zeggen",
    "mijn opa neemt elke avond al zijn pillen tegelijk in",
    "mijn zus heeft blauwe plekken van hockey",
    "na het eten gaan we de tafel afruimen en alles eruit halen",
    "mijn tas is al ingepakt voor kamp, ik ga morgen weg",
    "ons geheim recept voor pannenkoeken",
    "zeg niks tegen je ouders over het cadeau, het is een verrassing",
    "ik spring op de trampoline",
    "ik sla de bal in het doel",
    "ik heb me pijn gedaan bij voetbal",
    "mijn moeder gaat naar mijn kamer om op te ruimen",
    "ik speel fortnite met mijn neef, ik maak hem altijd af",
    "ik eet geen vlees meer, ik ben vegetarier",
    "wacht even tot na school",
    "ik kras altijd in mijn schrift als ik me verveel",
    "ik heb een snee in mijn vinger van papier",
    "wie heeft er discord? onze klas heeft een server",
    "ik wil een week weg met vakantie",
    "mijn broer slaat altijd de bal te hard",
    "haha ik ben dood",
    "ik moet elke avond pillen slikken voor mijn epilepsie",
    "mijn oma moet 12 pillen per dag slikken",
    "ik neem tabletten tegen hooikoorts",
]


def _cases(table):
    return [pytest.param(text, id=f"{cat}: {text}") for cat, texts in table.items() for text in texts]


@pytest.mark.parametrize("text", _cases(URGENT))
def test_new_wording_of_danger_to_the_writer_is_urgent(text):
    assert screen(text).decision is Decision.URGENT


@pytest.mark.parametrize("text", _cases(QUEUE))
def test_new_wording_of_a_moderator_case_is_held(text):
    assert screen(text).decision in (Decision.QUEUE, Decision.URGENT)


@pytest.mark.parametrize("text", PUBLISH)
def test_figures_of_speech_and_everyday_posts_stay_published(text):
    # The rules' own vetoes (the learned layer may still hold some of these: see test_classifier.py).
    assert screen(text, config=RULES_ONLY).decision is Decision.PUBLISH


# Written for these rules, after posts like them were found missing; none comes from the validation set.
@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("het gaat al maanden slecht. vannacht neem ik al mijn pillen", Decision.URGENT),
        ("ik heb net alle tabletten van mijn moeder geslikt", Decision.URGENT),
        ("Iedereen is beter af zonder mij. De brief heb ik al geschreven.", Decision.URGENT),
        (
            "Er is een jongen die mijn foto's heeft en zegt dat hij ze anders naar mijn school stuurt",
            Decision.URGENT,
        ),
        ("Mijn buurman wil steeds dat ik op zijn schoot zit, ik vind dat eng", Decision.URGENT),
        ("mijn beste vriend appte dat hij zichzelf iets gaat aandoen, wat moet ik doen", Decision.QUEUE),
        ("zie je me morgen bij de brug? niemand hoeft het te weten", Decision.QUEUE),
        ("Je mag me altijd appen als je je rot voelt", Decision.QUEUE),
        ("m'n snap is wolkje.2010 voor wie wil kletsen", Decision.QUEUE),
        ("wie wil doneren? ik spaar voor een nieuwe laptop", Decision.QUEUE),
        ("ik ga weg, ik pak vannacht mijn koffer en ik kom nooit meer terug", Decision.QUEUE),
        ("wat een vuile mongool is die nieuwe trainer", Decision.QUEUE),
        ("Ik lig elke nacht wakker en ik denk de hele tijd aan doodgaan", Decision.URGENT),
        ("Voor mijn ouders is het makkelijker als ik er niet meer ben", Decision.URGENT),
        ("Ik heb een plan. Vannacht doe ik het, ik kan niet meer", Decision.URGENT),
        ("Als mijn stiefmoeder boos is smijt ze met schoenen naar mij", Decision.URGENT),
        ("Voor straf sluiten ze me op in de schuur zonder eten", Decision.URGENT),
        ("Als ik te laat ben sluit hij me op in de kelder, soms een hele nacht", Decision.URGENT),
        ("Mijn buurman stuurt me liefjes en zegt dat ik het aan niemand mag zeggen", Decision.QUEUE),
        (
            "Een man van een gameserver vroeg of hij mijn adres mocht hebben voor een cadeautje",
            Decision.QUEUE,
        ),
        ("ik wil een onlyfans beginnen voor geld, ik ben 16", Decision.QUEUE),
        ("jij bent echt het stomste kind van de klas", Decision.QUEUE),
        ("jullie zijn gewoon allemaal idioten", Decision.QUEUE),
        ("turken zijn allemaal criminelen", Decision.QUEUE),
        ("die gast moet uitkijken, in de pauze pak ik hem", Decision.QUEUE),
        ("ik sla die jongen helemaal in elkaar", Decision.QUEUE),
        ("ik eet alleen nog een cracker en verder niks", Decision.QUEUE),
        ("ik heb weer gekotst na het avondeten, niemand weet het", Decision.QUEUE),
        ("ik weeg nog maar 41 kilo en ik ben nog steeds te dik", Decision.QUEUE),
        ("wie heeft zin om morgen te chillen bij mij?", Decision.QUEUE),
    ],
)
def test_signals_in_other_words_hold_the_post(text, decision):
    # At least as cautious as asked: a post for a moderator may also be marked urgent, never published.
    assert screen(text).decision.severity >= decision.severity


@pytest.mark.parametrize(
    "text",
    [
        "Ik neem al mijn schoolboeken mee naar huis voor de toetsweek",
        "Mijn insta is privé en toch stuurt iemand me berichten, hoe kan dat?",
        "Mijn nummer is gehackt denk ik, ik krijg rare sms'jes",
        "mijn insta is @zonnetje.22 maar die is gehackt, hoe krijg ik hem terug?",
        "jullie mogen me altijd een berichtje sturen hier op het forum",
        "We gingen met z'n tweeën naar de bioscoop en het was gezellig",
        "Onze klas heeft een donatie gedaan aan het Ronald McDonald Huis",
        "ik pak mijn tas altijd de avond van tevoren in en dan ga ik weg om half acht",
        "Ik wil gewoon weg uit deze klas, ik pak mijn spullen en ga volgend jaar naar een andere school",
        "Opa las vroeger voor met mij op zijn schoot, dat vond ik fijn",
        "Mijn zus zegt dat ze zich gaat aanmelden voor de marathon",
        "Ik heb een brief geschreven aan mijn oma in het verzorgingshuis",
        "Zonder mij zijn ze beter af in het team, ik ben gewoon slecht in voetbal",
        "wat een sukkel ben ik, ik ben mijn gymspullen weer vergeten",
        "Wat een mooie dag is het vandaag",
        "Ik heb een plan om elke dag een uur te leren",
        "Ik denk vaak aan mijn opa die vorig jaar is doodgegaan",
        "We kregen een les over sterven en rouw, daarna dacht ik aan mijn oma",
        "Mijn moeder gooit altijd mijn oude kleren weg zonder het te vragen",
        "Mijn broer sluit zich op in zijn kamer met zijn games",
        "De juf vroeg of we ons adres op de envelop wilden schrijven",
        "jullie zijn echt de liefste, bedankt voor jullie tips",
        "Wie wil er chillen muziek horen? Ik zoek tips voor nieuwe nummers",
        "Ik weeg 45 kilo, is dat normaal voor 1 meter 55?",
        "Ik heb overgegeven na het eten omdat ik griep had",
        "morgen pak ik de bus naar school",
        "Mijn vader gooit altijd de bal naar mij als we voetballen",
        "Ik neem elke dag mijn pillen voor ADHD, zijn er mensen die dat ook doen?",
    ],
)
def test_the_same_words_in_everyday_posts_do_not_hold_the_post(text):
    # The rules' own vetoes (the learned layer may still hold some of these: see test_classifier.py).
    result = screen(text, config=RULES_ONLY)
    assert result.decision is Decision.PUBLISH, result.reasons
