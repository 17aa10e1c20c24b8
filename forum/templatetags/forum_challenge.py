"""`{% challenge_widget "sign_up" %}`: the proof-of-work widget (forum/challenge.py) for a form."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

register = template.Library()


def widget_strings() -> dict[str, str]:
    """The widget's texts, in the page's language (ALTCHA's own keys)."""
    return {
        "label": _("Ik ben geen robot"),
        "loading": _("Even laden…"),
        "verify": _("Controleren"),
        "verifying": _("Even controleren…"),
        "verified": _("Klaar: je bent geen robot"),
        "waitAlert": _("We controleren nog even. Een moment geduld."),
        "verificationRequired": _("Wacht even tot er „Klaar” bij het vakje staat."),
        "expired": _("De controle is verlopen. Klik op het vakje om het opnieuw te doen."),
        "error": _("De controle lukte niet. Je kunt het formulier toch versturen."),
        "reload": _("Opnieuw"),
        "cancel": _("Annuleren"),
        "enterCode": _("Vul de code in"),
        "enterCodeAria": _("Vul de code in die je hoort. Druk op de spatiebalk om het geluid af te spelen."),
        "enterCodeFromImage": _("Vul de code uit het plaatje hieronder in om verder te gaan."),
        "getAudioChallenge": _("Laat de code horen"),
        "ariaLinkLabel": "ALTCHA",
        "footer": "",
    }


@register.inclusion_tag("forum/_challenge_widget.html")
def challenge_widget(action: str) -> dict:
    return {"action": action, "strings": widget_strings()}
