"""Pages editors publish with Wagtail, the site's help settings, and the second-editor review task."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TaskState
from wagtail.models.workflows import AbstractGroupApprovalTask
from wagtail.search import index

from cms.blocks import CrisisLineBlock, OpeningHoursBlock, RulesBodyBlock, TopicBodyBlock


class HomePage(Page):
    """The front page: what Praatplein is, the boards, the way to a volunteer and the rules."""

    intro = models.CharField(_("introductie"), max_length=250, blank=True)
    body = RichTextField(_("tekst"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.TopicIndexPage", "cms.RulesPage"]

    class Meta:
        verbose_name = _("homepagina")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from cms.selectors import home_overview

        context = super().get_context(request, *args, **kwargs)
        context.update(home_overview(home=self))
        return context


class TopicIndexPage(Page):
    """The list of information pages ("Informatie")."""

    intro = models.TextField(_("introductie"), max_length=400, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.TopicPage"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("overzicht van informatie")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["topic_pages"] = TopicPage.objects.child_of(self).live().public().specific().order_by("path")
        return context


class TopicPage(Page):
    """Information about one subject (bullying, home, love…), with the forum boards on the same subject."""

    intro = models.TextField(
        _("samenvatting"),
        max_length=300,
        help_text=_("Eén of twee zinnen. Staat in de lijst en in de zoekresultaten."),
    )
    body = StreamField(TopicBodyBlock(), verbose_name=_("inhoud"), blank=True)
    boards = ParentalManyToManyField(
        "forum.Board",
        verbose_name=_("fora over dit onderwerp"),
        related_name="information_pages",
        blank=True,
        help_text=_("Deze pagina linkt naar deze fora, en die fora linken terug naar deze pagina."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("boards", widget=forms.CheckboxSelectMultiple),
    ]
    parent_page_types = ["cms.TopicIndexPage"]
    subpage_types: list[str] = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("informatiepagina")
        verbose_name_plural = _("informatiepagina's")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from cms.selectors import page_boards

        context = super().get_context(request, *args, **kwargs)
        context["related_boards"] = page_boards(page=self)
        return context


class RulesPage(Page):
    """The forum rules, in plain Dutch."""

    intro = models.TextField(_("introductie"), max_length=400, blank=True)
    body = StreamField(RulesBodyBlock(), verbose_name=_("regels"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    max_count = 1
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("forumregels")
        verbose_name_plural = _("forumregels")

    def rule_titles(self) -> list[str]:
        """The rules in one line each, in the order editors put them."""
        return [block.value["title"] for block in self.body if block.block_type == "rule"]


@register_setting(icon="help")
class HelpSettings(BaseSiteSetting):
    """Crisis numbers and the chat's opening hours, shown wherever they appear on the site."""

    crisis_lines = StreamField(
        [("line", CrisisLineBlock())],
        verbose_name=_("hulplijnen"),
        blank=True,
        help_text=_("Staan onderaan elke pagina. Leeg: dan tonen we 113 Zelfmoordpreventie en 112."),
    )
    opening_hours = StreamField(
        [("hours", OpeningHoursBlock())],
        verbose_name=_("openingstijden van de chat"),
        blank=True,
        help_text=_("Eén regel per dagdeel. Leeg: elke dag van 14:00 tot 21:00."),
    )

    panels = [
        HelpPanel(content=_("Wijzigingen staan meteen op de hele site.")),
        MultiFieldPanel([FieldPanel("crisis_lines")], heading=_("Hulplijnen")),
        MultiFieldPanel([FieldPanel("opening_hours")], heading=_("Chat")),
    ]

    class Meta:
        verbose_name = _("hulp en chat")


@receiver([post_save, post_delete], sender=HelpSettings)
def _help_settings_changed(**kwargs: Any) -> None:
    from cms.help import help_cache_clear
    from cms.receivers import help_settings_changed

    help_cache_clear()
    help_settings_changed()


class SecondEditorApprovalTask(AbstractGroupApprovalTask):
    """Approval by a member of the chosen groups who did not write the changes: four eyes."""

    class Meta:
        verbose_name = _("goedkeuring door een tweede redacteur")
        verbose_name_plural = _("goedkeuringen door een tweede redacteur")

    @classmethod
    def get_description(cls) -> str:
        return str(_("Een andere redacteur dan de schrijver keurt de wijzigingen goed."))

    @staticmethod
    def user_wrote_changes(obj: Any, user: Any) -> bool:
        """True if `user` asked for this review or saved a revision of `obj` that is under review."""
        state = getattr(obj, "current_workflow_state", None)
        if state is None or not user.is_authenticated:
            return False
        if state.requested_by_id == user.pk:
            return True
        task_state = state.current_task_state
        if task_state is not None and task_state.revision.user_id == user.pk:
            return True
        return obj.revisions.filter(user=user, created_at__gte=state.created_at).exists()

    def get_actions(self, obj: Any, user: Any) -> list[tuple[str, str, bool]]:
        if self.user_wrote_changes(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state: TaskState, user: Any, action_name: str, **kwargs: Any) -> None:
        if action_name == "approve" and self.user_wrote_changes(
            task_state.workflow_state.content_object, user
        ):
            raise PermissionDenied
        super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user: Any, **kwargs: Any) -> models.QuerySet[TaskState]:
        return (
            super()
            .get_task_states_user_can_moderate(user, **kwargs)
            .exclude(workflow_state__requested_by=user)
        )
