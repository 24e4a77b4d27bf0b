"""Geometry of the server-rendered SVG charts (templates draw them, no JavaScript)."""

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.utils.formats import date_format, number_format

from tuuma.programme.models import Indicator, Measure


@dataclass
class Scale:
    """Linear map from a domain to pixel positions."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        # A domain of one value (one date, one number) would divide by zero.
        span = (self.high - self.low) or 1.0
        return round(
            self.start + (value - self.low) / span * (self.end - self.start), 1
        )


def _day(value: date) -> float:
    return float(value.toordinal())


def _number(value: Decimal | float) -> str:
    return number_format(Decimal(str(value)).normalize(), use_l10n=True)


def _nice_range(
    low: float, high: float, intervals: int = 4
) -> tuple[float, float, float]:
    """Round axis ends and a 1-2-5 step, so tick labels are plain numbers."""
    if high == low:
        low, high = low - 1, high + 1
    raw = (high - low) / intervals
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


@dataclass
class IndicatorChart:
    width: int = 640
    height: int = 260
    left: int = 70
    bottom: int = 220
    top: int = 20
    right: int = 620
    y_ticks: list = field(default_factory=list)
    x_ticks: list = field(default_factory=list)
    baseline: dict | None = None
    target: dict | None = None
    points: list = field(default_factory=list)
    polyline: str = ""


def indicator_chart(indicator: Indicator) -> IndicatorChart:
    """Baseline, target and measured values of one indicator on common axes."""
    chart = IndicatorChart()
    values = list(indicator.values.all())
    dates = [indicator.baseline_date, indicator.target_date, *(v.date for v in values)]
    # The axis always spans baseline and target too, so the distance still to go
    # is visible even before the first measurement.
    numbers = [
        float(indicator.baseline_value),
        float(indicator.target_value),
        *(float(v.value) for v in values),
    ]
    low, high, step = _nice_range(min(numbers), max(numbers))
    x = Scale(_day(min(dates)), _day(max(dates)), chart.left, chart.right)
    y = Scale(low, high, chart.bottom, chart.top)
    # Half a step of slack: floating-point sums must not drop the top tick.
    value = low
    while value <= high + step / 2:
        chart.y_ticks.append({"y": y(value), "label": _number(round(value, 6))})
        value += step
    # Only the two ends are labelled: dates are long in Finnish and would overlap
    # at 390 px; the data table under the chart has every date.
    for tick_date, anchor in ((min(dates), "start"), (max(dates), "end")):
        chart.x_ticks.append(
            {
                "x": x(_day(tick_date)),
                "anchor": anchor,
                "label": date_format(tick_date, "SHORT_DATE_FORMAT"),
            }
        )
    chart.baseline = {
        "x": x(_day(indicator.baseline_date)),
        "y": y(float(indicator.baseline_value)),
    }
    chart.target = {
        "x": x(_day(indicator.target_date)),
        "y": y(float(indicator.target_value)),
    }
    chart.points = [{"x": x(_day(v.date)), "y": y(float(v.value))} for v in values]
    chart.polyline = " ".join(f"{p['x']},{p['y']}" for p in chart.points)
    return chart


@dataclass
class Roadmap:
    width: int = 960
    label_width: int = 260
    row_height: int = 32
    top: int = 30
    height: int = 0
    rows: list = field(default_factory=list)
    ticks: list = field(default_factory=list)
    today_x: float | None = None


def _month_starts(first: date, last: date) -> list[date]:
    months = []
    current = date(first.year, first.month, 1)
    while current <= last:
        if current >= first:
            months.append(current)
        current = (current + timedelta(days=32)).replace(day=1)
    return months


def roadmap(measures: list[Measure], today: date) -> Roadmap:
    """Bars from start to due date and milestone marks, one row per measure."""
    chart = Roadmap()
    if not measures:
        return chart
    milestone_dates = [
        m.due_date for measure in measures for m in measure.milestones.all()
    ]
    first = min([m.start_date for m in measures] + milestone_dates)
    last = max([m.due_date for m in measures] + milestone_dates)
    # A one-day programme still gets a readable month of width.
    if last <= first:
        last = first + timedelta(days=30)
    x = Scale(_day(first), _day(last), chart.label_width, chart.width - 10)
    months = _month_starts(first, last)
    # At most about twelve month labels, whatever the span, so they never overlap.
    every = max(1, len(months) // 12)
    chart.ticks = [
        {"x": x(_day(month)), "label": f"{month.month}/{month.year % 100:02d}"}
        for month in months[::every]
    ]
    if first <= today <= last:
        chart.today_x = x(_day(today))
    for index, measure in enumerate(measures):
        top = chart.top + index * chart.row_height
        start, end = x(_day(measure.start_date)), x(_day(measure.due_date))
        chart.rows.append(
            {
                "measure": measure,
                "y": top,
                "text_y": top + chart.row_height * 0.6,
                "bar_x": start,
                # A measure of a few days stays visible as a 2 px bar.
                "bar_width": max(end - start, 2),
                "milestones": [
                    {"x": x(_day(m.due_date)), "y": top + chart.row_height / 2, "m": m}
                    for m in measure.milestones.all()
                ],
            }
        )
    chart.height = chart.top + len(measures) * chart.row_height + 10
    return chart
