"""The productivity figures in the metric registry (``tuuma/lib/metrics.py``).

A service area's page, the insights dashboard, the board pack and
``/api/v1/metrics`` read them from here; the arithmetic is that of
``figures.py`` through ``results.py`` and ``survey_results.py``, so a figure has
one definition wherever it is shown.

The figures are yearly: with a period, the latest year with figures whose
calendar year falls in it (both ends' years included); without one, the latest
year. Without a service area the indices are those of all the organisation's
products (the first year with figures is the base). The working-life figures
are staff data: a group under five answers is hidden.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tuuma.lib.metrics import (
    COUNT,
    EUROS,
    PERCENT,
    PERIOD,
    SERVICE_AREA,
    UNIT,
    Filters,
    Metric,
    Value,
    memoised,
)
from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.productivity import figures
from tuuma.productivity.models import SurveyResponse
from tuuma.productivity.results import (
    AreaFigures,
    area_figures,
    area_years,
    organisation_figures,
)
from tuuma.productivity.survey_results import working_life_by_year

SOURCE = _(
    "Productivity: volumes, ledger lines, working hours and the price index "
    "of municipal basic services"
)
SURVEY_SOURCE = _("Productivity: the working-life pulse survey's anonymous answers")
ACCEPTS = frozenset({PERIOD, SERVICE_AREA})
SURVEY_ACCEPTS = frozenset({PERIOD, SERVICE_AREA, UNIT})


def selected_figures(organisation: Organisation, filters: Filters) -> AreaFigures:
    """The figures of the filters' service area, or of every product."""
    # One page reading several figures (the dashboard) sums the ledger once.
    everything = memoised(
        ("productivity.figures", organisation.pk),
        lambda: organisation_figures(organisation),
    )
    if filters.service_area:
        area = ServiceArea.objects.filter(
            organisation=organisation, pk=filters.service_area
        ).first()
        if area is None:
            return AreaFigures([], [], {}, [], {})
        return area_figures(organisation, area, everything)
    everything.areas = area_years(organisation, everything.by_product, everything.years)
    return everything


def in_period(years: list[int], filters: Filters) -> int | None:
    """The latest of ``years`` whose calendar year the period touches."""
    chosen = [
        year
        for year in years
        if (not filters.start or year >= filters.start.year)
        and (not filters.end or year <= filters.end.year)
    ]
    return max(chosen) if chosen else None


def _area_year(organisation: Organisation, filters: Filters):
    return memoised(
        ("productivity.area_year", organisation.pk, filters),
        lambda: _latest_area_year(organisation, filters),
    )


def _latest_area_year(organisation: Organisation, filters: Filters):
    found = selected_figures(organisation, filters)
    year = in_period(found.years, filters)
    rows = [row for row in found.areas if row.year == year]
    return found, year, rows[0] if rows else None


def _index(name: str):
    """The compute function of one of the area's yearly indices."""

    def compute(organisation: Organisation, filters: Filters) -> Value:
        _found, _year, row = _area_year(organisation, filters)
        value = getattr(row, name) if row else None
        return Value(None if value is None else round(value, 1), None)

    return compute


def _digital_share(organisation: Organisation, filters: Filters) -> Value:
    found, year, row = _area_year(organisation, filters)
    if row is None or row.digital_share is None:
        return Value(None, 0)
    volume = sum(
        cells[year].volume for cells in found.by_product.values() if year in cells
    )
    return Value(round(row.digital_share * 100, 1), round(volume))


def _unit_cost(organisation: Organisation, filters: Filters) -> Value:
    found, year, _row = _area_year(organisation, filters)
    cells = [c[year] for c in found.by_product.values() if year in c]
    costed = [cell for cell in cells if cell.cost is not None and cell.volume]
    volume = sum(cell.volume for cell in costed)
    cost = figures.ratio(sum(cell.cost for cell in costed), volume)
    return Value(None if cost is None else round(cost, 2), round(volume))


def _unit_costs(
    organisation: Organisation, filters: Filters
) -> list[tuple[str, Value]]:
    found = selected_figures(organisation, filters)
    year = in_period(found.years, filters)
    rows = []
    for product in found.products:
        cell = found.by_product.get(product.pk, {}).get(year)
        if cell is not None and cell.unit_cost is not None:
            rows.append(
                (product.name, Value(round(cell.unit_cost, 2), round(cell.volume)))
            )
    return rows


def _working_life(organisation: Organisation, filters: Filters):
    """The survey figures of the latest survey year in the period, or None."""
    return memoised(
        ("productivity.working_life", organisation.pk, filters),
        lambda: _survey_year(organisation, filters),
    )


def _survey_year(organisation: Organisation, filters: Filters):
    responses = SurveyResponse.objects.filter(survey__organisation=organisation)
    if filters.service_area:
        responses = responses.filter(unit__service_area_id=filters.service_area)
    if filters.unit:
        responses = responses.filter(unit_id=filters.unit)
    by_year = working_life_by_year(responses)
    year = in_period(list(by_year), filters)
    return by_year[year] if year is not None else None


def _working_life_index(organisation: Organisation, filters: Filters) -> Value:
    found = _working_life(organisation, filters)
    if found is None:
        return Value(None, 0)
    index = None if found.index is None else round(found.index, 1)
    return Value(index, found.responses)


def _recommendation(organisation: Organisation, filters: Filters) -> Value:
    found = _working_life(organisation, filters)
    if found is None:
        return Value(None, 0)
    score = found.recommendation_score
    return Value(None if score is None else round(score), found.responses)


def _metric(metric_id, label, definition, compute, **options) -> Metric:
    options.setdefault("unit", COUNT)
    options.setdefault("filters", ACCEPTS)
    options.setdefault("source", SOURCE)
    return Metric(
        id=metric_id, label=label, definition=definition, compute=compute, **options
    )


METRICS = [
    _metric(
        "productivity.unit_cost",
        _("Unit cost"),
        _(
            "The products' allocated cost (direct costs and shares of the support "
            "cost centres) divided by their volume of outputs in the year, in "
            "euros per output."
        ),
        _unit_cost,
        unit=EUROS,
        breakdown=_unit_costs,
    ),
    _metric(
        "productivity.productivity_index",
        _("Productivity index"),
        _(
            "Volume index divided by the real input index × 100; the first year "
            "with figures is the base year (= 100)."
        ),
        _index("productivity_index"),
    ),
    _metric(
        "productivity.volume_index",
        _("Volume index"),
        _(
            "The year's outputs weighted with the base year's unit costs, "
            "against the base year's outputs (Laspeyres, base year = 100)."
        ),
        _index("volume_index"),
    ),
    _metric(
        "productivity.real_input_index",
        _("Real input index"),
        _(
            "The year's costs deflated with the price index of municipal basic "
            "services, against the base year's (base year = 100)."
        ),
        _index("real_input_index"),
    ),
    _metric(
        "productivity.digital_share",
        _("Digital share"),
        _(
            "Share of the year's outputs that came through the e-service or "
            "self-service, of all outputs."
        ),
        _digital_share,
        unit=PERCENT,
    ),
    _metric(
        "productivity.working_life_index",
        _("Working-life index"),
        _(
            "Mean of the pulse survey's 1–5 answers as 0–100 ((answer − 1) / 4 "
            "× 100) in the surveys that closed in the year; hidden under five "
            "answers."
        ),
        _working_life_index,
        source=SURVEY_SOURCE,
        filters=SURVEY_ACCEPTS,
        staff_data=True,
    ),
    _metric(
        "productivity.recommendation_score",
        _("Recommendation score"),
        _(
            "Share of 9–10 answers minus share of 0–6 answers to 'would you "
            "recommend your unit as a workplace', in the surveys that closed in "
            "the year; hidden under five answers."
        ),
        _recommendation,
        source=SURVEY_SOURCE,
        filters=SURVEY_ACCEPTS,
        staff_data=True,
    ),
]
