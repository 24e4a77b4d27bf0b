"""Server-rendered SVG bar charts; every chart is shown with its data table."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from tuuma.hearings.results import Row

BAR_HEIGHT, GAP, WIDTH = 24, 6, 600


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def bar_chart(rows: list[Row]) -> SafeString:
    """Horizontal bars in the options' order, labels above the bars (phones).

    The SVG is hidden from screen readers: the table next to it says the same."""
    top = max([r.count for r in rows] + [1])
    step = BAR_HEIGHT * 2 + GAP
    bars = format_html_join(
        "",
        '<text x="0" y="{}" class="hr-chart-label">{}</text>'
        '<rect x="0" y="{}" width="{}" height="{}" class="hr-chart-bar"></rect>'
        '<text x="{}" y="{}" class="hr-chart-value">{} ({} %)</text>',
        (
            (
                i * step + 16,
                _short(r.label),
                i * step + 22,
                max(2, int((WIDTH - 120) * r.count / top)),
                BAR_HEIGHT,
                max(2, int((WIDTH - 120) * r.count / top)) + 6,
                i * step + 22 + BAR_HEIGHT - 7,
                r.count,
                r.percent,
            )
            for i, r in enumerate(rows)
        ),
    )
    return format_html(
        '<svg class="hr-chart" viewBox="0 0 {} {}" role="img" aria-hidden="true" '
        'focusable="false">{}</svg>',
        WIDTH,
        step * max(len(rows), 1),
        bars,
    )
