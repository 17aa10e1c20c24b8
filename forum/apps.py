from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Forum")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from forum.models import Member, Post, Reaction

        # A member's own posts and reactions, as kept for their topic pages (forum.fragments), go stale
        # whenever one of them is saved or deleted, whichever service or admin action did it.
        for signal in (post_save, post_delete):
            signal.connect(_post_changed, sender=Post, dispatch_uid="forum-member-post")
            signal.connect(_reaction_changed, sender=Reaction, dispatch_uid="forum-member-reaction")
            # The logged-in member's account, as kept by forum.auth, goes stale with every change of it
            # (a block, a time-out, a new password, the admin) and when it is deleted.
            signal.connect(_account_changed, sender=Member, dispatch_uid="forum-member-account")


def _post_changed(instance: Any, **kwargs: Any) -> None:
    from forum.fragments import member_version_bump

    if instance.author_id is not None:
        member_version_bump(member_id=instance.author_id)


def _reaction_changed(instance: Any, **kwargs: Any) -> None:
    from forum.fragments import member_version_bump

    member_version_bump(member_id=instance.member_id)


def _account_changed(instance: Any, **kwargs: Any) -> None:
    from forum.auth import account_version_bump

    account_version_bump(member_id=instance.pk)
