"""Template filters that put the filter's vocabulary into plain Dutch (see moderation.findings)."""

from __future__ import annotations

from typing import Any

from django import template

from moderation.findings import decision_label, finding_type, finding_view

register = template.Library()


@register.filter
def finding_label(key: str) -> str:
    return str(finding_type(key).label)


@register.filter
def finding_is_urgent(key: str) -> bool:
    return finding_type(key).urgent


@register.filter
def decision_word(decision: str) -> str:
    return decision_label(decision)


@register.filter
def findings_readable(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A screening's findings, one line per type (the first of each), for the item page."""
    seen: dict[str, dict[str, Any]] = {}
    for finding in findings:
        seen.setdefault(str(finding.get("type")), finding_view(finding))
    return list(seen.values())


@register.simple_tag
def render_chart(chart):  # type: ignore[no-untyped-def]
    from moderation.charts import chart_render

    return chart_render(chart)
