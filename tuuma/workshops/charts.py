"""Server-rendered SVG charts; every chart is shown with its data table too."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from tuuma.workshops.results import Row

BAR_HEIGHT, GAP, LABEL_WIDTH, WIDTH = 28, 8, 0, 600


def _short(text: str, length: int = 48) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def bar_chart(rows: list[Row], limit: int = 12) -> SafeString:
    """Horizontal bars, best first; labels sit above the bars so they fit a phone."""
    rows = rows[:limit]
    top = max([r.score for r in rows] + [1])
    step = BAR_HEIGHT * 2 + GAP
    height = step * max(len(rows), 1)
    bars = format_html_join(
        "",
        '<text x="0" y="{}" class="ws-chart-label">{}</text>'
        '<rect x="0" y="{}" width="{}" height="{}" class="ws-chart-bar"></rect>'
        '<text x="{}" y="{}" class="ws-chart-value">{}</text>',
        (
            (
                i * step + 16,
                _short(r.label),
                i * step + 22,
                max(2, int((WIDTH - 60) * r.score / top)),
                BAR_HEIGHT,
                max(2, int((WIDTH - 60) * r.score / top)) + 6,
                i * step + 22 + BAR_HEIGHT - 8,
                r.score,
            )
            for i, r in enumerate(rows)
        ),
    )
    return format_html(
        '<svg class="ws-chart" viewBox="0 0 {} {}" role="img" aria-hidden="true" '
        'focusable="false">{}</svg>',
        WIDTH,
        height,
        bars,
    )


def matrix_chart(rows: list[Row]) -> SafeString:
    """Impact (up) against effort (right) on 1–5 scales, four quadrants."""
    size, pad = 400, 40
    inner = size - 2 * pad

    def x(effort: float) -> float:
        return pad + inner * (effort - 1) / 4

    def y(impact: float) -> float:
        return pad + inner * (5 - impact) / 4

    dots = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="7" class="ws-chart-dot"></circle>'
        '<text x="{}" y="{}" class="ws-chart-small">{}</text>',
        (
            (x(r.effort), y(r.impact), x(r.effort) + 9, y(r.impact) + 4, n + 1)
            for n, r in enumerate(rows)
            if r.impact is not None
        ),
    )
    frame = mark_safe(  # noqa: S308 - constant markup
        f'<rect x="{pad}" y="{pad}" width="{inner}" height="{inner}" class="ws-chart-frame"></rect>'
        f'<line x1="{size / 2}" y1="{pad}" x2="{size / 2}" y2="{size - pad}" class="ws-chart-axis"></line>'
        f'<line x1="{pad}" y1="{size / 2}" x2="{size - pad}" y2="{size / 2}" class="ws-chart-axis"></line>'
    )
    return format_html(
        '<svg class="ws-chart ws-matrix" viewBox="0 0 {} {}" role="img" aria-hidden="true" '
        'focusable="false">{}{}</svg>',
        size,
        size,
        frame,
        dots,
    )
