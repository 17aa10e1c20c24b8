"""Small curated word lists, written for this project from general knowledge of Dutch.

Large lists (names, the Dutch dictionary) live in `nlp_models/data/` and are loaded by
`nlp_models.gazetteers`; see `data/SOURCES.md` for where each comes from.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that never are a name, a handle or a school name on their own.
FUNCTION_WORDS = _words(
    """
    de het een en of maar want dus als dan toen omdat doordat terwijl hoewel tot totdat zodat nadat voordat
    ik jij je u hij zij ze wij we jullie hun hen mij me jou hem haar ons mijn mn m'n jouw zijn onze uw
    die dat deze dit wie wat waar wanneer waarom hoe welke welk er hier daar nu nog al ook wel niet geen
    is ben bent was waren zijn heb hebt heeft had hadden word wordt werd kan kun kunt kon wil wilt wilde
    moet moest mag mocht zal zult zou zouden ga gaat ging gaan doe doet deed kom komt kwam zie ziet zag
    in op aan bij met van voor na naar uit over onder tussen door om tegen zonder tijdens sinds per via
    te toe af mee heen weg terug samen allemaal alles iets niets niks iemand niemand iedereen elk elke
    ja nee oke ok oké hoi hey hallo doei dag joh hè he ah oh wow haha lol xd hihi jaja nou zo heel erg
    echt gewoon soms vaak altijd nooit even snel nog steeds weer meer minder veel weinig beetje
    the a an and or but to of in on at for with is are was my your me you he she they we it this that
    op de van het een en
    """
)

# Two- and three-letter words that look like postcode letters or handle names.
COMMON_SHORT_WORDS = _words(
    """
    en in is op om al na te ik je ze we zo nu of ja de da du dr er as at be by do go he if it me my no
    so to up us an am or on een het met dan wel van aan bij uit tot toe wat wie hoe dus nog ook ben was
    mij hem ons jou hun zij wij die dat dit mee af ok oke hey hoi yo lol xd ff ik wil kan mag hou
    maar want omdat even echt gewoon heel zeker niet geen weg naar voor onder over heb hebt heeft
    """
)

# Domains of shops, media and helplines: naming them identifies nobody.
SAFE_DOMAINS = _words(
    """
    113.nl kindertelefoon.nl 113zelfmoordpreventie.nl watwat.nl sense.info jouwggd.nl korrelatie.nl
    veiligthuis.nl helpwanted.nl fier.nl slachtofferhulp.nl mindyoung.nl alles-oke.nl allesoke.nl
    bol.com coolblue.nl marktplaats.nl nu.nl nos.nl jeugdjournaal.nl zapp.nl google.com google.nl
    youtube.com tiktok.com instagram.com snapchat.com netflix.com wikipedia.org nl.wikipedia.org
    ah.nl jumbo.com hema.nl kruidvat.nl zalando.nl amazon.nl amazon.com thuisbezorgd.nl
    """
)

# Ordinary words that are also first names. Alone they are kept; capitalised in the middle of
# a sentence, or in a name context ("ik ben X", "juf X"), they are names.
AMBIGUOUS_NAME_WORDS = _words(
    """
    roos bas kim sem hoi storm hoop lente fleur iris jade joy mark rik tim max sam tom ben jan daan
    mees pim noor lief liefje sterre zon zonne dewi duif bloem mei juni april summer sky bo do
    vera eva rosa rosé lotus ivy hazel rowan river dean fay sue lou amber lynn fenna puck guus
    kees pieter piet klaas henk jet jens stijn mats bob bram floor lente vos de vries jo yo
    """
)

# First names that are also common English words young people type in Dutch posts ("said", "guy",
# "us", "grace"): counted as ordinary words, so they need a capital or a name context.
ENGLISH_WORD_NAMES = _words(
    """
    among canal said side us harm jail chase grace faith peace charity queen guy else august june wage
    ward till sole german paris sydney america africa angeles dawn diamond crystal grant drew ray bill
    georgia jordan carolina virginia christian morgan jackson wilson austin clinton chelsea autumn isis
    jesus justice hope joy honey angel baby sky summer river rain star storm love bunny cash king prince
    princess ace jazz mercy trinity destiny dream heaven lucky happy sunny
    """
)

# Names that look like words but that young people almost only use as names.
NAME_DESPITE_WORD = _words(
    """
    daan sem lieke sanne anouk fenna thijs luuk bram stijn jesse ruben lars mees noor saar tess
    yara nora liv lotte julia sophie emma lisa anna eva sara milan levi finn noah liam lucas
    """
)

# Titles and relations that introduce a person's name ("juf Marieke", "mijn broer Tim").
TITLE_WORDS = _words(
    """
    meneer mevrouw juf juffrouw meester mr mw dhr mevr mr. mw. dhr. mevr. dokter dr. dr docent
    """
)
RELATION_WORDS = _words(
    """
    vriend vriendin vriendje vriendinnetje broer broertje zus zusje zuster neef nicht oom tante opa oma
    moeder vader mama papa mam pap stiefvader stiefmoeder stiefbroer stiefzus halfbroer halfzus
    buurman buurvrouw buurjongen buurmeisje mentor trainer coach klasgenoot klasgenote crush ex
    vriendinnen vrienden maatje bff bestie beste lerares leraar docent klasgenoten collega baas
    jongen meisje man vrouw jongen neefje nichtje schoonzus zwager stiefpa stiefma mattie matties maat homie
    sahbi gast gozer kerel vent knul chick griet
    """
)

# Brands, places, games and public figures: capitalised, sometimes name-like, never private.
NOT_A_PERSON = _words(
    """
    albert heijn jumbo lidl aldi action hema kruidvat primark zara h&m bol coolblue etos blokker
    mcdonalds mcdonald's burger king kfc starbucks subway domino's new york pizza febo
    tiktok instagram insta snapchat snap youtube whatsapp discord roblox fortnite minecraft pokemon
    pokémon pikachu zelda sonic netflix disney spotify google apple samsung iphone android
    playstation xbox nintendo switch fifa steam twitch marvel barbie lego harry potter hermione
    sinterklaas sint kerstman jezus god allah boeddha profeet koning koningin
    efteling walibi duinrell toverland slagharen artis blijdorp ajax feyenoord psv
    duits engels frans spaans nederlands turks arabisch latijn grieks chinees italiaans pools riot
    keulen parijs londen berlijn rome madrid barcelona lissabon wenen praag dubai istanbul ankara rabat
    casablanca tanger nador marrakech paramaribo willemstad kralendijk oranjestad brussel antwerpen gent
    willem-alexander rutte schoof wilders swift eilish
    grande messi ronaldo neymar mbappe mbappé verstappen max-verstappen snelle
    ajax psv feyenoord az utrecht nederland belgië marokko turkije suriname curaçao polen syrië
    amsterdam rotterdam den haag eindhoven groningen tilburg almere breda nijmegen arnhem haarlem
    leiden zwolle maastricht delft enschede apeldoorn amersfoort dordrecht zaandam hilversum
    emmen venlo deventer alkmaar gouda lelystad assen leeuwarden middelburg antwerpen brussel gent
    europa afrika azië amerika engeland duitsland frankrijk spanje italië china japan
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni
    juli augustus september oktober november december kerst pasen ramadan suikerfeest offerfeest
    koningsdag bevrijdingsdag carnaval halloween valentijnsdag
    groep klas havo vwo mavo vmbo gym atheneum mbo hbo cito
    nederlands frans duits engels spaans latijn grieks arabisch turks pools chinees wiskunde biologie
    geschiedenis aardrijkskunde economie scheikunde natuurkunde muziek tekenen gym lichamelijke
    opvoeding maatschappijleer informatica drama godsdienst levensbeschouwing techniek
    nederlander nederlanders marokkaan turk pool surinamer belg duitser fransman engelsman
    marokkaans turks surinaams pools antilliaans belgisch syrisch afghaans somalisch eritrees ghanees
    kaapverdiaans koerdisch indonesisch moluks molukse iraans irakees iraaks oekraiens oekraïens russisch
    portugees braziliaans italiaans spaans hollands fries friesland brabants limburgs zeeuws
    christen christelijk moslim islamitisch hindoe hindoestaans joods boeddhist katholiek protestant
    praatplein kindertelefoon
    mama papa mam pap oma opa
    """
)

# Crisis helplines: must stay readable in a post.
HELPLINE_NUMBERS = ("113", "0800-0113", "0800 0113", "08000113", "0800-0432", "0800 0432", "08000432", "112")
