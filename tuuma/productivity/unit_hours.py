"""A service area's working hours by unit, never of a unit under five people.

A unit's size in a year is the smallest head count of the months in which it
has hours; a month with hours but no head count makes it unknown, which counts
as under five. (The month entry page hides a unit's hours by that month's count.)
What may be shown is decided in ``figures.unit_hours``; the area page, the XLSX
exports and the API all read it from here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Sum
from django.utils.translation import gettext as _

from tuuma.organisation.models import ServiceArea, Unit
from tuuma.productivity import figures
from tuuma.productivity.models import Headcount, HoursLine


@dataclass(frozen=True)
class UnitRow:
    unit: Unit
    staff: int
    hours: float


@dataclass(frozen=True)
class YearOfUnits:
    year: int
    units: list[UnitRow]
    merged: int
    merged_staff: int
    merged_hours: float | None
    note: str


def merged_note(found: figures.UnitHours) -> str:
    """What the row of merged units says (empty when every unit is shown)."""
    if not found.merged:
        return ""
    if found.merged_hours is None:
        return _(
            "Hours of units under five people are not shown: together they are "
            "fewer than five."
        )
    return _(
        "%(units)s units counted together, because a unit under five people "
        "is not shown alone."
    ) % {"units": found.merged}


def area_unit_hours(area: ServiceArea) -> list[YearOfUnits]:
    """Each year's hours of the area's units (oldest year first)."""
    monthly = (
        HoursLine.objects.filter(
            organisation_id=area.organisation_id, unit__service_area=area
        )
        .values("unit", "period")
        .annotate(total=Sum("hours"))
    )
    staff = {
        (row.unit_id, row.period): row.staff
        for row in Headcount.objects.filter(
            organisation_id=area.organisation_id, unit__service_area=area
        )
    }
    hours: dict[int, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    sizes: dict[int, dict[int, list[int | None]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for row in monthly:
        unit, period = row["unit"], row["period"]
        hours[period.year][unit] += float(row["total"])
        sizes[period.year][unit].append(staff.get((unit, period)))
    units = {u.pk: u for u in Unit.objects.filter(service_area=area)}
    result = []
    for year in sorted(hours):
        rows = [
            (units[unit], _smallest(sizes[year][unit]), total)
            for unit, total in hours[year].items()
        ]
        found = figures.unit_hours(rows)
        shown = sorted((UnitRow(*row) for row in found.shown), key=_name)
        result.append(
            YearOfUnits(
                year, shown, found.merged, found.merged_staff,
                found.merged_hours, merged_note(found),
            )
        )  # fmt: skip
    return result


def _name(row: UnitRow) -> str:
    return row.unit.name


def _smallest(sizes: list[int | None]) -> int | None:
    return None if None in sizes else min(sizes)
