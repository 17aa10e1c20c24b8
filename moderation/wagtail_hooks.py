"""The moderators' place in the Wagtail admin: menu items with live counts, and the URLs."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.site_summary import SummaryItem

from moderation import selectors, urls


@hooks.register("register_admin_urls")
def register_admin_urls():  # type: ignore[no-untyped-def]
    return [path("moderatie/", include(urls, namespace="moderation"))]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request) -> bool:  # type: ignore[no-untyped-def]
        return request.user.has_perm("moderation.moderate")


class QueueMenuItem(ModeratorMenuItem):
    """The queue's menu item says how many items wait, and how many are urgent."""

    def render_component(self, request):  # type: ignore[no-untyped-def]
        counts = selectors.queue_counts()
        waiting = counts["open"] + counts["escalated"]
        label = _("Wachtrij (%(n)d)") % {"n": waiting}
        if counts["urgent"]:
            label = _("Wachtrij (%(n)d, %(u)d urgent)") % {"n": waiting, "u": counts["urgent"]}
        component = super().render_component(request)
        component.label = label
        return component


class ModerationMenu(SubmenuMenuItem):
    def is_shown(self, request) -> bool:  # type: ignore[no-untyped-def]
        return request.user.has_perm("moderation.moderate")


@hooks.register("register_admin_menu_item")
def register_moderation_menu():  # type: ignore[no-untyped-def]
    menu = Menu(
        items=[
            QueueMenuItem(
                gettext_lazy("Wachtrij"),
                reverse("moderation:queue"),
                name="wachtrij",
                icon_name="warning",
                order=1,
            ),
            ModeratorMenuItem(
                gettext_lazy("Logboek"),
                reverse("moderation:audit"),
                name="logboek",
                icon_name="history",
                order=2,
            ),
            ModeratorMenuItem(
                gettext_lazy("Cijfers"),
                reverse("moderation:figures"),
                name="cijfers",
                icon_name="table",
                order=3,
            ),
            ModeratorMenuItem(
                gettext_lazy("Voorkeuren"),
                reverse("moderation:preferences"),
                name="voorkeuren",
                icon_name="cog",
                order=4,
            ),
        ]
    )
    return ModerationMenu(gettext_lazy("Moderatie"), menu, name="moderatie", icon_name="warning", order=50)


class QueueSummaryItem(SummaryItem):
    """The moderator's admin home starts with the queue: urgent waiting, the oldest wait, my claims."""

    order = 10
    template_name = "moderation/home_summary.html"

    def get_context_data(self, parent_context):  # type: ignore[no-untyped-def]
        return {"summary": selectors.queue_summary(moderator=self.request.user)}

    def is_shown(self) -> bool:
        return self.request.user.has_perm("moderation.moderate")


@hooks.register("construct_homepage_summary_items", order=1000)  # after images and documents add theirs
def moderator_home_summary(request, summary_items):  # type: ignore[no-untyped-def]
    if not request.user.has_perm("moderation.moderate"):
        return
    if not user_has_any_page_permission(request.user):
        # A moderator does not work with images or documents: the queue is what they came for.
        summary_items[:] = []
    summary_items.append(QueueSummaryItem(request))
