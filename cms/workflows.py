"""What happens when a page's review is finished. Loaded while Wagtail's models load: no model imports."""

from __future__ import annotations

from typing import Any


def workflow_state_publish(workflow_state: Any, user: Any = None) -> None:
    """Publish what a finished workflow approved (settings.WAGTAIL_FINISH_WORKFLOW_ACTION).

    The approval is the authorisation: editors may not publish by themselves, so the approving
    editor's own publish permission is not asked for (Wagtail's default action would ask).
    """
    workflow_state.content_object.get_latest_revision().publish(user=user, skip_permission_checks=True)
