"""Competence risk of changing a process, for the improvement app's priority list.

The improvement app sits on the same floor as competence and may not import it, so
it reads this hook through ``tuuma.lib.apps.app_modules("effort_risk")``. A task
belongs to a process when its ``process_ref`` names the process's code, its name,
or both as the catalogue writes them ("08.01 Rakennuslupa"), in any letter case.
"""

from __future__ import annotations

from collections.abc import Iterable

from tuuma.competence.engine import coverage, spof_tasks
from tuuma.competence.models import Task
from tuuma.competence.queries import unit_matrix


def _names(process) -> set[str]:
    names = {process.code, process.name, f"{process.code} {process.name}"}
    return {name.strip().casefold() for name in names if name.strip()}


def one_person_tasks(organisation, processes: Iterable) -> list[dict]:
    """Tasks of ``processes`` that exactly one person of their unit masters at the
    required level: the same single-point-of-failure figure as the unit's matrix."""
    names = set().union(*(_names(p) for p in processes))
    tasks = [
        task
        for task in Task.objects.filter(organisation=organisation)
        .exclude(process_ref="")
        .select_related("unit")
        if task.process_ref.strip().casefold() in names
    ]
    found = []
    for unit in {task.unit for task in tasks}:
        matrix = unit_matrix(unit)
        alone = set(spof_tasks(coverage(matrix.reqs, matrix.levels)))
        found += [
            {"task": task.name, "unit": unit.name, "critical": task.critical}
            for task in tasks
            if task.unit_id == unit.pk and task.pk in alone
        ]
    return sorted(found, key=lambda row: (row["unit"], row["task"]))
