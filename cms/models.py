"""Pages editors publish with Wagtail."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from forum.selectors import boards_overview


class HomePage(Page):
    """The front page: what Praatplein is, the boards, and the way to a volunteer."""

    intro = models.CharField(_("introductie"), max_length=250, blank=True)
    body = RichTextField(_("tekst"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("homepagina")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["boards"] = boards_overview()
        return context
