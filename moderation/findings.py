"""One registry of what the filter can find, in the words a moderator or volunteer reads.

The filter (`nlp_models`) names its findings in two ways: personal data and swear words by a code
("PERSON", "PHONE", "PROFANITY"), and the reasons to hold a post by a Dutch category ("zelfdoding",
"afspreken of contact buiten het forum", "herkenbaar: …"). Every page a moderator sees goes through
`finding_type()`, so a code never reaches the screen; a type the filter learns later (a classifier's
"grooming", say) gets a readable label from its own name until it is added here.

The explanations of removals are the sentences the writer's preview uses (`forum.preview`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forum.preview import EXPLANATIONS, OTHER
from nlp_models import signals
from nlp_models.combinations import CATEGORIES as COMBINATION_CATEGORIES
from nlp_models.combinations import SOURCE_PREFIX as COMBINATION_PREFIX
from nlp_models.pipeline import LABELS_NL


@dataclass(frozen=True)
class FindingType:
    key: str
    label: str | Promise  # short, for a badge or a filter: "naam", "zelfdoding"
    explanation: str | Promise  # one plain sentence: what it is and what happens
    removed: bool = False  # taken out of the published text (personal data, swear words)
    urgent: bool = False  # may make a post urgent


# Removals: the label is the filter's own placeholder word, the explanation the preview's sentence.
_REMOVALS = {
    key: FindingType(key, label, EXPLANATIONS.get(key, OTHER), removed=True)
    for key, label in LABELS_NL.items()
}

# Reasons to hold: the filter's Dutch categories, with what a moderator should know.
_HOLD_EXPLANATIONS: dict[str, Promise] = {
    "zelfdoding": gettext_lazy("De schrijver lijkt aan zelfdoding te denken. Kijk meteen."),
    "zelfbeschadiging": gettext_lazy("De schrijver lijkt zichzelf pijn te doen."),
    "mishandeling of misbruik": gettext_lazy("De schrijver lijkt mishandeld of misbruikt te worden."),
    "seksuele dwang": gettext_lazy("De schrijver lijkt tot iets seksueels gedwongen te worden."),
    "seksuele afpersing": gettext_lazy(
        "Iemand lijkt de schrijver met foto's of filmpjes onder druk te zetten."
    ),
    "zorg om iemand anders": gettext_lazy("De schrijver maakt zich zorgen om een vriend of familielid."),
    "eetstoornis": gettext_lazy("Het bericht gaat over niet of te weinig eten, of overgeven."),
    "afspreken of contact buiten het forum": gettext_lazy(
        "Iemand wil afspreken of contact buiten het forum. Dat mag niet, om iedereen veilig te houden."
    ),
    "geldverzoek": gettext_lazy("Iemand vraagt om geld of biedt het aan."),
    "belediging van een persoon": gettext_lazy("Een scheldwoord lijkt op een persoon gericht."),
    "bedreiging": gettext_lazy("Het bericht lijkt iemand te bedreigen."),
    "weglopen": gettext_lazy("De schrijver denkt erover weg te lopen."),
    "herkenbaar: leeftijd en verjaardag": gettext_lazy(
        "Leeftijd en verjaardag samen verraden de geboortedatum."
    ),
    "herkenbaar: kleine woonplaats en klas of club": gettext_lazy(
        "Een kleine woonplaats met een klas of club maakt de schrijver herkenbaar."
    ),
    "herkenbaar: activiteit met dag en plaats": gettext_lazy(
        "Het bericht zegt waar de schrijver op welk moment is."
    ),
}
_URGENT_CATEGORIES = {rule.category for rule in signals.RULES if rule.decision.value == "urgent"}


def _hold(key: str) -> FindingType:
    explanation = _HOLD_EXPLANATIONS.get(key) or gettext_lazy(
        "Het filter houdt dit bericht vast voor een moderator."
    )
    return FindingType(key, key, explanation, urgent=key in _URGENT_CATEGORIES)


def known_types() -> list[str]:
    """Every type the filter can emit today, from `nlp_models` itself."""
    holds = {rule.category for rule in signals.RULES} | set(COMBINATION_CATEGORIES.values())
    return list(LABELS_NL) + sorted(holds)


_REGISTRY: dict[str, FindingType] = {
    **_REMOVALS,
    **{key: _hold(key) for key in known_types() if key not in _REMOVALS},
}


def _readable(key: str) -> str:
    """A label for a type nobody has described yet: "SELF_HARM" reads "self harm", "grooming" stays."""
    words = key.replace("_", " ").replace("-", " ").strip()
    return (words.lower() if words.isupper() else words) or _("onbekend")


def finding_type(key: str) -> FindingType:
    """The registry's entry for `key`, or a readable one for a type the filter learned later."""
    if key in _REGISTRY:
        return _REGISTRY[key]
    return FindingType(
        key, _readable(key), gettext_lazy("Het filter houdt dit bericht vast voor een moderator.")
    )


def hold_categories() -> list[FindingType]:
    """The reasons a post can be held, for the queue's filter: urgent ones first."""
    holds = [t for t in _REGISTRY.values() if not t.removed]
    return sorted(holds, key=lambda t: (not t.urgent, str(t.label)))


DECISIONS = {
    "publish": gettext_lazy("plaatsen"),
    "queue": gettext_lazy("wachtrij"),
    "urgent": gettext_lazy("urgent"),
}


def decision_label(decision: str) -> str:
    return str(DECISIONS.get(decision, decision))


def source_label(source: str) -> str:
    """How the filter found something, as secondary detail: "regel meet_up", "namenlijst"."""
    kind, _sep, rest = source.partition(":")
    if source.startswith(COMBINATION_PREFIX):
        return _("combinatie van feiten")
    if kind == "model":
        return _("taalmodel")
    words = {
        "rule": _("regel"),
        "names": _("namen"),
        "lexicon": _("woordenlijst"),
        "regex": _("patroon"),
        "phonenumbers": _("telefoonnummer-herkenning"),
        "model": _("taalmodel"),
        "presidio": _("herkenner"),
    }
    if kind in words:
        return f"{words[kind]} {rest}".strip()
    return source


def finding_view(finding: dict[str, Any]) -> dict[str, Any]:
    """A stored finding ({type, start, end, score, source}) as a moderator reads it."""
    entry = finding_type(str(finding.get("type", "")))
    score = finding.get("score")
    return {
        "label": str(entry.label),
        "explanation": str(entry.explanation),
        "removed": entry.removed,
        "urgent": entry.urgent,
        "detail": _("%(source)s, zekerheid %(score)s")
        % {
            "source": source_label(str(finding.get("source", ""))),
            "score": number_format(float(score), 2) if isinstance(score, int | float) else "?",
        },
    }


def hold_types(findings: list[dict[str, Any]]) -> list[str]:
    """The reasons to hold in a screening's findings (types that are not removals), most urgent first."""
    seen = list(dict.fromkeys(str(f["type"]) for f in findings if f.get("type") not in _REMOVALS))
    return sorted(seen, key=lambda key: not finding_type(key).urgent)


def categories_key(findings: list[dict[str, Any]]) -> str:
    """The value of `Review.categories` for these findings: "|zelfdoding|weglopen|" (at most 300 characters)."""
    key = ""
    for kind in hold_types(findings):
        if len(key) + len(kind) + 2 > 300:
            break
        key += f"|{kind}"
    return f"{key}|" if key else ""


def model_reading(text: str) -> dict[str, Any] | None:
    """What the learned layer reads in a held text, for the moderator while the original exists:
    the category in Dutch, how likely, and the words that weighed most (never stored)."""
    from moderation.services import filter_config
    from nlp_models.pipeline import read

    reading = read(text, config=filter_config())
    if reading is None or reading.category == "none":
        return None
    return {
        "label": reading.label,
        "decision": decision_label(reading.decision.value),
        "probability": number_format(reading.probability * 100, 0),
        "words": list(reading.words),
    }
