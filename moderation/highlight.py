"""Showing a moderator what the filter found: the original with each finding marked and named."""

from __future__ import annotations

from typing import Any

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from moderation.findings import finding_view


def highlight(text: str, findings: list[dict[str, Any]]) -> SafeString:
    """`text` as HTML with every finding wrapped in a <mark> naming its kind in Dutch (how it was
    found and how sure, as a tooltip).

    Findings are offsets into `text`. Of overlapping ones the most precise (shortest) is marked: a
    name or a combination's part inside a sentence the model read as a whole stays visible (the
    model's reading is shown beside the text as well).
    """
    chosen: list[tuple[int, int, dict[str, Any]]] = []
    for finding in sorted(findings, key=lambda f: (f["end"] - f["start"], f["start"])):
        start, end = max(finding["start"], 0), min(finding["end"], len(text))
        if start < end and all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, finding))
    parts: list[str] = []
    last = 0
    for start, end, finding in sorted(chosen, key=lambda c: c[0]):
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
