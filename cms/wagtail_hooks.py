"""Admin hooks: the accessibility and content checks editors see in the editor and on the page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem


class PraatpleinContentChecker(ContentCheckerItem):
    """Wagtail's checks plus a few WCAG 2.1 AA rules that matter on a site for young readers."""

    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",
        "color-contrast",
        "link-in-text-block",
        "list",
        "listitem",
        "duplicate-id-aria",
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": _("Afbeelding zonder alt-tekst"),
            "help_text": _("Beschrijf wat er te zien is, of vink 'decoratief' aan."),
        },
        "color-contrast": {
            "error_name": _("Te weinig contrast"),
            "help_text": _("Tekst moet goed leesbaar zijn op de achtergrond."),
        },
        "heading-order": {
            "error_name": _("Koppen slaan een niveau over"),
            "help_text": _("Gebruik kop 2 voor kop 3; sla geen niveau over."),
        },
    }


@hooks.register("construct_wagtail_userbar")
def use_praatplein_content_checker(request: HttpRequest, items: list[Any], page: Any = None) -> None:
    for position, item in enumerate(items):
        # Wagtail 8 still adds its (deprecated) AccessibilityItem, a ContentCheckerItem subclass.
        if isinstance(item, ContentCheckerItem) and not isinstance(item, PraatpleinContentChecker):
            items[position] = PraatpleinContentChecker()
