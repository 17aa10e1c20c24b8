# ruff: noqa: E501  (Dutch prose reads better unbroken than wrapped at 110 characters)
"""Demo content for the information pages, in plain Dutch (B1): the main topics, the rules, the help settings.

Loaded by `manage.py load_demo` (settings.DEMO_LOADERS), after the forum's boards. Idempotent: a page
that exists (by slug) is left as editors left it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TextIO

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page, Site

from cms.models import HelpSettings, HomePage, RulesPage, TopicIndexPage, TopicPage
from cms.services import editorial_workflow_ensure
from forum.models import Board

HOME_BODY = (
    "<p>Praatplein is een forum voor jongeren van 12 tot 18 jaar. Je kunt hier lezen en schrijven over "
    "alles wat je bezighoudt. Je bent anoniem: je kiest zelf een schuilnaam.</p>"
    "<p>Elk bericht wordt eerst gecontroleerd. Namen, telefoonnummers en scheldwoorden halen we weg. "
    "Maak je je zorgen om iemand, of heb je zelf hulp nodig? Dan kun je altijd chatten met een vrijwilliger.</p>"
)

CHAT_TEXT = "Wil je hier met iemand over praten? Een vrijwilliger luistert naar je. Je blijft anoniem."

# slug, title, boards, intro, paragraphs, [(question, answer)], (quote, who)
TOPICS: list[tuple[str, str, list[str], str, list[str], list[tuple[str, str]], tuple[str, str]]] = [
    (
        "pesten",
        "Pesten",
        ["pesten"],
        "Word je gepest, online of op school? Dat is nooit jouw schuld. Lees wat je kunt doen.",
        [
            "<p>Pesten is iemand steeds opnieuw pijn doen, uitlachen of buitensluiten. Dat kan op school, "
            "op straat of online, bijvoorbeeld in een groepsapp. Pesten is nooit jouw schuld.</p>",
            "<h2>Wat kun je doen?</h2><ul><li>Vertel het aan iemand die je vertrouwt: een ouder, je mentor of "
            "een vriend.</li><li>Maak screenshots van berichten online. Dan heb je bewijs.</li><li>Blokkeer "
            "iemand die je pest en meld het bij de app.</li><li>Zie je dat iemand anders gepest wordt? "
            "Ga naast diegene staan. Dat helpt echt.</li></ul>",
        ],
        [
            (
                "Wat als mijn mentor niets doet?",
                "<p>Ga dan naar de vertrouwenspersoon van je school. Elke "
                "school heeft er een. Je mag ook je ouders vragen om mee te gaan.</p>",
            ),
            (
                "Is het verklikken als ik het vertel?",
                "<p>Nee. Je vraagt hulp omdat iets niet goed gaat. Dat is dapper, en het is je recht.</p>",
            ),
            (
                "Ik pest zelf soms. Hoe stop ik?",
                "<p>Goed dat je dit vraagt. Bedenk hoe de ander zich voelt. "
                "Zeg sorry, en praat erover met iemand die je vertrouwt.</p>",
            ),
        ],
        ("Ik dacht dat het aan mij lag. Toen ik het aan mijn mentor vertelde, werd het beter.", "Noor, 13"),
    ),
    (
        "thuis",
        "Thuis",
        ["thuis"],
        "Ruzie, scheiden, geldzorgen of iemand die ziek is: wat thuis gebeurt, neem je overal mee naartoe.",
        [
            "<p>Thuis hoort een veilige plek te zijn. Maar soms is het dat niet. Ouders maken ruzie, gaan "
            "scheiden, of hebben weinig geld. Soms drinkt iemand te veel of wordt er geslagen.</p>",
            "<h2>Wat kun je doen?</h2><p>Praat met iemand buiten je gezin, zoals een mentor, een opa of oma, "
            "of een vrijwilliger in de chat. Je hoeft het niet alleen op te lossen. Ben je niet veilig thuis? "
            "Bel dan Veilig Thuis: 0800-2000. Dat is gratis en je mag anoniem blijven.</p>",
        ],
        [
            (
                "Mijn ouders gaan scheiden. Is dat mijn schuld?",
                "<p>Nee. Ouders scheiden om wat er tussen hen speelt. Nooit door hun kinderen.</p>",
            ),
            (
                "Moet ik kiezen bij wie ik ga wonen?",
                "<p>Je mag zeggen wat je wilt, maar je hoeft niet te "
                "kiezen. Je ouders beslissen samen, of met hulp van een rechter.</p>",
            ),
        ],
        ("Ik schreef alles op in een schrift. Daarna durfde ik het aan mijn tante te vertellen.", "Daan, 15"),
    ),
    (
        "seksualiteit",
        "Seksualiteit",
        ["seksualiteit"],
        "Vragen over seks, je lichaam en je grenzen zijn heel normaal. Hier lees je antwoorden.",
        [
            "<p>Iedereen ontdekt op zijn eigen tempo wat hij fijn vindt. Er is geen goede leeftijd voor je "
            "eerste zoen of je eerste keer. Het belangrijkste: jij en de ander willen het allebei.</p>",
            "<h2>Jouw grenzen</h2><p>Je mag altijd nee zeggen, ook als je eerst ja zei. Stuur nooit een "
            "naaktfoto als je dat niet wilt. Is er een foto van jou rondgestuurd? Dat is strafbaar. Je kunt "
            "hulp krijgen om hem weg te laten halen.</p>",
        ],
        [
            (
                "Ben ik te laat als ik nog nooit gezoend heb?",
                "<p>Nee. Veel jongeren zoenen pas later. Het gaat erom dat het voor jou goed voelt.</p>",
            ),
            (
                "Iemand vraagt om een naaktfoto. Wat moet ik doen?",
                "<p>Je hoeft niets te sturen. Wordt je onder "
                "druk gezet? Stop het gesprek, maak screenshots en vertel het aan iemand.</p>",
            ),
        ],
        ("Nee zeggen voelde eng, maar daarna voelde ik me sterk.", "Sam, 16"),
    ),
    (
        "verliefd",
        "Verliefd",
        ["verliefd"],
        "Verliefd zijn is fijn en spannend. En soms doet het pijn. Lees over verliefd zijn, verkering en uit elkaar gaan.",
        [
            "<p>Als je verliefd bent, denk je steeds aan iemand. Je hebt vlinders in je buik. Je kunt verliefd "
            "worden op een jongen, een meisje of iemand die zich geen jongen of meisje voelt. Dat is allemaal "
            "normaal.</p>",
            "<h2>Liefdesverdriet</h2><p>Gaat het uit, of is de ander niet verliefd op jou? Dat doet pijn. "
            "Praat erover met een vriend of vriendin. Doe dingen die je leuk vindt. Het wordt echt minder.</p>",
        ],
        [
            (
                "Hoe weet ik of iemand mij ook leuk vindt?",
                "<p>Dat weet je pas zeker als je het vraagt. Je kunt "
                "ook eerst vaker samen iets doen en kijken hoe dat voelt.</p>",
            ),
            (
                "Mijn vriend wil steeds mijn telefoon lezen. Is dat normaal?",
                "<p>Nee. In een goede relatie vertrouw je elkaar. Controle is geen liefde.</p>",
            ),
        ],
        ("Na het uitgaan dacht ik dat het nooit meer goed kwam. Nu lach ik er weer om.", "Lisa, 17"),
    ),
    (
        "lichaam",
        "Je lichaam",
        ["lichaam"],
        "In de puberteit verandert je lichaam snel. Wat is normaal, en wanneer vraag je hulp?",
        [
            "<p>In de puberteit groei je, krijg je haar op nieuwe plekken en verandert je stem of je borsten. "
            "Dat gaat bij iedereen anders en op een ander moment. Vergelijk jezelf niet met anderen of met "
            "foto's online: die zijn vaak bewerkt.</p>",
            "<h2>Niet lekker in je vel?</h2><p>Eet je bijna niets, of eet je juist veel als je je rot voelt? "
            "Praat erover met je huisarts of met iemand die je vertrouwt.</p>",
        ],
        [
            (
                "Ik ben later dan mijn vrienden. Is dat erg?",
                "<p>Nee. Sommige jongeren beginnen met 10 jaar, anderen met 15. Allebei is normaal.</p>",
            ),
            (
                "Mag ik alleen naar de huisarts?",
                "<p>Ja. Vanaf 12 jaar mag je alleen gaan. Vanaf 16 jaar mag "
                "de huisarts niets aan je ouders vertellen zonder jouw toestemming.</p>",
            ),
        ],
        ("Ik schaamde me voor mijn acne. Mijn huisarts hielp me meteen.", "Yusuf, 14"),
    ),
    (
        "school",
        "School",
        ["school"],
        "Stress voor toetsen, problemen met een leraar of geen zin meer in school? Je bent niet de enige.",
        [
            "<p>School kan veel stress geven. Toetsen, huiswerk en een volle agenda. Soms gaat het niet goed "
            "met een leraar of in de klas. En soms weet je niet welke opleiding bij je past.</p>",
            "<h2>Tips tegen stress</h2><ul><li>Maak een planning en leer elke dag een beetje.</li><li>Neem "
            "pauzes en ga op tijd slapen.</li><li>Vraag hulp aan je mentor als het niet lukt.</li></ul>",
        ],
        [
            (
                "Ik slaap slecht voor een toets. Wat helpt?",
                "<p>Leg je telefoon een uur voor het slapen weg. "
                "Schrijf op wat je nog moet doen, dan hoeft je hoofd het niet te onthouden.</p>",
            ),
            (
                "Ik wil stoppen met school. Mag dat?",
                "<p>Tot je 18e moet je naar school tot je een diploma "
                "hebt. Praat met je mentor over wat er niet goed gaat. Soms past een andere school beter.</p>",
            ),
        ],
        ("Ik dacht dat ik dom was. Ik bleek dyslexie te hebben, en nu krijg ik extra tijd.", "Milan, 15"),
    ),
    (
        "vriendschap",
        "Vriendschap",
        ["vriendschap"],
        "Vrienden maken, houden en soms kwijtraken. Wat doe je als het moeilijk gaat met vrienden?",
        [
            "<p>Vrienden zijn belangrijk. Met hen deel je leuke en moeilijke dingen. Maar vriendschappen "
            "veranderen ook. Soms groei je uit elkaar, of maak je ruzie.</p>",
            "<h2>Geen vrienden?</h2><p>Veel jongeren voelen zich soms alleen. Zoek mensen die hetzelfde leuk "
            "vinden als jij, bijvoorbeeld bij een sport, een club of online op een veilige plek zoals dit "
            "forum.</p>",
        ],
        [
            (
                "Mijn vriendin negeert me. Wat heb ik fout gedaan?",
                "<p>Misschien niets. Vraag haar rustig wat "
                "er is. Soms speelt er iets anders in haar leven.</p>",
            ),
            (
                "Hoe maak ik nieuwe vrienden?",
                "<p>Begin klein: vraag iemand iets over een les of een hobby. "
                "Echte vriendschap groeit langzaam.</p>",
            ),
        ],
        ("Bij de hockeyclub vond ik eindelijk mensen die mij snappen.", "Fatima, 13"),
    ),
    (
        "rouw",
        "Rouw",
        ["rouw"],
        "Is er iemand overleden van wie je houdt? Verdriet heeft geen regels. Lees wat je kan helpen.",
        [
            "<p>Als iemand doodgaat, kun je veel voelen: verdriet, boosheid, schuld of juist niets. Alles is "
            "normaal. Verdriet komt vaak in golven. Soms voel je je goed, en dan ineens weer heel verdrietig.</p>",
            "<h2>Wat kan helpen?</h2><ul><li>Praat over de persoon die er niet meer is.</li><li>Schrijf een "
            "brief of maak een fotoboek.</li><li>Zeg het tegen je school, zodat ze rekening met je houden.</li>"
            "</ul>",
        ],
        [
            (
                "Is het gek dat ik na een maand nog steeds huil?",
                "<p>Nee. Rouw duurt vaak lang. Het is een teken dat je veel van iemand hield.</p>",
            ),
            (
                "Mijn vrienden weten niet wat ze moeten zeggen.",
                "<p>Dat is lastig voor hen. Zeg zelf wat je "
                "nodig hebt: praten, afleiding, of gewoon samen zijn.</p>",
            ),
        ],
        ("Elk jaar op zijn verjaardag eten we pannenkoeken. Dan is opa er een beetje bij.", "Jesse, 12"),
    ),
]

RULES_INTRO = "Op Praatplein willen we dat iedereen zich veilig voelt. Daarom hebben we deze regels."
RULES: list[tuple[str, str]] = [
    (
        "Blijf anoniem",
        "Zet geen echte namen, adressen, telefoonnummers of accounts in je bericht. Ook niet van "
        "anderen. Wij halen ze weg.",
    ),
    (
        "Wees aardig",
        "Schelden, pesten en discrimineren mag niet. Je mag het oneens zijn, maar blijf respectvol.",
    ),
    (
        "Geen afspraken buiten het forum",
        "Spreek niet af om elkaar te ontmoeten of privé te chatten. Zo blijft het veilig voor iedereen.",
    ),
    ("Geen reclame", "Praatplein is geen plek om iets te verkopen of voor andere sites te werven."),
    (
        "Vraag hulp als het niet goed gaat",
        "Denk je aan zelfmoord, of ben je in gevaar? Bel 113 of 112, of "
        "chat met een vrijwilliger. Een bericht op het forum is dan niet genoeg.",
    ),
    (
        "Moderatoren lezen mee",
        "Elk bericht wordt gecontroleerd. Houd je je niet aan de regels? Dan krijg je "
        "een waarschuwing, en soms mag je een tijd niet meer schrijven.",
    ),
]

DEMO_CRISIS_LINES = [
    ("113 Zelfmoordpreventie", "0800-0113"),
    ("De Kindertelefoon", "0800-0432"),
    ("Alarmnummer bij direct gevaar", "112"),
]


def load(out: TextIO) -> None:
    """Create what is missing: the information pages, the rules page, the help settings, a search
    promotion, and the editorial workflow."""
    editorial_workflow_ensure()
    home = HomePage.objects.first()
    if home is None:
        out.write("No home page (migration cms.0002 not applied?); information pages skipped.\n")
        return
    if not home.body:
        home.body = HOME_BODY
        home.save_revision().publish()
    index = _child(
        home,
        TopicIndexPage,
        slug="informatie",
        title="Informatie",
        intro="Lees over wat jongeren bezighoudt. Vind je niet wat je zoekt? Zoek, of praat erover in de chat.",
    )
    created = 0
    for slug, title, board_slugs, intro, paragraphs, questions, (quote, who) in TOPICS:
        if TopicPage.objects.filter(slug=slug).exists():
            continue
        page = TopicPage(
            slug=slug, title=title, intro=intro, body=_topic_body(paragraphs, questions, quote, who)
        )
        page.boards.set(Board.objects.filter(slug__in=board_slugs))
        index.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    if not RulesPage.objects.exists():
        body = [("rule", {"title": title, "explanation": text}) for title, text in RULES]
        _child(home, RulesPage, slug="regels", title="De regels van Praatplein", intro=RULES_INTRO, body=body)
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and not HelpSettings.objects.filter(site=site).exists():
        HelpSettings.objects.create(
            site=site,
            crisis_lines=[("line", {"name": name, "phone": phone}) for name, phone in DEMO_CRISIS_LINES],
            opening_hours=[
                ("hours", {"weekday": str(day), "opens": dt.time(14), "closes": dt.time(21)})
                for day in range(7)
            ],
        )
    pesten = TopicPage.objects.filter(slug="pesten").first()
    if pesten is not None:
        Query.get("gepest").editors_picks.get_or_create(
            page=pesten, defaults={"description": "Wat je kunt doen als je gepest wordt.", "sort_order": 0}
        )
    out.write(f"Information pages: {created} created; editors' changes need a second editor's approval.\n")


def _child(parent: Page, model: type[Page], *, slug: str, **fields: Any) -> Page:
    """The live child of `parent` with this slug, created and published if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _topic_body(
    paragraphs: list[str], questions: list[tuple[str, str]], quote: str, who: str
) -> list[tuple[str, Any]]:
    return [
        ("paragraph", paragraphs[0]),
        ("quote", {"text": quote, "name": who}),
        *[("paragraph", text) for text in paragraphs[1:]],
        (
            "questions",
            {
                "heading": "Vragen die vaak gesteld worden",
                "items": [{"question": question, "answer": answer} for question, answer in questions],
            },
        ),
        ("chat_call", {"heading": "Praat erover", "text": CHAT_TEXT}),
        ("forum_topics", {"heading": "Op het forum", "count": 3}),
    ]
