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


@hooks.register("after_edit_page")
def say_what_the_workflow_action_did(request: HttpRequest, page: Any) -> None:
    """After approving or rejecting from the edit page, Wagtail only says the page "is gewijzigd";
    the editor should read what happened: live now, or back to its writer."""
    from django.contrib import messages
    from django.utils.translation import gettext

    action = request.POST.get("workflow-action-name")
    if action not in ("approve", "reject"):
        return
    title = page.get_admin_display_title()
    page.refresh_from_db(fields=["live", "has_unpublished_changes"])
    if action == "approve" and page.live and not page.has_unpublished_changes:
        text = gettext("Goedgekeurd: „%(title)s” staat nu online.") % {"title": title}
    elif action == "approve":
        text = gettext("Goedgekeurd: „%(title)s” gaat naar de volgende stap.") % {"title": title}
    else:
        text = gettext("Afgekeurd: „%(title)s” gaat terug naar de schrijver, met je opmerking.") % {
            "title": title
        }
    # Wagtail's own "gewijzigd" message for this page is replaced; any other message stays.
    kept = [
        m for m in messages.get_messages(request) if not (m.level == messages.SUCCESS and title in str(m))
    ]
    for message in kept:
        messages.add_message(request, message.level, message.message, extra_tags=message.extra_tags)
    messages.success(request, text)
