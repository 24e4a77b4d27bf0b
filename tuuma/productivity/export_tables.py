"""The tables of the XLSX exports (``tuuma.lib.exports``: one dialect).

The same figures as the pages, from the same functions; a working-life figure
of fewer than five answers is a "not shown" text in the export too.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from tuuma.lib.exports import Table
from tuuma.organisation.models import ServiceArea
from tuuma.productivity.results import AreaFigures
from tuuma.productivity.survey_results import GroupResult, area_working_life
from tuuma.productivity.unit_hours import area_unit_hours


def _share(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def suppressed_text() -> str:
    return _("Fewer than five answers: not shown")


def product_table(
    sections: Iterable[tuple[ServiceArea, AreaFigures]],
    *,
    visible: set[int],
    staff: bool,
) -> Table:
    """Each visible product's figures by year; costs and hours for staff only."""
    header = [
        _("Service area"),
        _("Code"),
        _("Product"),
        _("Unit of output"),
        _("Year"),
        _("Volume"),
        _("Unit cost (€)"),
        _("Digital share (%)"),
    ]
    if staff:
        header += [_("Costs (€)"), _("Working hours"), _("Outputs per hour")]
    rows = []
    for area, found in sections:
        for product in found.products:
            if product.pk not in visible:
                continue
            cells = found.by_product.get(product.pk, {})
            for year in sorted(cells):
                cell = cells[year]
                row = [
                    area.localized_name,
                    product.code,
                    product.name,
                    product.output_unit,
                    year,
                    cell.volume,
                    _round(cell.unit_cost),
                    _share(cell.digital_share),
                ]
                if staff:
                    row += [
                        _round(cell.cost),
                        cell.hours,
                        _round(cell.labour_productivity),
                    ]
                rows.append(row)
    return (_("Products"), header, rows)


def area_table(sections: Iterable[tuple[ServiceArea, AreaFigures]]) -> Table:
    """The indices of each service area by year (base year = 100)."""
    header = [
        _("Service area"),
        _("Year"),
        _("Volume index"),
        _("Real input index"),
        _("Productivity index"),
        _("Costs (€)"),
        _("Price index"),
        _("Digital share (%)"),
    ]
    rows = [
        [
            area.localized_name,
            year.year,
            _round(year.volume_index, 1),
            _round(year.real_input_index, 1),
            _round(year.productivity_index, 1),
            _round(year.cost),
            year.price_index,
            _share(year.digital_share),
        ]
        for area, found in sections
        for year in found.areas
    ]
    return (_("Productivity indices"), header, rows)


def unit_hours_table(areas: Iterable[ServiceArea]) -> Table:
    """Each area's hours by unit and year; a unit under five people is counted
    with others or hidden, and the row says so."""
    header = [_("Service area"), _("Year"), _("Unit"), _("Staff"), _("Working hours")]
    rows = []
    for area in areas:
        for year in area_unit_hours(area):
            name = area.localized_name
            for row in year.units:
                rows.append(
                    [name, year.year, row.unit.name, row.staff, _round(row.hours)]
                )
            if year.merged:
                hours = _round(year.merged_hours)
                rows.append([name, year.year, year.note, year.merged_staff, hours])
    return (_("Working hours by unit"), header, rows)


def working_life_table(areas: Iterable[ServiceArea]) -> Table:
    """The working-life index of each area's units by the year a survey closed."""
    header = [
        _("Service area"),
        _("Year"),
        _("Answers"),
        _("Working-life index"),
        _("Recommendation score"),
    ]
    rows = []
    for area in areas:
        for year, found in area_working_life(area).items():
            if found.suppressed:
                rows.append([area.localized_name, year, suppressed_text()])
            else:
                rows.append(
                    [
                        area.localized_name,
                        year,
                        found.responses,
                        _round(found.index, 1),
                        _round(found.recommendation_score, 1),
                    ]
                )
    return (_("Working life"), header, rows)


def survey_table(groups: Iterable[GroupResult], statements: list) -> Table:
    """A survey's result per group; a group under five answers says so."""
    header = [
        _("Group"),
        _("Answers"),
        _("Working-life index"),
        _("Recommendation score"),
    ] + [
        _("Agree: %(text)s") % {"text": statement.localized_text}
        for statement in statements
    ]
    rows = []
    for group in groups:
        found = group.figures
        if found.suppressed:
            rows.append([group.name, suppressed_text()])
            continue
        rows.append(
            [
                group.name,
                found.responses,
                _round(found.index, 1),
                _round(found.recommendation_score, 1),
            ]
            + [_share(found.positive_share.get(s.pk)) for s in statements]
        )
    return (_("Results"), header, rows)
