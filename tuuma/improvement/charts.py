"""Geometry of the server-rendered SVG charts; templates draw them, no JavaScript.

Every chart comes with a data table on the page, so the numbers are readable
without the picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Point:
    x: float
    y: float
    label: str
    title: str
    radius: float = 6.0


@dataclass
class Scatter:
    """A square scatter plot with optional cut-off lines and quadrant names."""

    x_label: str
    y_label: str
    low: float
    high: float
    cutoff_x: float
    cutoff_y: float
    size: int = 320
    margin: int = 44
    points: list[Point] = field(default_factory=list)
    ticks: list[dict] = field(default_factory=list)
    quadrants: list[dict] = field(default_factory=list)
    cut_x: float = 0.0
    cut_y: float = 0.0

    @property
    def width(self) -> int:
        return self.size + self.margin + 12

    @property
    def height(self) -> int:
        return self.size + self.margin + 12

    @property
    def plot_end(self) -> int:
        return self.margin + self.size

    def px(self, value: float) -> float:
        span = self.high - self.low
        return round(self.margin + (value - self.low) / span * self.size, 1)

    def py(self, value: float) -> float:
        span = self.high - self.low
        return round(12 + (self.high - value) / span * self.size, 1)


def scatter(
    *,
    x_label: str,
    y_label: str,
    low: float,
    high: float,
    cutoff: float,
    step: float,
    rows: list[tuple[float, float, str, str, float]],
    quadrant_names: tuple[str, str, str, str],
) -> Scatter:
    """``rows``: (x, y, short label, hover title, radius); quadrant names in the
    order top-left, top-right, bottom-left, bottom-right."""
    chart = Scatter(x_label, y_label, low, high, cutoff, cutoff)
    chart.cut_x, chart.cut_y = chart.px(cutoff), chart.py(cutoff)
    value = low
    while value <= high + 1e-9:
        chart.ticks.append(
            {"label": f"{value:g}", "x": chart.px(value), "y": chart.py(value)}
        )
        value += step
    chart.points = [
        Point(chart.px(x), chart.py(y), label, title, radius)
        for x, y, label, title, radius in rows
    ]
    left, right = (chart.px(low) + chart.cut_x) / 2, (chart.cut_x + chart.plot_end) / 2
    top, bottom = (chart.py(high) + chart.cut_y) / 2, (chart.cut_y + chart.py(low)) / 2
    chart.quadrants = [
        {"x": x, "y": y, "name": name}
        for (x, y), name in zip(
            [(left, top), (right, top), (left, bottom), (right, bottom)],
            quadrant_names,
            strict=True,
        )
    ]
    return chart


CATEGORY_CLASSES = {
    "A": "k-a",
    "O": "k-o",
    "M": "k-m",
    "I": "k-i",
    "R": "k-r",
    "Q": "k-q",
}


def category_bars(counts: dict[str, int], width: int = 300) -> list[dict]:
    """Segments of one horizontal 100 % bar of category shares."""
    n = sum(counts.values())
    x = 0.0
    bars = []
    for category, count in counts.items():
        if not n or not count:
            continue
        w = round(count / n * width, 1)
        bars.append(
            {
                "x": x,
                "width": w,
                "category": category,
                "count": count,
                "css": CATEGORY_CLASSES[category],
            }
        )
        x += w
    return bars
