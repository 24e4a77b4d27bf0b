"""The productivity figures, as plain functions of plain numbers (no Django).

Definitions (fi/sv/en texts in ``definitions.py``):

* cost allocation: a product's cost is its direct cost plus, from every support
  cost centre, the centre's cost × the product's share of the centre's driver
  (hours, square metres, outputs or a fixed share) - one driver per centre, as the
  municipal cost-accounting recommendation JHS 203 allows;
* unit cost = allocated cost / volume;
* labour productivity = volume / working hours;
* volume index (Laspeyres) = Σ q_t · c_0 / Σ q_0 · c_0 × 100, with the base
  year's unit costs c_0 as weights, over products produced in the base year;
* real input index = (C_t / P_t) / (C_0 / P_0) × 100, costs deflated with the
  price index P of municipal basic services;
* productivity index = volume index / real input index × 100 (base year = 100);
* digital share = (e-service + self-service volume) / all volume;
* working-life index = mean of (answer − 1) / 4 × 100 over 1–5 answers;
* recommendation score = % of 9–10 answers − % of 0–6 answers.

Any figure about staff over fewer than ``MIN_GROUP`` answers is suppressed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

MIN_GROUP = 5
DIGITAL_CHANNELS = frozenset({"e_service", "self_service"})


@dataclass(frozen=True)
class SupportCentre:
    """A support cost centre and how its cost is shared: ``weights`` by product."""

    code: str
    cost: float
    driver: str
    weights: Mapping[int, float]


@dataclass(frozen=True)
class AllocationLine:
    """One line of the explanation of a product's cost."""

    centre: str
    driver: str
    share: float  # of the centre's cost, 0..1 (1 for a direct cost)
    amount: float


@dataclass
class Allocation:
    product_costs: dict[int, float] = field(default_factory=dict)
    lines: dict[int, list[AllocationLine]] = field(default_factory=dict)
    unallocated: dict[str, float] = field(default_factory=dict)


def allocate(
    direct: Mapping[int, Iterable[tuple[str, float]]],
    support: Iterable[SupportCentre],
) -> Allocation:
    """Each product's direct costs plus its shares of the support centres'.

    ``direct`` maps a product to its (centre code, amount) pairs. A support centre
    whose driver has no weight anywhere stays unallocated (and is shown so).
    """
    result = Allocation()
    for product, pairs in direct.items():
        for centre, amount in pairs:
            _add(result, product, AllocationLine(centre, "direct", 1.0, amount))
    for centre in support:
        total = sum(weight for weight in centre.weights.values() if weight > 0)
        if total <= 0:
            result.unallocated[centre.code] = centre.cost
            continue
        for product, weight in sorted(centre.weights.items()):
            if weight > 0:
                share = weight / total
                line = AllocationLine(
                    centre.code, centre.driver, share, centre.cost * share
                )
                _add(result, product, line)
    return result


def _add(result: Allocation, product: int, line: AllocationLine) -> None:
    result.lines.setdefault(product, []).append(line)
    result.product_costs[product] = result.product_costs.get(product, 0.0) + (
        line.amount
    )


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """numerator / denominator, or None where it is not defined."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def volume_index(
    volumes: Mapping[int, float],
    base_volumes: Mapping[int, float],
    base_unit_costs: Mapping[int, float],
) -> float | None:
    """Laspeyres volume index with base-year unit costs as weights (base = 100)."""
    products = [p for p, cost in base_unit_costs.items() if base_volumes.get(p)]
    base = sum(base_volumes[p] * base_unit_costs[p] for p in products)
    if not base:
        return None
    now = sum(volumes.get(p, 0.0) * base_unit_costs[p] for p in products)
    return now / base * 100


def real_input_index(
    cost: float, price_index: float, base_cost: float, base_price_index: float
) -> float | None:
    """Costs deflated with the price index, against the base year (base = 100)."""
    if not (price_index and base_price_index and base_cost):
        return None
    return (cost / price_index) / (base_cost / base_price_index) * 100


def productivity_index(volume: float | None, real_input: float | None) -> float | None:
    if volume is None or not real_input:
        return None
    return volume / real_input * 100


def digital_share(volume_by_channel: Mapping[str, float]) -> float | None:
    """The e-service and self-service share of all volume, 0..1."""
    total = sum(volume_by_channel.values())
    if not total:
        return None
    digital = sum(v for c, v in volume_by_channel.items() if c in DIGITAL_CHANNELS)
    return digital / total


@dataclass(frozen=True)
class SurveyFigures:
    """A group's pulse-survey figures; ``None`` everywhere when suppressed."""

    responses: int
    suppressed: bool
    index: float | None = None
    positive_share: dict[int, float | None] = field(default_factory=dict)
    recommendation_score: float | None = None


def survey_figures(
    answers: Iterable[tuple[int, int, int]],
    recommendations: Mapping[int, int | None],
) -> SurveyFigures:
    """Figures from (response, statement, 1–5 value) answers and each response's
    0–10 recommendation (None when skipped)."""
    responses = len(recommendations)
    if responses < MIN_GROUP:
        return SurveyFigures(responses, True)
    values: list[int] = []
    by_statement: dict[int, list[int]] = defaultdict(list)
    for _response, statement, value in answers:
        values.append(value)
        by_statement[statement].append(value)
    index = sum((v - 1) / 4 * 100 for v in values) / len(values) if values else None
    positive = {
        statement: sum(1 for v in vs if v >= 4) / len(vs)
        for statement, vs in sorted(by_statement.items())
    }
    given = [r for r in recommendations.values() if r is not None]
    score = None
    if len(given) >= MIN_GROUP:
        promoters = sum(1 for r in given if r >= 9) / len(given)
        detractors = sum(1 for r in given if r <= 6) / len(given)
        score = (promoters - detractors) * 100
    return SurveyFigures(responses, False, index, positive, score)


def suppress(count: int) -> int | None:
    """A count about staff, or None below the smallest group shown."""
    return count if count >= MIN_GROUP else None


@dataclass(frozen=True)
class UnitHours:
    """A service area's working hours by unit, as far as they may be shown.

    ``shown``: (unit, staff, hours) of the units of at least five people;
    ``merged``: how many units are counted together in ``merged_hours``, which is
    None when even together they are fewer than five people (then hidden).
    """

    shown: list[tuple[object, int, float]]
    merged: int = 0
    merged_staff: int = 0
    merged_hours: float | None = None


def unit_hours(rows: Iterable[tuple[object, int | None, float]]) -> UnitHours:
    """Hours of (unit, staff or None when not known, hours) rows, never of a group
    under ``MIN_GROUP`` people.

    A unit under five (or of unknown size) is merged with the rest of its area.
    Because the area's total is shown elsewhere, the merged rest must itself be
    five or more, or the total less the units shown would give it away: the
    smallest shown units join it until it is; if all together are under five,
    nothing is shown.
    """
    rows = list(rows)
    shown = sorted(
        (row for row in rows if (row[1] or 0) >= MIN_GROUP),
        key=lambda row: (row[1], row[2]),
    )
    merged = [row for row in rows if (row[1] or 0) < MIN_GROUP]
    if not merged:
        return UnitHours(shown)
    while shown and sum(row[1] or 0 for row in merged) < MIN_GROUP:
        merged.append(shown.pop(0))
    staff = sum(row[1] or 0 for row in merged)
    hours = sum(row[2] for row in merged) if staff >= MIN_GROUP else None
    return UnitHours(shown, len(merged), staff, hours)
