"""Small server-drawn SVG bar charts with a text alternative and a data table.

A chart is data for ``web/_bar_chart.html``: the SVG is named by its title and
a one-sentence summary (``desc``), and the same figures follow as a table, so
nothing is only in the picture. Bars are coloured by CSS classes (the CSP
forbids inline styles); positions are SVG attributes in a 400-unit-wide
viewBox that scales with the page, label above bar, so a phone reads it too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from tuuma.lib.formatting import Number, format_number, sample_size

WIDTH = 400
BAR_SPACE = 300  # the longest bar; the value is written after it
ROW_HEIGHT = 40
LABEL_CHARS = 48


@dataclass(frozen=True)
class Bar:
    label: str
    short_label: str
    value: Number
    text: str
    length: float
    y: int


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    label_heading: str
    value_heading: str
    bars: list[Bar]
    summary: str
    sample: str
    height: int


def bar_chart(
    *,
    chart_id: str,
    title: str,
    rows: Sequence[tuple[str, Number]],
    label_heading: str,
    value_heading: str,
    value_text: Callable[[Number], str] = format_number,
    n: int | None = None,
) -> BarChart:
    """One bar per (label, value) row, scaled to the largest value."""
    largest = max((value for _label, value in rows), default=0) or 1
    bars = [
        Bar(
            label=label,
            short_label=label if len(label) <= LABEL_CHARS else label[:47] + "…",
            value=value,
            text=value_text(value),
            length=round(BAR_SPACE * value / largest, 1) if value > 0 else 0,
            y=index * ROW_HEIGHT,
        )
        for index, (label, value) in enumerate(rows)
    ]
    return BarChart(
        id=chart_id,
        title=title,
        label_heading=label_heading,
        value_heading=value_heading,
        bars=bars,
        summary=_summary(bars),
        sample=sample_size(n) if n is not None else "",
        height=max(len(bars), 1) * ROW_HEIGHT,
    )


def _summary(bars: list[Bar]) -> str:
    """The text alternative: what the picture says in a sentence."""
    if not bars or all(bar.value == 0 for bar in bars):
        return _("No data yet.")
    top = max(bars, key=lambda bar: bar.value)
    return _("%(count)s bars; the largest is %(label)s: %(value)s.") % {
        "count": format_number(len(bars)),
        "label": top.label,
        "value": top.text,
    }
