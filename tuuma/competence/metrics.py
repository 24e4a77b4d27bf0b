"""Competence figures in the metric registry (``tuuma/lib/metrics.py``).

Counts only: how many tasks exactly one person of their unit masters at the
required level (the units list's single-point-of-failure figure, computed by the
same engine functions on the same inputs). It is staff data — a small count
points at a person — so it is hidden below five like every staff figure.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tuuma.competence.engine import coverage, spof_tasks
from tuuma.competence.queries import units_inputs
from tuuma.lib.metrics import COUNT, SERVICE_AREA, UNIT, Filters, Metric, Value
from tuuma.organisation.models import Organisation, Unit


def one_person_task_count(organisation: Organisation, filters: Filters) -> int:
    """Tasks of the filters' units that exactly one person can do."""
    units = Unit.objects.filter(organisation=organisation)
    if filters.service_area:
        units = units.filter(service_area_id=filters.service_area)
    if filters.unit:
        units = units.filter(pk=filters.unit)
    inputs = units_inputs(organisation, list(units.only("pk")))
    return sum(
        len(spof_tasks(coverage(unit.reqs, unit.levels, unit.person_ids)))
        for unit in inputs.values()
    )


def _one_person_tasks(organisation: Organisation, filters: Filters) -> Value:
    count = one_person_task_count(organisation, filters)
    return Value(count, count)


METRICS = [
    Metric(
        id="competence.one_person_tasks",
        label=_("Tasks only one person can do"),
        definition=_(
            "Tasks of the units' competence matrices that exactly one person of "
            "the unit masters at the required level. A count only; below five "
            "it is not shown, so that no one can be recognised from it."
        ),
        unit=COUNT,
        source=_("Competence matrices: tasks and agreed levels"),
        compute=_one_person_tasks,
        filters=frozenset({SERVICE_AREA, UNIT}),
        staff_data=True,
    ),
]
