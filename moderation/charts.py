"""Bar charts drawn on the server as SVG: a title, labelled axes, a value on every bar and a legend.

Bars run horizontally, one row per label, so long Dutch labels stay readable on a 375 px screen
(the drawing is 360 units wide and scales down no further than that on a phone). The same rows,
in the same order, follow as a table for screen readers and for copying; the SVG itself is
`aria-hidden`, and the figure is named by its caption.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.formats import number_format
from django.utils.safestring import SafeString

WIDTH = 360
LABEL_WIDTH = 130
ROW = 22
BAR = 14
TOP = 24  # above the bars: the rows' name, then one legend line per series
LEGEND_LINE = 16
BOTTOM = 44
COLOURS = ("#5b2a86", "#b4121b", "#1d5e2f")  # each at least 4.5:1 on white


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float]


@dataclass
class Chart:
    """One chart: `labels` down the side, one bar per series for each label."""

    key: str
    title: str
    x_label: str  # what the bars measure, with its unit
    y_label: str  # what the rows are
    labels: list[str]
    series: list[Series]
    note: str = ""
    decimals: int = 0
    has_data: bool | None = None  # when zeros are real measurements (a wait of 0 minutes), say so
    rows: list[dict] = field(default_factory=list)
    ticks: list[dict] = field(default_factory=list)
    height: int = 0
    legend: list[dict] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        if self.has_data is not None:
            return not self.has_data
        return not any(v for s in self.series for v in s.values)


def _nice_top(value: float) -> float:
    if value <= 0:
        return 1
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 4:
            return step * 4 if value > step * 2 else step * 2
    return value


def _format(value: float, decimals: int) -> str:
    return number_format(value, decimals, force_grouping=True)


def chart_layout(chart: Chart) -> Chart:
    """Work out every coordinate once, so the template only places them."""
    top = _nice_top(max((v for s in chart.series for v in s.values), default=0))
    plot = WIDTH - LABEL_WIDTH - 44
    per_label = len(chart.series)
    top_y = TOP + LEGEND_LINE * len(chart.series) + 6
    group = per_label * BAR + (ROW - BAR)
    chart.rows = []
    for i, label in enumerate(chart.labels):
        y = top_y + i * group
        bars = []
        for j, series in enumerate(chart.series):
            value = series.values[i]
            width = round(plot * value / top, 1)
            bars.append(
                {
                    "y": y + j * BAR,
                    "width": width,
                    "colour": COLOURS[j % len(COLOURS)],
                    "text": _format(value, chart.decimals),
                    "text_x": LABEL_WIDTH + width + 4,
                }
            )
        chart.rows.append(
            {
                "label": label,
                "short": label if len(label) <= 21 else label[:20] + "…",
                "y": y + per_label * BAR / 2 + 4,
                "bars": bars,
                "values": [_format(s.values[i], chart.decimals) for s in chart.series],
            }
        )
    axis_y = top_y + len(chart.labels) * group
    steps = int(top) if top <= 4 and top == int(top) else 4  # whole numbers on a small axis
    chart.ticks = [
        {
            "x": LABEL_WIDTH + plot * k / steps,
            "text": _format(top * k / steps, 0 if top >= 4 or steps == top else 1),
        }
        for k in range(steps + 1)
    ]
    chart.height = axis_y + BOTTOM
    chart.legend = [
        {"name": s.name, "colour": COLOURS[j % len(COLOURS)], "y": TOP + j * LEGEND_LINE}
        for j, s in enumerate(chart.series)
    ]
    chart.axis_y = axis_y  # type: ignore[attr-defined]
    chart.plot_top = top_y - 4  # type: ignore[attr-defined]
    return chart


def chart_render(chart: Chart) -> SafeString:
    return render_to_string(
        "moderation/_chart.html",
        {"c": chart_layout(chart), "width": WIDTH, "label_width": LABEL_WIDTH},
    )
