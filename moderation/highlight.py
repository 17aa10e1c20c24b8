"""Showing a moderator what the filter found: the original with each finding marked and named."""

from __future__ import annotations

from typing import Any

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from moderation.findings import finding_view


def highlight(text: str, findings: list[dict[str, Any]]) -> SafeString:
    """`text` as HTML with every finding wrapped in a <mark> naming its kind in Dutch (how it was
    found and how sure, as a tooltip).

    Findings are offsets into `text`; overlapping ones are shown once (the first).
    """
    parts: list[str] = []
    last = 0
    for finding in sorted(findings, key=lambda f: (f["start"], -f["end"])):
        start, end = max(finding["start"], 0), min(finding["end"], len(text))
        if start < last or start >= end:
            continue
        parts.append(escape(text[last:start]))
        view = finding_view(finding)
        parts.append(
            format_html(
                '<mark class="finding" data-type="{}" title="{} · {}">{}<span class="finding-type">{}</span></mark>',
                finding["type"],
                view["label"],
                view["detail"],
                text[start:end],
                view["label"],
            )
        )
        last = end
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 (every piece above is escaped)
