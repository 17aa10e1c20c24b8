from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("Moderatie")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate, post_save

        from forum.signals import member_deleting, post_reported, post_submitted
        from moderation import receivers, roles

        # After every migrate (and every flush of a test database), the groups are back in place.
        post_migrate.connect(roles._after_migrate, sender=self, dispatch_uid="moderation.roles")

        post_submitted.connect(
            receivers.screen_submitted_post, dispatch_uid="moderation.screen_submitted_post"
        )
        post_reported.connect(receivers.review_reported_post, dispatch_uid="moderation.review_reported_post")
        member_deleting.connect(receivers.forget_member, dispatch_uid="moderation.forget_member")
        post_save.connect(
            receivers.announce_review_change, sender="moderation.Review", dispatch_uid="moderation.live_queue"
        )
