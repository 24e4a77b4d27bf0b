"""The two-axis time line of a service area: productivity and working life.

The productivity index (left axis, scaled to its years' range) and the
working-life index (right axis, 0–100) by year, with the years in which a
measure of the programme started marked. Drawn as SVG like ``tuuma.web.charts``
(a 400-unit viewBox that scales to a phone, colours from CSS classes because
the CSP forbids inline styles); a one-sentence text alternative names the first
and last values, and the page's table beside it carries every figure. A year
whose working-life figure is hidden (under five answers) is a gap in its line.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from tuuma.lib.formatting import format_number

LEFT, RIGHT, TOP, BOTTOM = 44, 356, 16, 176  # the plot area in the viewBox


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    text: str

    @property
    def corner(self) -> tuple[float, float]:
        """The top left of a square marker centred on the point."""
        return round(self.x - 4, 1), round(self.y - 4, 1)


@dataclass(frozen=True)
class Tick:
    y: float
    text: str

    @property
    def label_y(self) -> float:
        """The baseline of the tick's label, centred on the tick."""
        return round(self.y + 4, 1)


@dataclass(frozen=True)
class TimeLine:
    id: str
    summary: str
    years: list[tuple[float, int]]  # x position, year
    marked: list[float]  # x positions of the years a measure started
    productivity: list[Point]
    productivity_path: str
    working_life: list[Point]
    working_life_path: str
    left_ticks: list[Tick]
    right_ticks: list[Tick]


def _scale(value: float, low: float, high: float) -> float:
    """The y position of ``value`` on an axis from ``low`` to ``high``."""
    span = (high - low) or 1
    return round(BOTTOM - (value - low) / span * (BOTTOM - TOP), 1)


def _path(points: list[Point | None]) -> str:
    """An SVG path through the points, broken where one is missing."""
    parts, pen_down = [], False
    for point in points:
        if point is None:
            pen_down = False
            continue
        parts.append(f"{'L' if pen_down else 'M'}{point.x} {point.y}")
        pen_down = True
    return " ".join(parts)


def _axis(values: list[float]) -> tuple[float, float]:
    """A left axis around the values, in whole tens, never flat."""
    low, high = min(values, default=90.0), max(values, default=110.0)
    low, high = (low // 10) * 10, -(-high // 10) * 10
    return (low - 10, high + 10) if low == high else (low, high)


def time_line(
    chart_id: str,
    rows: list[tuple[int, float | None, float | None]],
    measure_years: set[int],
) -> TimeLine:
    """The chart of (year, productivity index, working-life index) rows."""
    step = (RIGHT - LEFT) / max(len(rows) - 1, 1)
    x_of = {year: round(LEFT + i * step, 1) for i, (year, _p, _w) in enumerate(rows)}
    low, high = _axis([p for _y, p, _w in rows if p is not None])
    productivity = [
        Point(x_of[year], _scale(p, low, high), format_number(p, 1))
        if p is not None
        else None
        for year, p, _w in rows
    ]
    working_life = [
        Point(x_of[year], _scale(w, 0, 100), format_number(w, 1))
        if w is not None
        else None
        for year, _p, w in rows
    ]
    return TimeLine(
        id=chart_id,
        summary=_summary(rows),
        years=[(x, year) for year, x in x_of.items()],
        marked=[x for year, x in x_of.items() if year in measure_years],
        productivity=[p for p in productivity if p],
        productivity_path=_path(productivity),
        working_life=[w for w in working_life if w],
        working_life_path=_path(working_life),
        left_ticks=[Tick(_scale(v, low, high), format_number(v)) for v in (low, high)],
        right_ticks=[Tick(_scale(v, 0, 100), format_number(v)) for v in (0, 50, 100)],
    )


def _change(rows, position: int) -> str | None:
    """'from A (year) to B (year)' for one series, or None without two values."""
    known = [(row[0], row[position]) for row in rows if row[position] is not None]
    if not known:
        return None
    (first_year, first), (last_year, last) = known[0], known[-1]
    return _("from %(first)s (%(first_year)s) to %(last)s (%(last_year)s)") % {
        "first": format_number(first, 1),
        "first_year": first_year,
        "last": format_number(last, 1),
        "last_year": last_year,
    }


def _summary(rows) -> str:
    """The text alternative: where each line starts and ends."""
    productivity, working_life = _change(rows, 1), _change(rows, 2)
    if productivity is None and working_life is None:
        return _("No data yet.")
    return _(
        "Productivity index %(productivity)s; working-life index %(working_life)s."
    ) % {
        "productivity": productivity or _("not counted"),
        "working_life": working_life or _("not shown"),
    }
