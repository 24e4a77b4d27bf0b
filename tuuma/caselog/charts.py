"""Small server-rendered SVG charts (no JavaScript, no inline styles).

Every chart has a <title> and <desc> and is drawn with presentation attributes
and CSS classes from ``caselog.css``; the pages show a table beside it.
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from tuuma.caselog.formatting import number

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 624, 30, 212


@dataclass
class Bar:
    label: str
    value: float
    tooltip: str
    css: str = "bar"


def _scale(value: float, high: float) -> float:
    high = high or 1.0
    return round(BOTTOM - (value / high) * (BOTTOM - TOP), 1)


def _frame(chart_id: str, title: str, desc: str, body: SafeString) -> SafeString:
    return format_html(
        '<svg class="chart-svg" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="{}-title {}-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        WIDTH,
        HEIGHT,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        desc,
        body,
    )


def _axis(high: float, unit: str) -> SafeString:
    ticks = []
    for step in range(5):
        value = high * step / 4
        y = _scale(value, high)
        ticks.append(
            format_html(
                '<line class="grid" x1="{}" x2="{}" y1="{}" y2="{}"/>'
                '<text class="tick" x="{}" y="{}" text-anchor="end">{}</text>',
                LEFT,
                RIGHT,
                y,
                y,
                LEFT - 6,
                y + 4,
                number(value, 0 if high >= 10 else 1),
            )
        )
    ticks.append(format_html('<text class="tick" x="{}" y="{}">{}</text>', 4, 14, unit))
    return mark_safe("".join(ticks))  # noqa: S308 - parts are escaped above


def _x_labels(labels: list[str], xs: list[float]) -> SafeString:
    every = max(1, len(labels) // 8)
    return format_html_join(
        "",
        '<text class="tick" x="{}" y="{}" text-anchor="middle">{}</text>',
        (
            (x, BOTTOM + 18, label)
            for i, (label, x) in enumerate(zip(labels, xs, strict=True))
            if i % every == 0
        ),
    )


def bar_chart(
    chart_id: str,
    bars: list[Bar],
    *,
    title: str,
    desc: str,
    unit: str,
    x_unit: str = "",
) -> SafeString:
    if not bars:
        return _frame(chart_id, title, desc, mark_safe(""))
    high = max(b.value for b in bars) or 1.0
    slot = (RIGHT - LEFT) / len(bars)
    width = max(slot * 0.8, 1.0)
    rects, xs = [], []
    for i, bar in enumerate(bars):
        x = LEFT + i * slot + (slot - width) / 2
        y = _scale(bar.value, high)
        xs.append(round(x + width / 2, 1))
        rects.append(
            format_html(
                '<rect class="{}" x="{}" y="{}" width="{}" height="{}">'
                "<title>{}</title></rect>",
                bar.css,
                round(x, 1),
                y,
                round(width, 1),
                round(BOTTOM - y, 1),
                bar.tooltip,
            )
        )
    body = (
        _axis(high, unit)
        + mark_safe("".join(rects))  # noqa: S308 - escaped by format_html
        + _x_labels([b.label for b in bars], xs)
        + format_html(
            '<text class="tick" x="{}" y="{}" text-anchor="end">{}</text>',
            RIGHT,
            BOTTOM + 38,
            x_unit,
        )
    )
    return _frame(chart_id, title, desc, body)


def line_chart(
    chart_id: str,
    points: list[tuple[str, float | None, str]],
    *,
    title: str,
    desc: str,
    unit: str,
    marker: int | None = None,
) -> SafeString:
    """A line of (label, value, tooltip); ``marker`` marks a point's index."""
    present = [p for p in points if p[1] is not None]
    if not present:
        return _frame(chart_id, title, desc, mark_safe(""))
    high = max(p[1] for p in present) or 1.0
    step = (RIGHT - LEFT) / max(len(points) - 1, 1)
    xs = [round(LEFT + i * step, 1) for i in range(len(points))]
    coordinates = [
        (x, _scale(value, high), tooltip)
        for x, (_label, value, tooltip) in zip(xs, points, strict=True)
        if value is not None
    ]
    line = " ".join(f"{x},{y}" for x, y, _t in coordinates)
    dots = format_html_join(
        "",
        '<circle class="point" cx="{}" cy="{}" r="4"><title>{}</title></circle>',
        coordinates,
    )
    mark = mark_safe("")
    if marker is not None and 0 <= marker < len(xs):
        mark = format_html(
            '<line class="marker" x1="{}" x2="{}" y1="{}" y2="{}"/>',
            xs[marker],
            xs[marker],
            TOP,
            BOTTOM,
        )
    body = (
        _axis(high, unit)
        + mark
        + format_html('<polyline class="line" points="{}"/>', line)
        + dots
        + _x_labels([p[0] for p in points], xs)
    )
    return _frame(chart_id, title, desc, body)


def hbar_chart(
    chart_id: str, bars: list[Bar], *, title: str, desc: str, unit: str
) -> SafeString:
    """Horizontal bars with their labels on the left, for long names."""
    label_width, right, row, top = 260, WIDTH - 70, 26, 30
    high = max((b.value for b in bars), default=0.0) or 1.0

    def parts(index: int, bar: Bar) -> tuple:
        y = top + index * row
        width = max(round((right - label_width) * bar.value / high, 1), 1)
        label = bar.label if len(bar.label) <= 36 else bar.label[:35] + "…"
        return (
            label_width - 8,
            y + 15,
            label,
            bar.css,
            label_width,
            y + 3,
            width,
            row - 8,
            bar.tooltip,
            label_width + width + 4,
            y + 15,
            number(bar.value, 1),
        )

    rows = format_html_join(
        "",
        '<text class="tick" x="{}" y="{}" text-anchor="end">{}</text>'
        '<rect class="{}" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>'
        '<text class="tick" x="{}" y="{}">{}</text>',
        (parts(i, bar) for i, bar in enumerate(bars)),
    )
    unit_label = format_html(
        '<text class="tick" x="{}" y="{}">{}</text>', label_width, 16, unit
    )
    return format_html(
        '<svg class="chart-svg" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="{}-title {}-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}{}</svg>',
        WIDTH,
        top + row * len(bars),
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        desc,
        unit_label,
        rows,
    )
