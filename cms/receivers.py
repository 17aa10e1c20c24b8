"""What makes the page cache (config.page_cache) stale: editors' publications and the forum's changes."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from config.page_cache import page_cache_bump
from forum.models import Board
from forum.signals import forum_changed


def _after_commit(**bump: bool) -> None:
    # Now, for what this transaction renders itself, and again after the commit: in between, another
    # request could still render the old content under the new version and keep it in the cache.
    page_cache_bump(**bump)
    transaction.on_commit(lambda: page_cache_bump(**bump))


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_changed(**kwargs: Any) -> None:
    _after_commit(pages=True)


@receiver(post_delete)
def _page_deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        _after_commit(pages=True)


@receiver([post_save, post_delete], sender=Site)
@receiver([post_save, post_delete], sender=PageViewRestriction)
@receiver([post_save, post_delete], sender=SearchPromotion)
def _site_changed(**kwargs: Any) -> None:
    _after_commit(pages=True)


@receiver(forum_changed)
@receiver([post_save, post_delete], sender=Board)
def _forum_changed(**kwargs: Any) -> None:
    _after_commit(forum=True)


def help_settings_changed() -> None:
    """The crisis numbers and opening hours are on every page, forum pages included."""
    _after_commit(forum=True, pages=True)
