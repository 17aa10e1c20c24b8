"""Rules that hold a post for a moderator: `urgent` (the writer may be in danger now) and
`queue` (what a machine cannot judge on its own).

Rules are phrase patterns over the normalised text (lower case, no accents or look-alikes).
A rule names its category in Dutch for the moderator, e.g. "zelfdoding" or "afspreken".
Figures of speech ("dood van het lachen", "ik schaam me dood") never match an urgent rule:
those rules need a first-person wish or act ("ik wil dood", "ik snij mezelf").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp_models.prefilter import Prefilter
from nlp_models.profanity import normalise
from nlp_models.types import Decision, Finding

_ME = r"(?:ik|me|mij|mezelf|mijzelf)"
_MY = r"(?:mijn|m'n|mn|me)"
_GAP = r"(?:[\w'’]+[\s,]+){0,%d}"
_FAMILY = (
    r"(?:stief)?(?:vader|moeder|pa|ma|papa|mama|broer|zus|oom|opa|neef|buurman|trainer|coach|leraar|"
    r"meester|mentor|vriend|vriendje|vriend van mijn moeder|oppas)"
)
_BODY = (
    r"(?:arm|armen|pols|polsen|been|benen|bovenbeen|bovenbenen|onderarm|onderarmen|dij|dijen|buik|huid|heup|"
    r"heupen|enkel|enkels|schouder|bovenarm|bovenarmen|vel)"
)
_FRIEND = (
    r"(?:(?:beste\s+)?(?:vriend|vriendin|vriendinnetje|vriendje|bff|bestie|maatje|klasgenoot|klasgenote|"
    r"broer|zus|broertje|zusje|nicht|neef|nichtje|neefje))"
)
_INSULT = (
    r"(?:sukkel|loser|idioot|debiel|dom|dommerd|stom|lelijk|lelijkerd|dik|dikzak|vetzak|mislukt|"
    r"mislukkeling|"
    r"zielig|zielige|kut\w*|kanker\w*|tering\w*|tyfus\w*|hoer|slet|mongool|mongo|"
    r"flikker|klootzak|lul|"
    r"trut|teef|kech|bitch|eikel|nerd|freak|nobody|niks\s+waard|waardeloos|vies|vieze|smerig|walgelijk|"
    r"kankerlijer|teringlijer|dombo|achterlijk|gehandicapt|autist|downie)"
)
_SLUR_TARGET = (
    r"(?:homo|lesbo|lesbienne|jood|joden|marokkaan|marokkanen|turk|turken|neger|negers|zwarte|moslim|"
    r"allochtoon|mongool|flikker|transje|kaaskop|tatta|pool|polen)"
)


@dataclass(frozen=True, slots=True)
class Rule:
    """A phrase rule. A rule whose regex cannot match a text is skipped without running it: the
    literals one of which every match contains are derived from the regex itself (`prefilter.py`),
    and one Aho-Corasick pass finds those of every rule at once."""

    name: str
    category: str
    decision: Decision
    score: float
    pattern: re.Pattern[str]
    parts: tuple[str, ...]  # the alternatives `pattern` is made of, each a regex of its own


def _rule(name: str, category: str, decision: Decision, score: float, *patterns: str) -> Rule:
    return Rule(name, category, decision, score, re.compile("|".join(f"(?:{p})" for p in patterns)), patterns)


U, Q = Decision.URGENT, Decision.QUEUE
RULES: tuple[Rule, ...] = (
    # --- urgent: suicide and self-harm, first person --------------------------------------------
    _rule(
        "suicide_wish",
        "zelfdoding",
        U,
        0.95,
        r"\bik\s+(?:wil|wou|zou\s+willen|wil\s+gewoon|wil\s+echt|"
        r"wil\s+liever|wil\s+het\s+liefst)\s+(?:echt\s+|gewoon\s+|liever\s+|het\s+liefst\s+|"
        r"zo\s+graag\s+)?dood\b(?!\s+van\b)(?!\s+(?:lachen|gaan\s+van))",
        r"\bik\s+(?:wou|wilde|zou\s+willen)\s+dat\s+ik\s+(?:dood|er\s+niet)\s+(?:was|meer\s+was)",
        r"\b(?:was|ben)\s+ik\s+maar\s+dood\b",
        r"\bmezelf\s+(?:te\s+)?(?:doden|vermoorden|ombrengen)\b|\bzelfmoordpoging\b",
        r"\bik\s+wil\s+(?:gewoon\s+|echt\s+|eigenlijk\s+)?niet\s+meer\s*(?:[.!,…]|$)",
        r"\bwaarom\s+(?:ik\s+)?(?:nog\s+)?leef\b|\bwaarom\s+leef\s+ik\s+(?:nog|eigenlijk|uberhaupt)\b",
        r"\bik\s+ben\s+liever\s+dood\b",
        r"\bik\s+wil\s+(?:echt\s+|gewoon\s+|eigenlijk\s+)?(?:niet\s+meer\s+(?:leven|"
        r"bestaan|wakker\s+worden|hier\s+zijn)|er\s+niet\s+meer\s+zijn)",
        rf"\b(?:ik\s+(?:wil|ga|denk|dacht|overweeg|plan|pleeg)\s+{_GAP % 3}(?:zelfmoord|suicide|zelfdoding))",
        r"\b(?:zelfmoord|suicide)\s+(?:plegen|doen)\b(?=.{0,40}\bik\b)|\bik\b.{0,40}\b(?:zelfmoord|"
        r"suicide)\s+(?:plegen|doen)\b",
        rf"\b{_ME}\s+(?:van\s+kant\s+(?:maken|te\s+maken)|iets\s+aan\s*(?:doen|"
        rf"te\s+doen)|ophangen|opknopen|verdrinken|doodmaken|dood\s+maken)",
        rf"\b(?:een\s+)?eind(?:e)?\s+(?:aan|maken\s+aan)\s+(?:{_MY}\s+)?(?:leven|alles)\b",
        r"\ber\s+een\s+eind(?:e)?\s+aan\s+maken\b",
        rf"\b(?:pillen|tabletten|medicijnen|slaappillen|paracetamol)(?!\s+per\s+(?:dag|week))\s+{_GAP % 2}(?:gespaard|"
        rf"verzameld|sparen|opgespaard|allemaal\s+innemen|(?:innemen|slikken|in\s+te\s+nemen|genomen|ingenomen|"
        r"geslikt)(?!.{0,30}\b(?:voor\s+(?:mijn|m'n|mn)\s+(?:epilepsie|adhd|astma|hooikoorts|allergie|hart|migraine|"
        r"hoofdpijn|diabetes|acne|schildklier|maag|rug)|tegen\s+(?:de\s+)?(?:hoofdpijn|hooikoorts|allergie|migraine|"
        r"koorts|griep)|van\s+de\s+(?:dokter|huisarts)\s+moet)))",
        r"\b(?:overdosis)\b",
        r"\b(?:van\s+(?:het|een|de)\s+(?:dak|flat|brug|balkon|gebouw)\s+(?:af\s+)?(?:springen|"
        r"spring))|\bvoor\s+(?:de|een)\s+trein\s+(?:springen|spring|gaan\s+liggen|te\s+springen)",
        r"\bafscheidsbrief\b",
        r"\bzelfmoordgedachten\b|\bgedachten\s+(?:aan|over)\s+(?:zelfmoord|dood\s+gaan|doodgaan)\b",
        r"\bik\s+(?:doe|deed)\s+(?:mezelf|mijzelf|me)\s+(?:[\w']+\s+){0,2}pijn\b|\bik\s+bezeer\s+(?:mezelf|mijzelf)\b",
        r"\bniemand\s+(?:zal|gaat)\s+(?:me|mij)\s+(?:missen|missen)\b",
        r"\bbeter\s+af\s+(?:zijn\s+)?zonder\s+(?:mij|me)\b",
        r"\bik\s+zie\s+geen\s+(?:uitweg|zin\s+meer)\b",
        r"\bhet\s+(?:leven\s+)?heeft\s+geen\s+zin\s+meer\b",
        r"\bnooit\s+meer\s+wakker\s+(?:worden|te\s+worden)\b",
        r"\bik\s+wil\s+(?:gewoon\s+|soms\s+|echt\s+|het\s+liefst\s+)?(?:verdwijnen|"
        r"weg\s+zijn\s+voor\s+altijd|niet\s+meer\s+bestaan)\b",
        r"\bsoms\s+wil\s+ik\s+(?:gewoon\s+|echt\s+)?(?:verdwijnen|dood|niet\s+meer\s+leven|"
        r"er\s+niet\s+meer\s+zijn)\b",
    ),
    _rule(
        "self_harm",
        "zelfbeschadiging",
        U,
        0.95,
        rf"\bik\s+(?:snij|snijd|kras|brand|sla|bijt|verwond|beschadig)\s+{_GAP % 1}(?:mezelf|"
        rf"mijzelf|me|in\s+{_MY}\s+{_BODY})",
        r"\bik\b.{0,40}\b(?:krassen|gekrast)\b",
        r"\b(?:mezelf|mijzelf)\b.{0,30}\b(?:gesneden|snijden|opengehaald|bewerkt)\b",
        r"\b(?:gesneden|gekrast|snijd|snij|kras|krassen|snijden)\w*\s+(?:[\w']+\s+){0,3}(?:in\s+)?(?:mijn|m'n|mn)\s+"
        r"(?:arm|armen|pols|polsen|been|benen|bovenbeen|bovenbenen|dij|dijen|buik|huid)\b",
        r"\b(?:mijn|m'n|mn)\s+(?:arm|armen|pols|polsen|been|benen|bovenbeen|bovenbenen|dij|dijen|buik)\s+"
        r"(?:[\w']+\s+){0,3}(?:gesneden|gekrast|opengehaald|opengesneden)\b",
        rf"\b(?:mezelf|mijzelf)\s+{_GAP % 2}(?:pijn\s+(?:doen|gedaan)|snijden|krassen|verwonden|straffen)",
        r"\bzelfbeschadiging\b",
        r"\bautomutilatie\b",
        r"\bmesje\s+{_GAP % 3}(?:arm|been|pols)".replace("{_GAP % 3}", _GAP % 3),
    ),
    # --- urgent: abuse and sexual coercion -------------------------------------------------------
    _rule(
        "abuse",
        "mishandeling of misbruik",
        U,
        0.9,
        rf"\b(?:hij|zij|ze|{_MY}\s+{_FAMILY})\s+(?:zit|zat|komt|kwam|gaat)\s+{_GAP % 5}aan\s+(?:me|"
        rf"mij|{_MY}\s+(?:lichaam|borsten|kruis|billen|piemel|onderbroek))\b",
        rf"\b(?:hij|zij|ze|{_MY}\s+{_FAMILY})\s+(?:slaat|schopt|sloeg|schopte|"
        rf"stompt|knijpt|wurgt|bedreigt|misbruikt|verkracht)\s+(?:me|mij)\b",
        rf"\bik\s+(?:word|werd|ben)\s+{_GAP % 2}(?:geslagen|geschopt|mishandeld|misbruikt|"
        rf"verkracht|aangerand|betast|vastgebonden|opgesloten)",
        rf"\b(?:hij|zij|ze)\s+(?:heeft|hebben)\s+(?:me|mij)\s+{_GAP % 2}(?:verkracht|"
        rf"misbruikt|aangerand|betast|geslagen|gewurgd)",
        r"\b(?:hij|zij|ze)\s+(?:dwingt|dwong|dwingen)\s+(?:me|mij)\b",
        rf"\b(?:zit|zat|zitten|komt|kwam)\s+(?:dan\s+|weer\s+|altijd\s+|steeds\s+|vaak\s+|"
        rf"'?s\s+nachts\s+|stiekem\s+)*aan\s+(?:me|mij|{_MY}\s+(?:lichaam|borsten|kruis|billen|"
        rf"piemel|onderbroek|benen))\b",
        rf"\b(?:hij|zij|ze)\s+(?:zegt|"
        rf"zei|zeggen)\s+(?:dat\s+)?{_GAP % 4}(?:ons\s+(?:kleine\s+)?)?geheim(?:pje)?\b",
        rf"\bik\s+moet\s+(?:van\s+hem|van\s+haar)\s+{_GAP % 4}(?:uitkleden|"
        rf"aanraken|seks|naakt|zijn\s+piemel|pijpen)",
        r"\b(?:ik\s+durf\s+niet\s+(?:meer\s+)?naar\s+huis)\b",
        r"\b(?:slaat|schopt|sloeg|schopte|mishandelt)\s+(?:hij|zij|ze)\s+(?:me|mij|ons)\b",
        r"\bdingen\s+(?:met|bij)\s+(?:me|mij)\s+(?:[\w']+\s+){0,2}(?:gedaan|doet|deed)\b|"
        r"\b(?:moest|moet)\s+(?:[\w']+\s+){0,3}dingen\s+doen\s+die\s+ik\s+niet\s+(?:wil|wilde)\b",
        r"\bik\s+krijg\s+(?:[\w']+\s+){0,2}(?:klappen|slaag|een\s+pak\s+slaag|schoppen)\b",
        r"\b(?:hij|zij|ze)\s+(?:heeft|had)\s+(?:me|mij)\s+(?:[\w']+\s+){0,4}aangeraakt\b|"
        r"\b(?:hij|zij|ze)\s+(?:raakt|raakte)\s+(?:me|mij)\s+(?:[\w']+\s+){0,4}aan\b",
        r"\b(?:komt|kruipt|kwam|kroop)\s+(?:[\w']+\s+){0,3}in\s+(?:mijn|m'n|mn)\s+bed\b",
        rf"\b{_MY}\s+{_FAMILY}\s+(?:slaat|schopt|sloeg|mishandelt|wurgt)\s+{_MY}\s+(?:moeder|"
        rf"vader|mama|papa|broer|zus|broertje|zusje)\b",
    ),
    _rule(
        "sexual_coercion",
        "seksuele dwang",
        U,
        0.9,
        rf"\b(?:wil|wilt|vraagt|vroeg|eist|eiste|moet)\s+(?:dat\s+ik\s+|"
        rf"me\s+|mij\s+|om\s+|van\s+mij\s+)?{_GAP % 4}(?:foto'?s?|filmpjes?|pics?|nudes?|"
        rf"video'?s?)\s+{_GAP % 4}(?:in\s+{_MY}\s+(?:ondergoed|bh|onderbroek|slipje|"
        rf"bikini)|naakt|zonder\s+kleren|van\s+{_MY}\s+(?:lichaam|borsten|kont|piemel))",
        rf"\b(?:wil|wilt|vraagt|vroeg|eist|eiste)\s+(?:dat\s+ik\s+|"
        rf"me\s+|mij\s+|om\s+)?{_GAP % 3}(?:naaktfoto|nudes|naakt\s*foto)",
        rf"\b(?:hij|zij|ze)\s+(?:wil|wilde)\s+(?:dat\s+ik\s+)?{_GAP % 3}(?:seks|me\s+uitkleed|uitkleden|"
        rf"zijn\s+piemel)",
    ),
    _rule(
        "sextortion",
        "seksuele afpersing",
        U,
        0.95,
        rf"\b(?:naaktfoto|naakt\s*foto|nudes|nude|foto'?s?\s+van\s+mij|"
        rf"filmpje\s+van\s+mij|video\s+van\s+mij)[\w']*\s+{_GAP % 8}(?:verspreiden|"
        rf"verspreid|delen|doorsturen|online\s+zetten|rondsturen|sturen\s+naar|laten\s+zien|"
        rf"op\s+internet)",
        rf"\b(?:als\s+ik\s+niet|tenzij\s+ik)\s+{_GAP % 6}(?:stuurt|zet|deelt|verspreidt|"
        rf"laat)\s+(?:hij|zij|ze)\b",
        rf"\bdreig\w*\s+{_GAP % 3}(?:te\s+)?(?:verspreiden|delen|posten|doorsturen|online\s+te\s+zetten|"
        rf"naar\s+iedereen)",
        r"\b(?:chanteert|chanteren|gechanteerd|afgeperst|afpersen|chantage)\b",
        rf"\bhij\s+(?:wil|eist|vraagt)\s+{_GAP % 3}(?:meer\s+)?(?:naaktfoto|"
        rf"nudes|foto'?s\s+van\s+mijn\s+lichaam)\w*\s+{_GAP % 4}(?:anders|of\s+hij)",
    ),
    # --- queue -----------------------------------------------------------------------------------
    _rule(
        "friend_in_danger",
        "zorg om iemand anders",
        Q,
        0.8,
        rf"\b{_MY}\s+{_FRIEND}\s+{_GAP % 6}(?:zelfmoord|dood\s+wil|wil\s+dood|snijdt|krast|zichzelf|"
        rf"wordt\s+geslagen|wordt\s+mishandeld|misbruikt|eet\s+(?:bijna\s+)?(?:niks|"
        rf"niets)|weggelopen|pillen)",
        rf"\bik\s+maak\s+me\s+{_GAP % 2}zorgen\s+(?:om|over)\b",
        rf"\b(?:hij|zij|ze)\s+(?:wil|praat\s+over|denkt\s+aan|heeft\s+het\s+over)\s+{_GAP % 2}(?:dood|"
        rf"zelfmoord|zichzelf)",
        r"\b(?:hij|zij|ze)\s+(?:niet\s+meer\s+wil\s+leven|wil\s+niet\s+meer\s+leven|"
        r"zichzelf\s+(?:snijdt|krast|pijn\s+doet|iets\s+aan))",
        r"\b(?:mijn|m'n|mn)\s+(?:[\w']+\s+){0,2}(?:wil|denkt\s+aan|praat\s+over|heeft\s+het\s+over)\s+"
        r"(?:[\w']+\s+){0,2}(?:zelfmoord|suicide|dood)\b",
    ),
    _rule(
        "eating_disorder",
        "eetstoornis",
        Q,
        0.8,
        rf"\bik\s+eet\s+{_GAP % 4}(?:niks|niets|bijna\s+niks|bijna\s+niets|niet\s+meer)\b",
        r"\b(?:nog\s+)?(?:sneller|meer|snel)\s+afvallen\b(?=.{0,120}\b(?:te\s+dik|"
        r"kilo|eet)\b)|\b(?:te\s+dik|kilo|eet)\b.{0,120}\b(?:sneller|meer|snel)\s+afvallen\b",
        rf"\b(?:overgeven|kotsen|braken|spugen)\s+{_GAP % 2}(?:na|nadat)\s+{_GAP % 2}(?:eten|"
        rf"ik\s+eet|gegeten)",
        r"\bik\s+heb\s+(?:[\w']+\s+){0,4}(?:niet|niks|niets|nauwelijks|amper)\s+(?:meer\s+)?gegeten\b",
        r"\b(?:wil|moet)\s+(?:heel\s+|nog\s+|echt\s+)?dun(?:ner)?\s+(?:zijn|worden)\b|\bdun(?:ner)?\s+(?:wil|moet)\s+(?:zijn|worden)\b",
        r"\b(?:kots\w*|braak\w*|brak|spuug\w*|spuw\w*|geef\s+(?:ik\s+)?over)\s+(?:[\w']+\s+){0,2}(?:na|nadat)\s+"
        r"(?:[\w']+\s+){0,2}(?:eten|maaltijd|maaltijden|gegeten|ik\s+eet|avondeten|lunch|ontbijt)\b",
        rf"\bvinger\s+in\s+{_MY}\s+keel\b",
        r"\b(?:pro[\s-]?ana|laxeermiddel\w*|eetbuien)\b",
        r"\b(?:ik|ze|hij|zij|(?:mijn|m'n|mn)\s+[\w']+)\s+(?:heb|heeft|had|hebben|denk\s+dat\s+ik|denkt\s+dat\s+ze|"
        r"denkt\s+dat\s+hij)\s+(?:misschien\s+|echt\s+|al\s+|ook\s+|last\s+van\s+|nog\s+steeds\s+)*"
        r"(?:anorexia|boulimia|een\s+eetstoornis|eetbuien)\b",
        r"\bcalorie\w*\s+(?:tellen|teller|geteld)",
        rf"\bmezelf\s+{_GAP % 2}uithongeren\b",
        r"\bik\s+mag\s+(?:van\s+mezelf\s+)?niet\s+(?:meer\s+)?eten\b",
        rf"\bik\s+(?:sla|skip)\s+{_GAP % 1}(?:maaltijden|ontbijt\s+en\s+lunch)",
    ),
    _rule(
        "meet_up",
        "afspreken of contact buiten het forum",
        Q,
        0.75,
        rf"\b(?:zullen|kunnen|gaan)\s+we\s+{_GAP % 3}(?:afspreken|ontmoeten|appen|chatten|"
        rf"facetimen|snappen|videobellen)\b",
        rf"\bwil\s+(?:je|jij)\s+{_GAP % 3}(?:afspreken|ontmoeten|appen|chatten|"
        rf"facetimen|snappen|videobellen|langskomen)\b",
        rf"\bwie\s+wil\s+{_GAP % 4}(?:afspreken|ontmoeten|appen|chatten|facetimen|snappen|videobellen)\b",
        rf"\b(?:stuur|geef|app|stuurt)\s+(?:me|mij)\s+{_GAP % 2}(?:je|"
        rf"jouw|ff|even)\s+{_GAP % 1}(?:nummer|06|snap|insta|adres|foto|foto's|pics)\b",
        r"\b(?:app|dm|pm|pb|snap|add|adden)\s+(?:me|mij)\b",
        r"\bvoeg\s+(?:me|mij)\s+toe\b",
        r"\bwaar\s+woon\s+(?:je|jij)\b",
        r"\b(?:prive|privé)\s+(?:chatten|praten|berichten|bericht|appen)\b",
        rf"\b(?:kom|kun\s+je)\s+{_GAP % 2}naar\s+(?:mijn\s+huis|mij\s+thuis|me\s+toe)\b",
        r"\bin\s+(?:de|je|mijn)\s+dm'?s?\b",
        rf"\b(?:hij|zij|ze)\s+wil\s+{_GAP % 5}(?:afspreken|ontmoeten|langskomen|videobellen|facetimen|"
        rf"naar\s+(?:hem|haar)\s+toe)",
        r"\bnaar\s+(?:hem|haar)\s+toe\s+(?:kom|komen|ga|gaan|te\s+komen)\b",
        r"\b(?:mijn\s+ouders|niemand|je\s+ouders|jouw\s+ouders)\s+(?:mogen|"
        r"mag)\s+(?:het|dit|er)\s+niet\s+(?:weten|van\s+weten)",
        r"\bvroeg\s+of\s+(?:ze|hij|ik|zij)\s+(?:wil|wilde)\s+(?:videobellen|facetimen|afspreken|bellen|"
        r"langskomen)",
        r"\b(?:oude|volwassen)\s+mannen\b",
        r"\b(?:dan\s+)?(?:kunnen|gaan|zullen)\s+we\s+(?:[\w']+\s+){0,3}(?:chillen|afspreken|samen\s+zijn|wat\s+doen)\b",
        r"\bwil\s+(?:je|jij)\s+(?:[\w']+\s+){0,3}chillen\b",
        r"\bzin\s+om\s+(?:[\w']+\s+){0,3}(?:af\s+te\s+spreken|te\s+chillen|langs\s+te\s+komen|te\s+ontmoeten)\b",
        r"\bstuur\s+(?:me\s+|mij\s+)?(?:een|n|ff\s+een|even\s+een)\s+(?:dm|pb|pm|berichtje|prive\s*bericht)\b",
        r"\b(?:iemand|wie)\b[^.?!]{0,30}\b(?:afspreken|af\s+te\s+spreken|ontmoeten|te\s+ontmoeten)\b",
    ),
    _rule(
        "money",
        "geldverzoek",
        Q,
        0.75,
        rf"\b(?:stuur|geef|leen|maak)\s+(?:me|mij)\s+{_GAP % 2}(?:geld|euro|€|\d+\s*euro|robux|"
        rf"v-?bucks|tikkie)",
        rf"\b(?:wie|iemand)\s+(?:kan|wil)\s+(?:mij|me)\s+{_GAP % 3}(?:geld|euro|€|\d+\s*euro|robux|"
        rf"v-?bucks|lenen|betalen)",
        rf"\bkan\s+iemand\s+{_GAP % 3}(?:geld|euro|€|robux|v-?bucks)\s+{_GAP % 2}(?:lenen|"
        rf"geven|sturen|overmaken|doneren)",
        rf"\b(?:geld|euro|€)\s+{_GAP % 3}overmaken\s+(?:naar|op)\s+(?:mij|mijn)\b",
        r"\btikkie\b",
        r"\bdoneer\b",
        rf"\b(?:heeft|wie\s+heeft)\s+iemand\s+{_GAP % 3}(?:giftcard|cadeaukaart|cadeaubon|"
        rf"code|robux|v-?bucks|geld)\w*\s+{_GAP % 2}(?:over|voor\s+mij|te\s+koop)",
        rf"\bcode\s+{_GAP % 2}(?:mailen|sturen|appen|geven)\s+(?:naar|aan)\s+(?:mij|me)?",
    ),
    _rule(
        "insult",
        "belediging van een persoon",
        Q,
        0.7,
        rf"\b(?:jij|je|jullie|u)\s+(?:bent|zijn|is)\s+(?:echt\s+|gewoon\s+|zo\s+|zo'n\s+|"
        rf"zon\s+|een\s+|wel\s+|ook\s+|nog\s+|altijd\s+|toch\s+|zo\s+een\s+|ook\s+een\s+)*{_INSULT}\b",
        r"\b(?:jij|jou)\s+(?:vieze|vuile|domme|stomme|lelijke|dikke|kanker|kut|tering|tyfus)\s*\w*",
        rf"\b(?:vieze|vuile|kanker|kut|tering|tyfus|stomme)\s*{_SLUR_TARGET}\b",
        r"\b(?:niemand|iedereen)\s+(?:vindt|haat|mag)\s+(?:je|jou)\b",
        r"\bhou\s+(?:je|jij|jou)\s+(?:bek|kop|smoel|waffel|mond\s+dicht)\b",
        r"\bik\s+haat\s+(?:je|jou|jullie)\b",
        rf"\b(?:ben|is)\s+(?:jij|je|jullie)\s+(?:echt\s+|een\s+|zo'n\s+|zon\s+|gewoon\s+|zo\s+)*{_INSULT}\b",
        r"\b(?!ik\b)[a-z]+\s+(?:is|zijn|blijft|was)\s+(?:echt\s+|zo'n\s+|zon\s+|een\s+|gewoon\s+|zo\s+|ook\s+|nog\s+|"
        r"wel\s+|zo\s+een\s+|vieze\s+|vuile\s+|dikke\s+|domme\s+|stomme\s+|kanker\s*|kut\s*)*(?:hoer|slet|"
        r"kankerlijer|teringlijer|tyfuslijer|klootzak|mongool|flikker|kech|bitch|lul|trut|teef|hoerenzoon|"
        r"kankerhoer|kuthoer|kutwijf|kankerwijf|sloerie|zemmel|zamel)\b",
        r"\b(?:hou|ga|rot|flikker|donder|kanker|tyfus|pleur|tering)\b[^.!?]{0,25}\b(?:kankerlijer|teringlijer|tyfuslijer|"
        r"klootzak|kankerhoer|hoer|slet|mongool|flikker|kech|bitch|lul|eikel|debiel|idioot|loser|sukkel|mongo)\b",
        r"(?<!\bik\s)\b(?:ga|gaat)\s+(?:toch\s+)?dood\b(?!\s+van)",
        r"\b(?:kanker|tyfus|tering|rot|flikker|pleur)\s+(?:toch\s+)?op\b",
    ),
    _rule(
        "threat",
        "bedreiging",
        Q,
        0.8,
        rf"\bik\s+(?:ga|zal|kom)\s+(?:je|jou|jullie|hem|haar)\s+{_GAP % 3}(?:slaan|"
        rf"vermoorden|pakken|afmaken|kapot\s*maken|steken|neersteken|neerschieten|"
        rf"doodmaken|in\s+elkaar\s+slaan|halen|vinden|opwachten)",
        r"\bik\s+maak\s+(?:je|jou|jullie|hem|haar)\s+(?:af|kapot|dood)\b",
        r"\bik\s+weet\s+waar\s+(?:je|jij|jullie)\s+wo(?:ont|nen)\b",
        r"\b(?:je|jij)\s+gaat\s+eraan\b",
        r"\bwe\s+(?:pakken|krijgen|vinden)\s+(?:je|jou)\b",
        r"\bna\s+school\s+ben\s+je\b",
        r"\bik\s+steek\s+(?:je|jou)\b",
        rf"\b(?:ik\s+(?:ga|zal|wil)|(?:ga|zal|sla|steek|maak|"
        rf"trap|schop)\s+ik)\s+{_GAP % 5}(?:in\s+elkaar|lek\s+steken|lek\s+prikken|neersteken|vermoorden|"
        rf"afmaken|kapot\s*maken|kapot\s*slaan|slaan|steken|in\s+de\s+fik|te\s+grazen|"
        rf"verrot|op\s+(?:zijn|haar|z'n)\s+bek)\b",
    ),
    _rule(
        "run_away",
        "weglopen",
        Q,
        0.75,
        rf"\bik\s+(?:wil|ga|loop|ren|zal|denk\s+erover)\s+{_GAP % 3}(?:weglopen|"
        rf"weg\s+lopen|weg\s+van\s+huis|van\s+huis\s+weg|wegrennen|weg\s+rennen|ervandoor)",
        r"\bik\s+(?:loop|ren)\s+(?:van\s+huis\s+)?weg\b",
        r"\bvan\s+huis\s+(?:weglopen|weg\s+lopen|weggaan)\b",
        r"\b(?:paar\s+dagen|nachtje|nacht|week)\s+weg\s+ben\b",
    ),
)


# --- general patterns ------------------------------------------------------------------------------
# The phrase rules above were tuned on few posts. The rules below describe the same signals as
# grammar rather than phrases: filler words between the key words (_F), verb forms in every tense,
# verb-second and verb-final word order, and combinations of cues (a means with a plan, an actor with
# night/room/force/refusal). Each still needs one of its trigger words, so it only runs when it could match.
_F = (
    r"(?:(?:gewoon|gwn|gwoon|echt|egt|soms|eigenlijk|eigl|zo|nu|wel|nog|al|toch|liever|ook|weer|heel|"
    r"ff|even|dan|maar|graag|misschien|stiekem|expres|express|opzettelijk|vaak|steeds|altijd|vandaag|"
    r"vannacht|vanavond|straks|morgen|gisteren|vroeger|nooit|alleen|zelf|het\s+liefst|zo\s+graag|elke\s+dag|"
    r"iedere\s+dag|man|hoor|echt\s+waar|serieus|meestal|af\s+en\s+toe)\s+){0,4}"
)
_WANT = r"(?:wil|wilt|wilde|wou|zou\s+willen|zou)"
_GONE = (
    r"(?:niet\s+meer\s+(?:leven|bestaan|zijn|hier\s+zijn|wakker\s+worden)|er\s+(?:[\w']+\s+){0,3}niet\s+meer\s+"
    r"(?:zijn|wezen)|dood(?:\s+zijn|\s+gaan)?(?!\s+van\b)(?!\s+(?:lachen|gaan\s+van))|verdwijnen)"
)
_HARM_VERB = r"(?:snij|snijd|sneed|sneden|kras|kraste|krasten|brand|brandde|bijt|beet|sla|sloeg|prik|prikte|kerf|kerfde)"
_HARM_PART = r"(?:gesneden|gekrast|gebrand|gekerfd|opengehaald|opengesneden|uitgedrukt)"
_ACTOR = rf"(?:hij|zij|ze|die\s+(?:man|jongen|vent|vrouw)|{_MY}\s+{_FAMILY}(?:\s+van\s+\d+)?)"
_MEANS = (
    r"(?:pillen|tabletten|slaappillen|paracetamol|ibuprofen|medicijnen|oxazepam|antidepressiva|touw|strop)"
)
_PLATFORM = (
    r"(?:insta|instagram|ig|snap|snapchat|sc|discord|whatsapp|wa|telegram|tiktok|tt|gmail|hotmail|mail|"
    r"e-?mail|server|kik|signal|skype|facetime|twitter|roblox|fortnite|minecraft|teams|messenger|"
    r"privechat|prive)"
)
_INSULT_ADJ = (
    r"(?:(?:lelijke|vieze|vuile|domme|stomme|dikke|kleine|gore|vette|achterlijke|zielige|smerige|"
    r"kanker|kut|tering|tyfus|vuile\s+vieze)\s*)"
)
_GAME = re.compile(
    r"\b(?:fortnite|minecraft|roblox|fifa|mario\s*kart|mario|game|games|gamen|potje|1v1|warzone|cod|"
    r"brawl\s*stars|valorant|among\s+us|clash|schaak\w*|spel|spelletje|wedstrijd|match|online\s+spelen)\b"
)

GENERAL_RULES: tuple[Rule, ...] = (
    _rule(
        "suicide_general",
        "zelfdoding",
        U,
        0.95,
        # wish, with fillers and any tense: "ik wil er gewoon niet meer zijn", "ik zou echt liever dood zijn"
        rf"\bik\s+{_F}{_WANT}\s+{_F}{_GONE}",
        rf"\bik\s+{_F}{_WANT}\s+{_F}niet\s+meer\s*(?:[.!,…]|$)",
        rf"(?:sorry|vaarwel|doei\s+allemaal|dag\s+allemaal|bedankt\s+voor\s+alles)\b.{{0,60}}\b{_MY}\s+laatste\s+"
        rf"(?:bericht|post)\b|\b{_MY}\s+laatste\s+(?:bericht|post)\b.{{0,60}}\b(?:sorry|vaarwel|bedankt\s+voor\s+alles)",
        rf"\b(?:soms|nu|echt|eigenlijk|gewoon|vaak|dan)\s+{_WANT}\s+ik\s+{_F}(?:dat\s+ik\s+)?{_F}{_GONE}",
        # "ik wou dat ik niet meer wakker werd", "ik hoop dat ik er niet meer ben"
        rf"\b(?:wil|wou|wilde|zou\s+willen|hoop|hoopte)\s+(?:[\w']+\s+){{0,2}}dat\s+ik\s+{_F}(?:er\s+{_F})?"
        r"(?:niet|nooit)\s+meer\s+(?:[\w']+\s+){0,2}(?:wakker\s+(?:word|werd|wordt|zou\s+worden)|was|ben|"
        r"leefde|besta|bestond|zou\s+zijn|zou\s+leven)\b",
        rf"\b(?:wil|wou|wilde|zou\s+willen|hoop|hoopte)\s+(?:[\w']+\s+){{0,2}}dat\s+ik\s+{_F}dood\s+(?:was|ben|ga|ging)\b",
        # "om niet meer wakker te worden", "dat ik morgen niet meer wakker word"
        r"\b(?:om|dat\s+ik|ik)\s+(?:[\w']+\s+){0,5}?(?:niet|nooit)\s+meer\s+wakker\s+(?:te\s+worden|word|werd|zou\s+worden)\b",
        r"\bgeen\s+(?:[\w']+\s+){0,2}zin\s+(?:meer\s+)?(?:om\s+te\s+leven|in\s+(?:het\s+|mijn\s+)?leven)\b",
        # a dose question with a deadly purpose
        rf"\bhoeveel\s+(?:[\w']+\s+){{0,3}}{_MEANS}\b.{{0,60}}\b(?:dood|sterven|overlijden|overdosis|dodelijk|"
        r"fataal|niet\s+meer\s+wakker|nooit\s+meer\s+wakker)",
        # a means with a plan: "pillen verzameld en vanavond neem ik ze allemaal", "een touw gekocht ... het ga doen"
        rf"\bik\b.{{0,60}}\b{_MEANS}\b.{{0,80}}\b(?:allemaal|in\s+een\s+keer|gespaard|verzameld|opgespaard|"
        r"(?:ga|gaan)\s+(?:ik\s+)?het\s+doen|het\s+(?:ga|gaan)\s+doen|ik\s+het\s+doe|afscheid\w*|"
        r"niet\s+meer\s+wakker|ophangen|opknopen)\b",
        rf"\b(?:allemaal|de\s+hele\s+(?:strip|doos|pot|fles|pakje)|alle)\s+{_F}{_MEANS}\b.{{0,40}}\b(?:slik|neem|innemen|"
        r"slikken|nemen)",
        rf"\b(?:slik|neem)\s+(?:ik\s+)?{_F}(?:de\s+hele\s+(?:strip|doos|pot|fles)|ze\s+allemaal)",
        # a high place or the railway with intent
        r"\b(?:op|bovenop)\s+(?:het|de|een)\s+(?:dak|brug|spoor|rails|rand|flat|balkon)\b.{0,60}\b(?:spring\w*|"
        r"durf|naar\s+beneden|liggen|ga\s+liggen|niet\s+meer|afscheid|laatste|vallen)\b",
        r"\b(?:op|voor)\s+(?:het|de)\s+(?:spoor|rails)\s+(?:gaan\s+|te\s+)?(?:liggen|zitten)\b",
        r"\bstrop\s+(?:[\w']+\s+){0,2}(?:gemaakt|geknoopt|gekocht|klaar|opgehangen|maken|knopen)\b",
        r"\b(?:touw|strop)\s+(?:hangt|ligt)\s+(?:al|klaar)\b",
        rf"\bik\b[^.!?]{{0,40}}?\b(?:[1-9]\d|een\s+hele\s+(?:strip|doos|pot))\s+(?:[\w']+\s+)?{_MEANS}"
        rf"(?!\s+per\s+(?:dag|week))\s+(?:[\w']+\s+){{0,3}}(?:geslikt|"
        r"ingenomen|genomen|slikken|innemen|nemen|slik|neem)\b",
        rf"\ber\s+{_F}(?:[\w']+\s+){{0,2}}een\s+eind(?:e)?\s+aan\s+(?:maak|maken|te\s+maken|gemaakt|ga\s+maken)\b",
        rf"\b(?:wou|wilde|zou\s+willen|wens|hoop)\s+(?:[\w']+\s+){{0,2}}dat\s+ik\s+{_F}(?:nooit|niet)\s+geboren\s+(?:was|ben|werd)\b",
        rf"\bik\s+{_F}spring\b.{{0,80}}\b(?:trein|dak|brug|flat|rails|spoor|balkon)\b|\b(?:trein|dak|brug|flat|rails|"
        rf"spoor|balkon)\b.{{0,80}}\bik\s+{_F}spring\b",
        r"\bafscheidsbrie(?:f|ven)\w*\b",
        r"\b(?:mezelf|mijzelf|me)\s+(?:iets|wat)\s+(?:aan\s*doen|aan\s+te\s+doen)\b",
        r"\b(?:afscheids)?brief\w*\s+(?:[\w']+\s+){0,3}(?:ligt|liggen|is)\s+klaar\b.{0,60}\b"
        rf"(?:{_MEANS}|touw|mesje)\b",
    ),
    _rule(
        "self_harm_general",
        "zelfbeschadiging",
        U,
        0.95,
        # verb-second: "soms kras ik met een schaar in mijn bovenbeen", "sla ik mezelf"
        rf"\b{_HARM_VERB}\s+ik\s+(?:[\w']+\s+){{0,6}}?(?:(?:in|op)\s+)?(?:{_MY}\s+{_BODY}|mezelf|mijzelf)\b",
        # verb-final: "dat ik in mijn polsen snij", "dat ik me expres pijn doe"
        rf"\bik\s+(?:[\w']+\s+){{0,4}}?(?:in|op)\s+{_MY}\s+{_BODY}\s+{_F}{_HARM_VERB}\b",
        rf"\bik\s+(?:me|mezelf|mijzelf)\s+{_F}pijn\s+(?:doe|deed)\b",
        rf"\bik\s+(?:mezelf|mijzelf)\s+{_F}(?:snij|snijd|kras|brand|beschadig|verwond|bezeer|sneed|kraste)\b",
        rf"\b{_MY}\s+{_BODY}\s+(?:[\w']+\s+){{0,3}}(?:opengekrast|opengesneden|kapotgesneden|kapotgekrast|gekerfd)\b",
        rf"\b(?:ik\s+{_HARM_VERB}|{_HARM_VERB}\s+ik)\b\s*(?:[\w']+\s+){{0,5}}?(?:met\s+(?:een\s+)?(?:[\w']+\s+)?(?:mesje|"
        r"scheermesje|glas|naald|glasscherf)|tot\s+(?:het|ik)\s+bloed)",
        r"\b(?:heb|had)\s+(?:ik\s+)?me\s+(?:weer|opnieuw|expres|express|opzettelijk|vaak|vannacht)\s+(?:[\w']+\s+){0,2}"
        r"(?:gesneden|gekrast|gebrand)\b",
        r"\bme\s+(?:[\w']+\s+){0,2}(?:gesneden|gekrast)\s+met\s+(?:een\s+)?(?:mesje|scheermesje|glas|glasscherf)\b",
        rf"\b(?:ik|heb|had)\s+(?:ik\s+)?(?:me|mezelf|mijzelf)\s+{_F}(?:expres|express|opzettelijk|met\s+opzet)\s+"
        r"(?:[\w']+\s+){0,2}pijn\s+gedaan\b",
        rf"\b(?:heb|had)\s+(?:ik\s+)?(?:mezelf|mijzelf)\s+{_F}(?:weer\s+)?(?:[\w']+\s+){{0,3}}{_HARM_PART}",
        rf"\b(?:sigaret\w*|aansteker|mesje|scheermesje|schaar|passer|glas)\s+(?:[\w']+\s+){{0,3}}(?:op|in)\s+{_MY}\s+"
        rf"{_BODY}\s+{_F}(?:{_HARM_PART}|{_HARM_VERB}|gedrukt|gehouden)\b",
    ),
    _rule(
        "abuse_general",
        "mishandeling of misbruik",
        U,
        0.9,
        # an actor in the writer's room or bed at night
        rf"\b{_ACTOR}\s+(?:komt|kwam|gaat|ging|sluipt|sloop|loopt|liep)\s+(?:[\w']+\s+){{0,5}}(?:op|in|naar)\s+{_MY}\s+"
        r"(?:kamer|slaapkamer|bed)\b.{0,60}\b(?:nacht|nachts|iedereen\s+slaapt|deur\s+op\s+slot|dingen|aan\s+me|"
        r"aan\s+mij)\b",
        rf"\b{_ACTOR}\s+(?:komt|kwam|gaat|ging|sluipt|sloop)\s+(?:[\w']+\s+){{0,3}}?(?:elke|iedere|vaak|soms|"
        rf"'?s)\s*(?:nacht|nachts)\s+(?:[\w']+\s+){{0,3}}(?:op|in|naar)\s+{_MY}\s+(?:kamer|slaapkamer|bed)\b",
        # forcing: "heeft me gedwongen om seks te hebben", "ik moest van hem mijn kleren uittrekken"
        rf"\b(?:dwingt|dwong|dwingen|gedwongen|forceert|forceerde|moest\s+van\s+(?:hem|haar|{_MY}\s+{_FAMILY}))\b"
        r".{0,60}\b(?:dingen|seks|sex|uitkleden|uittrekken|uit\s+te\s+trekken|kleren|aanraken|aan\s+te\s+raken|"
        r"piemel|pijpen|zoenen|naakt|ondergoed|aanzitten|aan\s+te\s+zitten)\b",
        # touching against the writer's will
        rf"\b{_ACTOR}\s+(?:heeft|had)\s+(?:me|mij)\s+(?:[\w']+\s+){{0,4}}aangeraakt\b",
        r"\b(?:aangeraakt|aanraakt|aanraakte|aanzat|zat\s+aan\s+(?:me|mij))\b.{0,60}\b(?:(?:die|wat)\s+ik\s+niet\s+"
        r"(?:wil|wilde|fijn\s+vond)|terwijl\s+ik\s+(?:nee|stop)|ik\s+wilde\s+het\s+niet)",
        r"\b(?:hij|zij|ze)\s+(?:[\w']+\s+){0,3}(?:ging|gingen|bleef|bleven|gaat)\s+(?:[\w']+\s+){0,2}door\s+"
        r"(?:terwijl|toen|ook\s+al)\s+ik\s+(?:[\w']+\s+){0,2}(?:nee|stop)\b",
        rf"\b{_ACTOR}\s+(?:doet|deed|heeft|had)\s+(?:[\w']+\s+){{0,2}}dingen\s+(?:met|bij)\s+(?:me|mij)\b",
        r"\b(?:vastgehouden|vastgepakt|vastgegrepen|klem\s+gezet)\b.{0,60}\b(?:kon\s+niet\s+weg|ik\s+(?:wilde|wou)\s+"
        r"(?:het\s+)?niet|nee\s+zei|stop\s+zei|huilde)\b",
        rf"\b{_FAMILY}\s+(?:slaat|schopt|sloeg|schopte|stompt|wurgt|mishandelt)\s+(?:me|mij)\b",
        rf"\b{_ACTOR}\s+(?:me|mij)\s+{_F}(?:slaat|sloeg|schopt|schopte|stompt|wurgt|mishandelt|misbruikt|verkracht|"
        r"betast)\b",
        r"\b(?:douche|douchen|omkleed|omkleden|in\s+bad|aankleed|uitkleed)\b.{0,60}\b(?:komt|kwam|kijkt|keek|filmt|filmde)"
        r"\s+(?:[\w']+\s+){0,3}(?:binnen|mee|naar\s+(?:me|mij))\b",
        rf"\b{_ACTOR}\s+(?:kijkt|keek|komt|kwam|filmt|filmde)\s+(?:[\w']+\s+){{0,4}}(?:als|terwijl)\s+ik\s+"
        r"(?:[\w']+\s+){0,2}(?:douche|me\s+omkleed|in\s+bad\s+zit|me\s+uitkleed)\b",
        # a secret about what an adult does with the writer
        rf"\b{_ACTOR}\s+(?:zegt|zei)\s+(?:dat\s+)?(?:[\w']+\s+){{0,4}}(?:ons\s+(?:kleine\s+)?)?geheim(?:pje)?\b"
        r".{0,60}\b(?:met\s+(?:me|mij)|bij\s+(?:me|mij)|aan\s+(?:me|mij))\b",
    ),
    _rule(
        "sextortion_general",
        "seksuele afpersing",
        U,
        0.95,
        r"\bals\s+(?:je|jij|ik)\s+(?:[\w']+\s+){0,3}(?:geen|niet)\s+(?:[\w']+\s+){0,3}(?:(?:naakt)?foto\w*|pics?|nudes?|"
        r"filmpjes?|video\w*)\b.{0,80}\b(?:online|iedereen|school|ouders|te\s+zien|verspreid\w*|doorsturen|"
        r"stuur\s+ik|zet\s+ik|delen|posten|insta|snap)\b",
        r"\b(?:(?:naakt)?foto\w*|pics?|nudes?|filmpjes?|video\w*)\b.{0,60}\b(?:stuurt|stuur|zet|deelt|verspreidt|"
        r"laat\s+zien)\b.{0,30}\bals\s+(?:je|jij|ik)\s+(?:[\w']+\s+){0,3}(?:geen|niet)\b",
    ),
    _rule(
        "threat_general",
        "bedreiging",
        Q,
        0.8,
        r"\b(?:ik|we|wij)\s+(?:sla|sloeg|schop|trap|steek|maak|maken|pak|pakken)\s+(?:je|jou|jullie|hem|haar)\s+"
        r"(?:[\w']+\s+){0,3}(?:in\s+elkaar|dood|kapot|af|neer|verrot|lek|op\s+(?:z'n|zijn|haar|je)\s+bek)\b",
        r"\b(?:maken|maak|pakken|pak|slaan|sla|steken|steek|krijgen|krijg)\s+(?:we|wij|ik)\s+(?:je|jou|jullie|"
        r"hem|haar)\s+(?:[\w']+\s+){0,2}(?:af|kapot|dood|in\s+elkaar|neer|wel|nog)\b",
        r"\b(?:ik|we|wij)\s+(?:ga|gaan|zal|zullen|kom|komen)\s+(?:je|jou|jullie|hem|haar)\s+(?:[\w']+\s+){0,3}"
        r"(?:pakken|halen|slaan|afmaken|krijgen|opwachten|vinden)\b",
        r"\bwacht\s+(?:jij\s+|jullie\s+)?maar\s+(?:tot|totdat|af)\b",
        r"\b(?:ik|we|wij)\s+(?:pak|pakken|krijg|krijgen)\s+(?:je|jou|jullie|hem|haar)\s+(?:[\w']+\s+){0,2}(?:na\s+school|"
        r"morgen|straks|nog|wel|buiten)\b",
        rf"\b(?:jij|je)\s+bent\s+{_F}(?:dood|de\s+sjaak|zo\s+dood)\b(?!\s+van)",
        rf"\b(?:ben|is)\s+(?:je|jij)\s+{_F}(?:dood|de\s+sjaak|de\s+lul|de\s+klos)\b(?!\s+van)",
        r"\bik\s+(?:breek|brak|sloop)\s+(?:je|jouw|zijn|haar)\s+(?:benen|nek|kaak|neus|armen|botten|vingers)\b",
        r"\b(?:ik|we|wij)\s+(?:vermoord|vermoorden|schiet|wurg)\s+(?:je|jou|jullie|hem|haar)\b",
        r"\b(?:ik|we|wij)\s+(?:weet|weten)\s+(?:[\w']+\s+){0,2}waar\s+(?:je|jij|jullie|hij|zij)\s+(?:woont|wonen|woon)\b",
    ),
    _rule(
        "contact_general",
        "afspreken of contact buiten het forum",
        Q,
        0.75,
        # a contact verb, me, a channel: "zoek me op op insta", "mail me op ...", "stuur me een berichtje op snapchat"
        rf"\b(?:mail|app|bel|sms|dm|pm|snap|add|volg|zoek|contacteer|stuur|spreek|vind|bereik|praat|chat)\s+"
        rf"(?:me|mij)\s+(?:[\w']+\s+){{0,3}}(?:op|via|in|naar)\s+(?:[\w']+\s+){{0,2}}{_PLATFORM}\b",
        rf"\b(?:join|joinen|kom|kom\s+maar|ga)\s+(?:[\w']+\s+){{0,2}}(?:{_MY}|onze)\s+(?:server|discord|groep|"
        r"groepsapp|groepschat|kanaal|chat)\b",
        rf"\bkom\s+(?:maar\s+|ff\s+|even\s+|dan\s+)?op\s+{_PLATFORM}\b",
        r"\b(?:heb|heeft)\s+(?:je|jij)\s+(?:ook\s+)?(?:snap|snapchat|insta|instagram|discord|whatsapp|tiktok|telegram|kik)\b",
        r"\bwat\s+is\s+(?:je|jouw)\s+(?:snap|snapchat|insta|instagram|discord|nummer|tiktok|telegram)\b",
        r"\b(?:zet|geef|stuur)\s+(?:je|jouw)\s+(?:nummer|06|snap|insta|adres)\b",
        r"\b(?:app|bel|sms|snap|dm)\s+ik\s+(?:je|jou)\b",
        r"\bik\s+ben\s+(?:1[89]|[2-9]\d)\b.{0,80}\b(?:afspreken|ontmoeten|chatten|appen|meisje|jongen|geheim)\b",
        rf"\b(?:op|via)\s+{_PLATFORM}\s+(?:[\w']+\s+){{0,2}}(?:praten|chatten|appen|kletsen|bellen|afspreken)\b",
        r"\b(?:zei|zegt|zeggen)\s+dat\s+ik\s+(?:het\s+)?(?:niks|niets|niet|aan\s+niemand|tegen\s+niemand)\s+"
        r"(?:[\w']+\s+){0,2}(?:mocht|mag|moest|moet)\s+(?:zeggen|vertellen)\b",
        # grooming: a secret from the parents
        r"\b(?:niet|niks|nooit|maar\s+niet)\s+(?:[\w']+\s+){0,2}(?:tegen|aan)\s+(?:je|jouw)\s+(?:ouders|moeder|"
        r"vader|mama|papa|ma|pa)\s+(?:vertellen|zeggen|laten\s+weten)\b",
        r"\bzeg\s+(?:het\s+|maar\s+)?(?:niks|niet|niets)\s+tegen\s+(?:je|jouw)\s+(?:ouders|moeder|vader|mama|papa)\b",
        r"\bons\s+(?:kleine\s+)?geheimpje\b|\bons\s+(?:kleine\s+)?geheim\b(?=\s*(?:[.,!?]|$|(?:is|blijft|houden|"
        r"oke|ok|he|hoor|toch)\b))",
    ),
    _rule(
        "friend_general",
        "zorg om iemand anders",
        Q,
        0.8,
        rf"\b(?:zijn|haar|hun)\s+{_FAMILY}\s+{_F}(?:slaat|sloeg|schopt|schopte|mishandelt|misbruikt|"
        r"misbruikte)\s+(?:hem|haar|hen)\b",
        rf"\b(?:zijn|haar|hun)\s+{_FAMILY}\s+(?:hem|haar|hen)\s+{_F}(?:slaat|sloeg|schopt|schopte|mishandelt|"
        r"misbruikt|misbruikte|pijn\s+doet)\b",
        rf"\b{_MY}\s+{_FRIEND}\s+(?:[\w']+\s+){{0,6}}(?:afspreken|afgesproken|afspraak|ontmoeten|gaat\s+naar|"
        r"naar\s+(?:een|die)|af\s+met)\s+(?:[\w']+\s+){0,5}(?:man|jongen|vent|iemand|meneer|gast)\s+"
        r"(?:[\w']+\s+){0,3}(?:van|via|uit|op)\s+(?:snap\w*|insta\w*|tiktok|internet|online|discord|roblox|"
        r"tinder|whatsapp)\b",
        rf"\b{_MY}\s+{_FRIEND}\s+(?:[\w']+\s+){{0,4}}(?:heeft|had|zit\s+vol)\s+(?:[\w']+\s+){{0,2}}"
        r"(?:blauwe\s+plekken|littekens|sneetjes|snijwonden|wonden|krassen)\b(?!\s+(?:van|door|bij|na)\s+(?:het\s+|de\s+)?"
        r"(?:hockey|voetbal|sport|sporten|vallen|gym|training|turnen|judo|fietsen|operatie|val|ongeluk|waterpokken))",
        rf"\b(?:hij|zij|ze|{_MY}\s+{_FRIEND})\s+(?:wordt|werd|is)\s+(?:[\w']+\s+){{0,3}}(?:geslagen|mishandeld|"
        r"misbruikt|geschopt|verkracht|aangerand)\b",
        r"\b(?:hij|zij|ze)\s+(?:[\w']+\s+){0,3}(?:dood|niet\s+meer\s+leven)\s+(?:wil|wilt|wou|wilde)\b",
        r"\b(?:heeft|had|date|datet|gaat\s+met|verkering\s+met|is\s+samen\s+met)\s+(?:[\w']+\s+){0,2}(?:vriendje|vriend|"
        r"man|jongen|vent)\s+van\s+(?:19|[2-9]\d)\b",
        r"\b(?:hij|zij|ze|meisje|jongen|vriend\w*|klasgeno\w*|iemand)\s+(?:[\w']+\s+){0,4}(?:wil|wilt|wou|wilde)\s+"
        rf"{_F}(?:niet\s+meer\s+leven|dood(?!\s+van))\b",
    ),
    _rule(
        "money_general",
        "geldverzoek",
        Q,
        0.75,
        r"\b(?:mijn|m'n|mn)\s+paypal\b|\bpaypal\s*(?:is|:|=|naar|via|\.me)",
        r"\b(?:kan|wil|mag)\s+(?:iemand|wie|jij|je|u)\s+(?:[\w']+\s+){0,2}(?:me|mij)\s+(?:[\w']+\s+){0,2}"
        r"(?:\d+\s*(?:euro|€)|€\s*\d+|geld)\s+(?:[\w']+\s+){0,2}(?:geven|sturen|lenen|overmaken|betalen)\b",
        r"\b(?:ik\s+heb|heb\s+ik)\s+(?:[\w']+\s+){0,2}geld\s+nodig\b",
        r"\b(?:kan|wil)\s+(?:iemand|wie|jij|je)\s+(?:[\w']+\s+){0,4}(?:betalen|kopen|sponsoren|giften|gifen)\b"
        r"(?:\s+voor\s+(?:mij|me))?",
    ),
    _rule(
        "eating_general",
        "eetstoornis",
        Q,
        0.8,
        r"\bik\s+eet\s+(?:[\w']+\s+){0,4}?(?:alleen|enkel|maar)\s+(?:nog\s+)?(?:maar\s+)?(?:[\w']+\s+){0,4}(?:per\s+dag|op\s+een\s+dag|"
        r"per\s+week|water|thee)\b",
        r"\bik\s+eet\s+(?:[\w']+\s+){0,4}(?:alleen|enkel)\s+(?:nog\s+)?(?:maar\s+)?(?:water|thee|een\s+appel|"
        r"komkommer|rijstwafel\w*|cracker\w*)\b",
        r"\b(?:hoeveel|snel|snelst|zo\s+snel\s+mogelijk)\s+(?:[\w']+\s+){0,4}(?:kilo|kg|pond)\s+(?:[\w']+\s+){0,5}?"
        r"(?:kwijt|afvallen|verliezen|eraf|vermageren)\b",
        r"\b(?:snel|snelst|zo\s+snel\s+mogelijk)\s+(?:\d+\s*)?(?:kilo|kg)?\s*(?:afvallen|kwijtraken|kwijt\s+raken)\b",
        r"\b\d+\s*(?:kilo|kg)\s+(?:[\w']+\s+){0,2}(?:kwijt|afvallen|eraf)\b.{0,60}\b(?:snel|week|dagen|hoe)\b",
        r"\bna\s+(?:het\s+)?(?:eten|avondeten|lunch|ontbijt)\b.{0,60}\b(?:eruit\s+(?:te\s+)?(?:gooien|gooi|kotsen|"
        r"kots|spugen|spuug)|overgeven|kotsen|over\s+te\s+geven|vinger\w*\s+in)\b",
        r"\b(?:eruit\s+(?:te\s+)?(?:gooien|halen|kotsen)|alles\s+eruit)\b.{0,40}\b(?:eten|gegeten|avondeten|lunch)\b",
        rf"\bvingers?\s+(?:[\w']+\s+){{0,2}}in\s+{_MY}\s+keel\b",
        rf"\b(?:gooi|verstop|geef)\s+(?:ik\s+)?{_MY}\s+(?:eten|lunch|brood|boterhammen|avondeten|ontbijt)\s+(?:[\w']+\s+){{0,3}}"
        r"(?:weg|stiekem)\b",
        rf"\bik\s+(?:wil|ga)\s+{_F}stoppen\s+met\s+eten\b",
        rf"\bik\s+ben\s+{_F}(?:te\s+dik|veel\s+te\s+dik|zo\s+dik)\b.{{0,60}}\b(?:niet\s+meer\s+eten|minder\s+eten|"
        r"afvallen|dun|kilo)\b",
        r"\bzodat\s+ik\s+(?:niet|niks|niets)\s+(?:hoef\s+te\s+eten|hoeft\s+te\s+eten|eet|binnen\s+krijg)\b",
    ),
    _rule(
        "run_away_general",
        "weglopen",
        Q,
        0.75,
        rf"\bik\s+(?:wil|ga|ben)\s+{_F}weg\b(?!\s+(?:van\s+(?:die|dat|deze|hem|haar)|uit))"
        r".{0,80}\b(?:tas|koffer|ingepakt|thuis|van\s+huis|nooit\s+meer\s+terug|niemand\s+(?:zal|mag|kan)\s+me|"
        r"school|adres)\b",
        r"\bik\s+(?:loop|ren)\s+(?:vannacht|vanavond|morgen|straks|gewoon|echt|nu)\s+(?:van\s+huis\s+)?weg\b",
        r"\b(?:tas|koffer|spullen|rugzak)\s+(?:[\w']+\s+){0,3}(?:ingepakt|klaar)\b.{0,80}\b(?:weg|ervandoor|"
        r"nooit\s+meer\s+terug|vertrek)\b",
        r"\b(?:weg|ervandoor)\b.{0,80}\b(?:tas|koffer|spullen|rugzak)\s+(?:[\w']+\s+){0,3}(?:ingepakt|klaar)\b",
        r"\b(?:ik\s+)?(?:ga|ben)\s+(?:[\w']+\s+){0,3}weg\s+(?:van\s+huis\s+)?(?:[\w']+\s+){0,2}en\s+(?:ik\s+)?"
        r"(?:kom|kom\s+ik)\s+(?:[\w']+\s+){0,2}nooit\s+meer\s+terug\b",
        r"\bik\s+hou\s+het\s+(?:thuis\s+)?(?:[\w']+\s+){0,2}niet\s+meer\s+uit\b.{0,60}\b(?:ga\s+(?:[\w']+\s+){0,2}weg|"
        r"weglopen|ervandoor)\b",
    ),
    _rule(
        "insult_general",
        "belediging van een persoon",
        Q,
        0.7,
        rf"\b(?:jij|je|jullie)\s+(?:bent|zijn)\s+(?:echt\s+|gewoon\s+|zo\s+|zo'n\s+|zon\s+|een\s+|wel\s+|ook\s+|"
        rf"nog\s+|zo\s+een\s+)*{_INSULT_ADJ}+(?:hoer|slet|bitch|kech|trut|teef|sloerie|lul|klootzak)\b",
        rf"\bwat\s+(?:een|ben\s+jij\s+een|ben\s+je\s+een)\s+{_INSULT_ADJ}*(?:hoer|slet|bitch|kech|trut|teef|sloerie|"
        r"lul|klootzak)\b(?:\s+(?:ben|is)\s+(?:jij|je))?",
        rf"\b{_INSULT_ADJ}*(?:hoer|slet|bitch|kech|trut|teef|sloerie|lul|klootzak)\s+dat\s+(?:je|jij)\s+bent\b",
    ),
)
# --- more general patterns -------------------------------------------------------------------------
# Signals found missing when posts written for the purpose (not the validation set) were screened: the
# verb before the means ("vannacht neem ik al mijn pillen"), a friend's threat to take their own life,
# meeting alone, offering one's own contact details, a bank account with a plea, packing to leave.
_QUANTITY = r"(?:al|alle|allemaal|de\s+hele|een\s+hele|heel\s+veel|een\s+paar\s+strips|\d{2,})"
MORE_RULES: tuple[Rule, ...] = (
    _rule(
        "suicide_plan",
        "zelfdoding",
        U,
        0.9,
        # the verb first: "vannacht neem ik al mijn pillen", "ik slik straks de hele strip"
        rf"\b(?:neem|slik|nemen|slikken|innemen)\s+(?:ik\s+)?{_F}{_QUANTITY}\s+(?:{_MY}\s+|de\s+|die\s+)?{_MEANS}\b",
        rf"\b(?:heb|had)\s+(?:ik\s+)?(?:[\w']+\s+){{0,2}}{_QUANTITY}\s+(?:{_MY}\s+|de\s+|die\s+)?{_MEANS}\s+(?:[\w']+\s+){{0,4}}"
        r"(?:geslikt|ingenomen|genomen)\b",
    ),
    _rule(
        "friend_suicide",
        "zorg om iemand anders",
        Q,
        0.8,
        # "mijn vriendin zegt dat ze zich gaat ophangen", "hij dreigt zelfmoord te plegen"
        rf"\b(?:hij|zij|ze|{_MY}\s+{_FRIEND})\s+(?:[\w']+\s+){{0,4}}(?:zich|zichzelf)\s+{_F}(?:gaat\s+|wil\s+|zal\s+)?"
        r"(?:ophangen|op\s+te\s+hangen|opknopen|van\s+kant\s+(?:maken|te\s+maken)|iets\s+(?:aandoen|aan\s+te\s+doen)|"
        r"doodmaken|dood\s+te\s+maken|(?:van\s+kant|iets\s+aan|dood)\s+(?:gaat|wil|zal)\s+(?:maken|doen))\b",
        rf"\b(?:hij|zij|ze|{_MY}\s+{_FRIEND})\s+(?:[\w']+\s+){{0,3}}(?:dreigt|dreigde|wil|gaat|zegt)\s+(?:[\w']+\s+){{0,3}}"
        r"zelfmoord\b",
        rf"\b(?:hij|zij|ze|{_MY}\s+{_FRIEND})\s+(?:[\w']+\s+){{0,3}}(?:zegt|zei|appt|appte|schrijft)\s+dat\s+(?:hij|ze|zij)\s+"
        r"(?:[\w']+\s+){0,3}(?:niet\s+meer\s+wil\s+leven|dood\s+wil|gaat\s+springen|wil\s+springen)\b",
    ),
    _rule(
        "meet_alone",
        "afspreken of contact buiten het forum",
        Q,
        0.75,
        r"\b(?:afspreken|afspraak|ontmoeten|zie|zien|kom|komen|praten|langskomen|naar)\b.{0,80}\b(?:alleen\s+wij\s+(?:twee|2)|"
        r"met\s+(?:z'n|zn|ons)\s+tweeen|niemand\s+(?:hoeft|mag)\s+(?:het|dat)\s+(?:te\s+)?weten)\b",
        r"\b(?:alleen\s+wij\s+(?:twee|2)|met\s+(?:z'n|zn|ons)\s+tweeen|niemand\s+(?:hoeft|mag)\s+(?:het|dat)\s+"
        r"(?:te\s+)?weten)\b.{0,80}\b(?:afspreken|afspraak|ontmoeten|zie|zien|kom|komen|langskomen)\b",
    ),
    _rule(
        "contact_offer",
        "afspreken of contact buiten het forum",
        Q,
        0.75,
        # "je kan me altijd appen", "jullie mogen me toevoegen"
        r"\b(?:je|jij|jullie|iedereen|wie\s+wil)\s+(?:kan|kunt|mag|kunnen|mogen)\s+(?:me|mij)\s+(?:[\w']+\s+){0,3}"
        r"(?:appen|bellen|mailen|sms'?en|dm'?en|snappen|toevoegen|adden|opzoeken)\b"
        r"(?!.{0,30}\b(?:hier|forum|praatplein)\b)",
        # one's own contact details given: "mijn snap is ...", "m'n nummer: ..."
        rf"\b(?:{_MY})\s+(?:{_PLATFORM}|nummer|telefoonnummer|06|e-?mailadres|mailadres|gamertag|username|"
        r"gebruikersnaam)\s*(?:naam\s*)?(?:is|=|:)\s*(?=\S)(?!(?:prive|gehackt|weg|verwijderd|niet|nog|al|dicht|open|op\b|"
        r"van\b|best|echt|zo\b|heel|leeg|saai|kapot|geblokkeerd|gewoon|een\b|het\b|de\b|stuk|nieuw|veranderd|"
        r"gestolen|afgepakt|in\s+beslag))",
    ),
    _rule(
        "money_plea",
        "geldverzoek",
        Q,
        0.75,
        r"\b(?:iemand|wie|jullie|mensen|u)\s+(?:[\w']+\s+){0,3}(?:doneren|doneer|donatie\w*|overmaken|geld\s+sturen|"
        r"een\s+tikkie|sponsoren)\b",
        r"\b(?:doneer|doneren|donatie\w*|maak\s+(?:het\s+)?over|overmaken)\b.{0,60}\b(?:mij|me|mijn|m'n|mn)\b",
        rf"\b(?:{_MY})\s+(?:iban|rekeningnummer|bankrekening|tikkie)\s*(?:nummer\s*)?(?:is|=|:)",
    ),
    _rule(
        "run_away_packing",
        "weglopen",
        Q,
        0.75,
        # "ik wil gewoon weg, ik pak vanavond mijn tas"
        rf"\b(?:ik\s+|en\s+)(?:wil|ga|moet)\s+{_F}weg\b(?!\s+(?:uit|van\s+(?:die|dat|deze|hem|haar)))"
        rf".{{0,80}}\b(?:pak|pakte|inpakken|ingepakt)\s+(?:ik\s+)?{_F}"
        r"(?:mijn|m'n|mn)\s+(?:tas|koffer|spullen|rugzak)\b",
        rf"\b(?:pak|pakte|inpakken|ingepakt)\s+(?:ik\s+)?{_F}(?:mijn|m'n|mn)\s+(?:tas|koffer|spullen|rugzak)\b.{{0,80}}"
        r"\b(?:weg\s+van\s+huis|van\s+huis\s+weg|ervandoor|nooit\s+meer\s+terug|weglopen|wegloop|loop\s+ik\s+weg)\b",
    ),
    _rule(
        "insult_exclaimed",
        "belediging van een persoon",
        Q,
        0.7,
        # "wat een mongool die scheids", "wat een kankerlijer is hij": a strong word aimed at someone present
        rf"\bwat\s+(?:een|voor\s+een)\s+{_INSULT_ADJ}*(?:hoer|slet|kankerlijer|teringlijer|tyfuslijer|klootzak|mongool|"
        r"mongo|flikker|kech|bitch|trut|teef|kankerhoer|kutwijf|sloerie|debiel|downie)\s+(?:is\s+|ben\s+)?"
        r"(?:die|dat|deze|hij|zij|ze|jij|je)\b",
    ),
    _rule(
        "suicide_thoughts",
        "zelfdoding",
        U,
        0.9,
        rf"\bik\s+(?:denk|dacht)\s+{_F}(?:[\w']+\s+){{0,3}}(?:aan|over)\s+(?:doodgaan|dood\s+gaan|zelfmoord|sterven|"
        r"er\s+een\s+eind(?:e)?\s+aan\s+maken|mezelf\s+(?:doden|ombrengen|ophangen|iets\s+aan\s*doen)|"
        r"niet\s+meer\s+leven)\b",
        r"\b(?:beter|fijner|makkelijker)\s+(?:(?:is|zou\s+zijn|was|wordt)\s+)?(?:voor\s+(?:iedereen|\w+)\s+)?als\s+ik\s+(?:er\s+)?"
        r"(?:niet\s+meer\s+(?:ben|besta|leef|zou\s+zijn)|dood\s+(?:ben|was|ga|zou\s+zijn))\b",
        r"\bgedachte\w*\s+(?:aan|over)\s+(?:doodgaan|dood\s+gaan|zelfmoord|sterven|een\s+eind\s+aan\s+maken)\b",
    ),
    _rule(
        "abuse_more",
        "mishandeling of misbruik",
        U,
        0.9,
        # "gooit hij met dingen naar mij", "raakte hij mijn hoofd", "ze sluiten me op zonder eten"
        rf"\b{_FAMILY}\b.{{0,60}}\b(?:gooit|gooide|smijt|smeet)\s+(?:hij|zij|ze)?\s*(?:[\w']+\s+){{0,3}}"
        r"(?:naar|tegen|op)\s+(?:mij|me|mijn\s+hoofd)\b",
        rf"\b{_FAMILY}\b.{{0,80}}\braakte\s+(?:hij|zij|ze)\s+(?:mij|me|{_MY}\s+(?:hoofd|gezicht|buik|rug|oog|neus))\b",
        r"\b(?:(?:sluiten|sluit|sloten|sloot)\s+(?:ze|hij|zij|mijn\s+\w+)|(?:ze|hij|zij)\s+(?:sluiten|sluit|sloten|sloot))"
        r"\s+(?:me|mij)\s+op\b.{0,60}\b(?:zonder\s+eten|"
        r"geen\s+eten|dagen|nachts|hele\s+(?:dag|nacht|weekend)|straf)\b",
    ),
    _rule(
        "grooming",
        "afspreken of contact buiten het forum",
        Q,
        0.8,
        r"\bdat\s+ik\s+(?:het\s+)?(?:aan|tegen)\s+niemand\s+(?:mag|mocht|moet|moest)\s+(?:vertellen|zeggen)\b",
        r"\b(?:man|vrouw|volwassene|volwassen\w*|meneer|jongen\s+van\s+(?:1[89]|[2-9]\d)|iemand)\b.{0,60}"
        r"\b(?:vraagt|vroeg|wil|wilde)\b.{0,40}\b(?:mijn|m'n|mn)\s+(?:adres|nummer|school|foto'?s?)\b",
        r"\b(?:man|vrouw|volwassene|volwassen\w*|meneer|jongen\s+van\s+(?:1[89]|[2-9]\d))\b.{0,80}\bcadeau\w*\s+"
        r"(?:[\w']+\s+){0,2}(?:sturen|geven|kopen|opsturen)\b",
        r"\b(?:onlyfans|only\s+fans|fansly)\b",
    ),
    _rule(
        "insult_more",
        "belediging van een persoon",
        Q,
        0.7,
        # a superlative or plural aimed at someone: "jij bent de domste persoon", "jullie zijn allemaal losers"
        r"\b(?:jij|je|jullie)\s+(?:bent|zijn)\s+(?:echt\s+|gewoon\s+|zo\s+|allemaal\s+|wel\s+)*(?:de|het)\s+"
        r"(?:domste|stomste|lelijkste|dikste|irritantste|vieste|smerigste|zieligste|achterlijkste|slechtste)\b",
        r"\b(?:jij|je|jullie)\s+(?:bent|zijn)\s+(?:echt\s+|gewoon\s+|zo\s+|allemaal\s+|wel\s+)*(?:losers|sukkels|idioten|"
        r"debielen|mongolen|kankerlijers|hoeren|sletten|dombo'?s|eikels|freaks|watjes|nerds)\b",
        # a group run down: "marokkanen zijn allemaal dieven"
        rf"\b{_SLUR_TARGET}\s+(?:zijn|is)\s+(?:allemaal\s+|gewoon\s+|echt\s+|altijd\s+)*(?:dieven|criminelen|tuig|vies|"
        r"vieze|smerig|dom|dommer|ziek|gestoord|terroristen|apen|honden|ratten|kakkerlakken|minderwaardig|"
        r"onmensen|walgelijk)\b",
    ),
    _rule(
        "threat_more",
        "bedreiging",
        Q,
        0.8,
        # the time first: "morgen pak ik haar"; a person named: "ik steek die jongen neer"
        r"\b(?:morgen|straks|vanavond|na\s+school|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
        r"in\s+de\s+pauze)\s+(?:pak|pakken|sla|slaan|krijg|krijgen|steek|grijp|grijpen)\s+(?:ik|we|wij)\s+"
        r"(?:je|jou|hem|haar|jullie|die|dat)\b",
        r"\b(?:ik|we|wij)\s+(?:steek|steken|sla|slaan|schop|schoppen|maak|maken)\s+(?:die|dat|deze)\s+(?:[\w']+\s+){0,2}"
        r"(?:neer|dood|kapot|in\s+elkaar|verrot|lens)\b",
        r"\b(?:moet|moeten)\s+(?:goed\s+)?uitkijken\b.{0,40}\b(?:pak|sla|krijg|steek)\s+(?:ik|we)\b",
    ),
    _rule(
        "eating_more",
        "eetstoornis",
        Q,
        0.8,
        r"\bik\s+eet\s+(?:[\w']+\s+){0,3}(?:alleen|enkel)\s+(?:nog\s+)?(?:[\w']+\s+){1,3}(?:en\s+)?(?:verder\s+)?"
        r"(?:niks|niets)\b",
        r"\b(?:overgegeven|gekotst|overgeven|kotsen|gespuugd|spugen)\s+(?:[\w']+\s+){0,2}na\s+(?:het\s+)?(?:eten|"
        r"avondeten|lunch|ontbijt|elke\s+maaltijd)\b",
        r"\bik\s+weeg\s+(?:nog\s+|maar\s+|nu\s+)*(?:[2-4]\d)\s*(?:kilo|kg)\b.{0,60}\b(?:te\s+dik|dik|afvallen|"
        r"minder\s+eten|niet\s+eten)\b",
        r"\bik\s+(?:wil|moet)\s+(?:[\w']+\s+){0,3}afvallen\b.{0,60}\b(?:alleen\s+nog|niks\s+meer|niets\s+meer|"
        r"overslaan|sla\s+(?:ik\s+)?(?:het\s+)?(?:ontbijt|lunch|avondeten)|niet\s+meer\s+eten)\b",
    ),
    _rule(
        "meet_more",
        "afspreken of contact buiten het forum",
        Q,
        0.75,
        r"\b(?:wie\s+wil|wie\s+heeft\s+zin|iemand\s+zin)\s+(?:er\s+)?(?:[\w']+\s+){0,4}(?:chillen|afspreken|"
        r"af\s+te\s+spreken|ontmoeten|langskomen|hangen|wandelen|shoppen|zwemmen)\b.{0,60}\b(?:ik\s+woon|bij\s+mij|"
        r"in\s+[A-Za-z]|weekend|zaterdag|zondag|morgen|na\s+school)",
    ),
    _rule(
        "abuse_lap",
        "mishandeling of misbruik",
        U,
        0.9,
        r"\bop\s+(?:zijn|haar|z'n|zn)\s+schoot\b.{0,80}\b(?:niet\s+fijn|niet\s+prettig|eng|vies|raar|wil\s+(?:ik\s+)?"
        r"niet|niet\s+willen|ongemakkelijk|zit\s+(?:hij|ze)\s+aan)\b",
    ),
)
RULES = RULES + GENERAL_RULES + MORE_RULES
_THREATS = frozenset({"threat", "threat_general"})
# Contexts that make a general rule's match innocent: a trip, a surprise.
_VETO: dict[str, re.Pattern[str]] = {
    "run_away_general": re.compile(
        r"\b(?:kamp|zomerkamp|vakantie|logeren|logeerpartij|schoolreis\w*|werkweek|weekendje|uitje|op\s+reis|"
        r"festival|toernooi|excursie)\b"
    ),
    "contact_general": re.compile(r"\b(?:verrassing|surprise|cadeau\w*|verjaardagscadeau|feestje)\b"),
    # A game is no abuse: "mijn vader gooit de bal naar mij als we voetballen".
    "abuse_more": re.compile(
        r"\b(?:bal|ballen|frisbee|sneeuwbal\w*|waterballon\w*|voetbal\w*|trefbal|spelletje|spel)\b"
    ),
    # Being sick is no eating disorder: "overgegeven na het eten omdat ik griep had".
    "eating_more": re.compile(
        r"\b(?:griep|buikgriep|ziek|misselijk|voedselvergiftiging|koorts|bedorven|zwanger|wagenziek|zeeziek)\b"
    ),
    # Details given to say what went wrong with them, not to be contacted: "mijn nummer is ... gehackt".
    "contact_offer": re.compile(
        r"\b(?:gehackt|gehacked|hacker\w*|geblokkeerd|blokkeren|spam\w*|oplichter\w*|gestolen|misbruikt|"
        r"overgenomen)\b"
    ),
}


# Cues that are weak alone but together show a farewell or a plan (weights add up to 1.0).
_FAREWELL_CUES: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(p), w)
    for p, w in (
        (r"\b(?:mijn|m'n|mn)\s+laatste\s+(?:bericht|post|keer\s+hier)\b", 0.7),
        (r"\b(?:pillen|tabletten|mesje|touw|strop)\b", 0.4),
        (r"\b(?:liggen|ligt|heb\s+ik)\s+(?:al\s+)?klaar\b|\bklaargelegd\b", 0.4),
        (r"\bafscheid\w*\b", 0.4),
        (
            r"\bbrief\b.{0,25}\bgeschreven\b|\bgeschreven\b.{0,15}\bbrief\b|\bbrief\s+voor\s+(?:mijn|m'n|mn)\b",
            0.3,
        ),
        (r"\b(?:het\s+)?wordt\s+(?:gewoon\s+)?(?:nooit\s+|niet\s+)(?:meer\s+)?beter\b", 0.3),
        (
            r"\b(?:zo\s+)?moe\s+van\s+alles\b|"
            r"\bik\s+ben\s+op\b|\bik\s+kan\s+niet\s+meer\b(?!\s+(?:van\s+het\s+lachen|stoppen))",
            0.35,
        ),
        (
            r"\b(?:vanavond|vannacht|morgen|straks|vandaag)\b.{0,40}\b(?:ga\s+ik\s+het\s+doen|doe\s+ik\s+het)\b|"
            r"\bik\s+(?:ga\s+)?het\s+(?:vanavond|vannacht|straks)\s+doen\b",
            0.5,
        ),
        (r"\b(?:bedankt|dank)\s+(?:jullie\s+)?voor\s+(?:alles|alle)\b", 0.2),
        (r"\bsorry\W*$", 0.2),
        (r"\b(?:niks|niets)\s+(?:meer\s+)?waard\b|\bik\s+ben\s+een\s+last\b", 0.4),
        (r"\bniemand\s+(?:zou|zal)\s+(?:het\s+)?(?:merken|missen)\b", 0.6),
        (
            r"\b(?:beter\s+af\s+(?:\w+\s+){0,2}zonder\s+(?:mij|me)|zonder\s+(?:mij|me)\s+(?:\w+\s+){0,2}beter\s+af)\b",
            0.7,
        ),
        (r"\bik\s+hou\s+het\s+(?:\w+\s+){0,2}niet\s+meer\s+vol\b", 0.35),
        (r"\bik\s+heb\s+(?:een|mijn|al\s+een)\s+plan\b(?!\s+(?:voor|om\s+te\s+(?:leren|sparen)))", 0.4),
    )
)
_REPORTED = re.compile(
    r"\b(?:riep|riepen|roept|roepen|noemde|noemden|noemt|noemen|zei|zeiden|zegt|zeggen|schold|scholden|"
    r"scheldt|"
    r"schelden|uitgescholden|uitgemaakt|maakte|maakten|noemde|typte|stuurde|appte|schreef|schreven)\b"
)


_INTIMATE_IMAGE = re.compile(
    r"\b(?:naaktfoto\w*|naakt\s*foto\w*|nudes?|naakt|sexting|foto'?s?\s+van\s+(?:mij|"
    r"me)|filmpjes?\s+van\s+(?:mij|me)|ondergoed)\b"
)
_LEVERAGE = re.compile(
    r"\b(?:als\s+ik\s+niet|tenzij\s+ik|anders\s+(?:stuurt|zet|deelt|laat|verspreidt)|"
    r"anders\b.{0,40}\b(?:laat\s+zien|laten\s+zien|stuurt|sturen|doorstuurt|zet|zetten|deelt|delen)|"
    r"(?:aan|naar)\s+(?:mijn|m'n|mn|je|jouw)\s+(?:ouders|moeder|vader|mama|papa|school|klas|vrienden)\s+"
    r"(?:laat\s+zien|laten\s+zien|sturen|stuurt|doorsturen)|"
    r"naar\s+iedereen|verspreid\w*|"
    r"online\s+(?:zet|zetten)|betaal|betalen|dreig\w*|chanta\w*)\b"
)


# A threat made on a condition ("anders stuurt hij ze naar school"): with any picture of the writer, as
# telling as an intimate one with weaker leverage.
_ANY_IMAGE = re.compile(r"\b(?:foto\w*|filmpjes?|video\w*|pics?)\b")
_CONDITIONAL_THREAT = re.compile(
    r"\b(?:anders|tenzij|als\s+(?:ik|je|jij)\s+(?:[\w']+\s+){0,3}(?:niet|geen))\b.{0,40}\b(?:laat\s+zien|laten\s+zien|"
    r"stuurt|sturen|doorstuurt|doorsturen|zet|zetten|deelt|delen|verspreid\w*|post|posten)\b"
)


def _sextortion(ntext: str) -> tuple[int, int] | None:
    """An intimate image and leverage over the writer in the same stretch of text, or any picture
    with a conditional threat."""
    if not _IMAGE_PREFILTER.candidates(ntext):
        return None
    for m in _INTIMATE_IMAGE.finditer(ntext):
        lev = _LEVERAGE.search(ntext, max(0, m.start() - 200), m.end() + 250)
        if lev:
            return min(m.start(), lev.start()), max(m.end(), lev.end())
    for m in _ANY_IMAGE.finditer(ntext):
        lev = _CONDITIONAL_THREAT.search(ntext, max(0, m.start() - 120), m.end() + 120)
        if lev:
            return min(m.start(), lev.start()), max(m.end(), lev.end())
    return None


# Derived from the patterns themselves: a rule and its gate cannot drift apart.
PREFILTER = Prefilter({rule.name: rule.pattern for rule in RULES})
_FAREWELL_PREFILTER = Prefilter({str(i): cue for i, (cue, _) in enumerate(_FAREWELL_CUES)})
_IMAGE_PREFILTER = Prefilter({"intimate": _INTIMATE_IMAGE, "any": _ANY_IMAGE})


def find_signals(text: str) -> list[Finding]:
    """Urgent and queue signals in `text`: findings without a replacement."""
    norm = normalise(text)
    found = []
    active = PREFILTER.candidates(norm.text)
    span = _sextortion(norm.text)
    if span:
        found.append(
            Finding(
                "seksuele afpersing",
                norm.origin[span[0]],
                norm.origin[span[1] - 1] + 1,
                0.9,
                "rule:image_and_leverage",
                None,
                Decision.URGENT,
            )
        )
    weight, cue_start, cue_end = 0.0, len(norm.text), 0
    cues = _FAREWELL_PREFILTER.candidates(norm.text)
    for i, (cue, w) in enumerate(_FAREWELL_CUES):
        if str(i) not in cues:
            continue  # the cue's regex cannot match without one of its literals
        m = cue.search(norm.text)
        if m:
            weight += w
            cue_start, cue_end = min(cue_start, m.start()), max(cue_end, m.end())
    if weight >= 1.0:
        found.append(
            Finding(
                "zelfdoding",
                norm.origin[cue_start],
                norm.origin[cue_end - 1] + 1,
                min(0.95, 0.5 + weight / 3),
                "rule:farewell_cues",
                None,
                Decision.URGENT,
            )
        )
    for rule in RULES:
        if rule.name not in active:
            continue
        for m in rule.pattern.finditer(norm.text):
            if m.end() <= m.start():
                continue
            veto = _VETO.get(rule.name)
            if veto is not None and veto.search(norm.text):
                continue
            if rule.name in _THREATS and _GAME.search(norm.text):
                continue  # "ik maak je af met fortnite": a game, not a threat
            if rule.name == "insult" and _REPORTED.search(norm.text, max(0, m.start() - 40), m.start()):
                continue  # the writer reports being called this: not an insult by the writer
            start = norm.origin[m.start()]
            end = norm.origin[m.end() - 1] + 1
            found.append(
                Finding(rule.category, start, end, rule.score, f"rule:{rule.name}", None, rule.decision)
            )
            break  # one finding per rule is enough to explain the decision
    return found
