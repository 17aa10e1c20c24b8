"""The texts the chat's JavaScript shows, translated on the server (passed with json_script)."""

from __future__ import annotations

from django.utils.translation import gettext as _


def client_texts() -> dict[str, str]:
    return {
        "position": _("Je bent nummer %(n)s in de rij."),
        "wait": _("Je wacht ongeveer %(n)s minuten."),
        "waitOne": _("Je bent bijna aan de beurt."),
        "waitUnknown": _("Er is nu nog geen vrijwilliger beschikbaar. Blijf gerust wachten."),
        "offered": _("Er is een vrijwilliger voor je gevonden. Nog even geduld…"),
        "typing": _("%(who)s typt…"),
        "sending": _("wordt verstuurd"),
        "tooLong": _(
            "Je bericht is te lang: %(n)s tekens, en er passen er %(max)s in één bericht. "
            "Verstuur het in delen; je tekst staat er nog."
        ),
        "lost": _("De verbinding is verbroken. We proberen opnieuw te verbinden…"),
        "back": _("Je bent weer verbonden."),
        "ended": _("Het gesprek is afgelopen."),
        "endedByOther": _("Het gesprek is afgelopen. Vul de registratie in via je overzicht."),
        "changed": _("Er is iets veranderd in je overzicht."),
        "offer": _("Er is een gesprek aan je aangeboden."),
    }
