"""What the filter will do with a draft, shown to its writer before posting.

The preview runs exactly the screening path (the hook in settings.FORUM_TEXT_SCREEN, which is
moderation's `text_screen`), so preview and outcome never disagree. Drafts are never stored
and never logged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

import nlp_models
from nlp_models.combinations import rule_of

# One plain sentence per kind of finding: what we take out, and why it protects the writer.
EXPLANATIONS = {
    "PERSON": _("We halen namen weg, zodat niemand kan zien over wie het gaat."),
    "PHONE": _("We halen je telefoonnummer weg, zodat niemand je buiten het forum kan vinden."),
    "EMAIL": _("We halen e-mailadressen weg, zodat niemand je buiten het forum kan mailen."),
    "ADDRESS": _("We halen adressen weg, zodat niemand weet waar je woont."),
    "POSTCODE": _("We halen postcodes weg, zodat niemand weet waar je woont."),
    "BSN": _("We halen je burgerservicenummer weg: dat is geheim."),
    "IBAN": _("We halen rekeningnummers weg: die zijn van jou alleen."),
    "HANDLE": _("We halen gebruikersnamen van andere apps weg, zodat niemand je daar kan opzoeken."),
    "URL": _("We halen links weg, omdat ze naar jou of iemand anders kunnen leiden."),
    "SCHOOL": _("We halen de naam van je school weg, zodat niemand je kan vinden."),
    "BIRTHDATE": _("We halen je geboortedatum weg: daarmee kan iemand je herkennen."),
    "PLATE": _("We halen kentekens weg, zodat niemand je familie kan vinden."),
    "PROFANITY": _("Scheldwoorden en vloeken vervangen we door ***, zodat niemand zich gekwetst voelt."),
}
OTHER = _("We halen iets weg waarmee iemand je kan herkennen.")
# Facts that identify only together (nlp_models.combinations): what they give away and what to leave out.
# %(parts)s is the writer's own words, quoted: the preview is shown to them alone and never stored.
COMBINATION_ADVICE = {
    "birthday": _(
        "Samen vertellen %(parts)s wanneer je jarig bent en hoe oud je wordt: zo weet iemand je "
        "geboortedatum. Laat de dag weg."
    ),
    "place_and_group": _(
        "Samen maken %(parts)s je herkenbaar: in een kleine plaats zitten maar een paar kinderen in "
        "dezelfde klas of club. Laat een van de twee weg."
    ),
    "event_date_place": _(
        "Samen vertellen %(parts)s waar je op welk moment bent. Laat de dag of de plaats weg."
    ),
}


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str | None = None  # the type of finding when this segment replaces one
    advice: bool = False  # the segment is kept, but is part of a combination that identifies


@dataclass(frozen=True)
class Preview:
    decision: str
    published_text: str
    segments: list[Segment]
    explanations: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)
    held_only_for_combinations: bool = False

    @property
    def urgent(self) -> bool:
        return self.decision == nlp_models.Decision.URGENT


def _text_screen(text: str) -> nlp_models.Screening:
    return import_string(settings.FORUM_TEXT_SCREEN)(text)


def _segments(text: str, screening: nlp_models.Screening) -> list[Segment]:
    """The published text in pieces, each replacement marked with its kind, and each part of an
    identifying combination marked as advice.

    Built from the findings on the cleaned draft; when that does not give exactly the published
    text (the filter resolved overlaps its own way), the text is shown unmarked rather than wrong.
    """
    marked = sorted(
        (f for f in screening.findings if f.replacement is not None or rule_of(f)),
        key=lambda f: (f.start, -f.end),
    )
    segments: list[Segment] = []
    last = 0
    for finding in marked:
        if finding.start < last:
            continue
        segments.append(Segment(text[last : finding.start]))
        if finding.replacement is None:
            segments.append(Segment(text[finding.start : finding.end], finding.type, advice=True))
        else:
            segments.append(Segment(finding.replacement, finding.type))
        last = finding.end
    segments.append(Segment(text[last:]))
    if "".join(s.text for s in segments) != screening.published_text:
        return [Segment(screening.published_text)]
    return [s for s in segments if s.text]


def _advice(text: str, screening: nlp_models.Screening) -> list[str]:
    """One sentence per identifying combination, quoting its parts in the writer's own words."""
    parts: dict[str, list[str]] = {}
    for f in screening.findings:
        rule = rule_of(f)
        if rule:
            parts.setdefault(rule, []).append(f"“{text[f.start : f.end]}”")
    return [
        str(COMBINATION_ADVICE[rule]) % {"parts": _(" en ").join(quoted)}
        for rule, quoted in parts.items()
        if rule in COMBINATION_ADVICE
    ]


def preview_build(*, text: str) -> Preview:
    """Screen a draft exactly as a post is screened, and explain the outcome."""
    text = nlp_models.clean_input(text)
    screening = _text_screen(text)
    kinds = list(dict.fromkeys(f.type for f in screening.findings if f.replacement is not None))
    holds = [f for f in screening.findings if f.replacement is None]
    return Preview(
        decision=screening.decision.value,
        published_text=screening.published_text,
        segments=_segments(text, screening),
        explanations=[str(EXPLANATIONS.get(kind, OTHER)) for kind in kinds],
        advice=_advice(text, screening),
        held_only_for_combinations=bool(holds)
        and all(rule_of(f) for f in holds)
        and screening.decision == nlp_models.Decision.QUEUE,
    )


def preview_context(*, title: str = "", text: str) -> dict[str, Any]:
    """Template context for a draft (and its title): what will be published, why, and what happens next."""
    body = preview_build(text=text) if text.strip() else None
    head = preview_build(text=title) if title.strip() else None
    parts = [p for p in (head, body) if p is not None]
    decisions = [p.decision for p in parts]
    decision = max(decisions, key=lambda d: nlp_models.Decision(d).severity) if decisions else "publish"
    explanations = list(dict.fromkeys(e for p in parts for e in p.explanations))
    advice = list(dict.fromkeys(a for p in parts for a in p.advice))
    held = [p for p in parts if p.decision != nlp_models.Decision.PUBLISH]
    return {
        "title": head,
        "body": body,
        "decision": decision,
        "explanations": explanations,
        "advice": advice,
        # Leaving out what the advice names would publish the post at once.
        "advice_would_publish": bool(held) and all(p.held_only_for_combinations for p in held),
    }
