"""Skills-matrix arithmetic without Django (DOMAIN.md §5.2).

Everything here works on plain values: ``TaskReq`` rows, a mapping
``(person, task) -> level`` and sets of person ids, so the pages, the API, the
benchmark and the property tests all call the same functions.
"""

from tuuma.competence.engine.coverage import (
    DEFAULT_ABSENCE_PROBABILITY,
    Levels,
    TaskReq,
    TaskStatus,
    UnitFigures,
    bus_factor,
    coverage,
    figures,
    sole_holders,
    spof_tasks,
    task_risk,
    training_gap,
    uncovered_tasks,
)
from tuuma.competence.engine.planning import (
    Absence,
    RotationPlan,
    RotationSlot,
    TrainingCandidate,
    WeekResult,
    extra_queue,
    plan_rotation,
    simulate_absences,
    training_candidates,
    weeks_between,
)

__all__ = [
    "DEFAULT_ABSENCE_PROBABILITY",
    "Absence",
    "Levels",
    "RotationPlan",
    "RotationSlot",
    "TaskReq",
    "TaskStatus",
    "TrainingCandidate",
    "UnitFigures",
    "WeekResult",
    "bus_factor",
    "coverage",
    "extra_queue",
    "figures",
    "plan_rotation",
    "simulate_absences",
    "sole_holders",
    "spof_tasks",
    "task_risk",
    "training_candidates",
    "training_gap",
    "uncovered_tasks",
    "weeks_between",
]
