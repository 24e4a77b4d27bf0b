"""Coverage, gaps, single points of failure, bus factor and workload risk.

``levels`` maps ``(person_id, task_id)`` to a level 0–4; a missing pair is 0.
``available`` (a set of person ids) restricts who counts; ``None`` means everyone
in ``levels``. A task is *covered* by the people at or above its required level.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

Levels = Mapping[tuple[int, int], int]

# A person is away roughly six weeks of 52 (holidays plus sick leave): the
# chance that one given qualified person is absent on a given day.
DEFAULT_ABSENCE_PROBABILITY = 0.12


@dataclass(frozen=True)
class TaskReq:
    """What a task needs: ``headcount`` people at level ``required_level`` or above."""

    id: int
    required_level: int = 3
    headcount: int = 2
    critical: bool = False
    annual_cases: float | None = None
    median_handling_hours: float | None = None
    # Cases arriving per ISO week number (1–53); missing weeks get annual / 52.
    weekly_cases: Mapping[int, float] = field(default_factory=dict)

    def cases_in_week(self, week: int) -> float | None:
        if week in self.weekly_cases:
            return self.weekly_cases[week]
        if self.annual_cases is None:
            return None
        return self.annual_cases / 52


class TaskStatus(StrEnum):
    UNCOVERED = "uncovered"
    SPOF = "spof"
    BELOW = "below"
    COVERED = "covered"


def coverage(
    tasks: Iterable[TaskReq],
    levels: Levels,
    available: Collection[int] | None = None,
    *,
    min_level: int | None = None,
) -> dict[int, int]:
    """Per task id, how many (available) people are at the required level or above."""
    required = {
        t.id: (t.required_level if min_level is None else min_level) for t in tasks
    }
    counts = dict.fromkeys(required, 0)
    for (person, task), level in levels.items():
        need = required.get(task)
        if need is None or level < need:
            continue
        if available is not None and person not in available:
            continue
        counts[task] += 1
    return counts


def status_of(task: TaskReq, covered: int) -> TaskStatus:
    if covered == 0:
        return TaskStatus.UNCOVERED
    if covered == 1:
        return TaskStatus.SPOF
    if covered < task.headcount:
        return TaskStatus.BELOW
    return TaskStatus.COVERED


def uncovered_tasks(cov: Mapping[int, int]) -> list[int]:
    return sorted(t for t, n in cov.items() if n == 0)


def spof_tasks(cov: Mapping[int, int]) -> list[int]:
    """Tasks exactly one person can do: losing them stops the task."""
    return sorted(t for t, n in cov.items() if n == 1)


def sole_holders(
    tasks: Iterable[TaskReq],
    levels: Levels,
    available: Collection[int] | None = None,
) -> dict[int, list[int]]:
    """Person id -> the single-point-of-failure tasks only they can do."""
    tasks = list(tasks)
    spof = set(spof_tasks(coverage(tasks, levels, available)))
    required = {t.id: t.required_level for t in tasks}
    holders: dict[int, list[int]] = defaultdict(list)
    for (person, task), level in levels.items():
        if task in spof and level >= required[task]:
            if available is None or person in available:
                holders[person].append(task)
    return {p: sorted(ts) for p, ts in sorted(holders.items())}


def bus_factor(tasks: Iterable[TaskReq], cov: Mapping[int, int]) -> int | None:
    """Fewest people whose loss stops some critical task (None: no critical tasks).

    Exact, not a heuristic: losing every holder of the least-covered critical
    task is enough, and fewer cannot empty any critical task.
    """
    values = [cov.get(t.id, 0) for t in tasks if t.critical]
    return min(values) if values else None


def training_gap(tasks: Iterable[TaskReq], cov: Mapping[int, int]) -> dict[int, int]:
    """People still to train per task to reach its required headcount."""
    return {t.id: max(0, t.headcount - cov.get(t.id, 0)) for t in tasks}


def task_risk(
    task: TaskReq,
    covered: int,
    absence_probability: float = DEFAULT_ABSENCE_PROBABILITY,
) -> float | None:
    """Expected cases a year that arrive while nobody qualified is at work.

    With each of the ``covered`` people absent independently with probability
    ``a``, nobody is there with probability ``a ** covered``; times the annual
    volume this ranks a one-person task with 3,000 cases far above one with 3.
    None when the task has no case volume.
    """
    if task.annual_cases is None:
        return None
    return task.annual_cases * absence_probability**covered


@dataclass
class UnitFigures:
    """The coverage figures of one group of tasks (a unit)."""

    coverage: dict[int, int]
    status: dict[int, TaskStatus]
    uncovered: list[int]
    spof: list[int]
    below_headcount: list[int]
    sole_holders: dict[int, list[int]]
    bus_factor: int | None
    gap: dict[int, int]
    risk: dict[int, float | None]

    def ranked_by_risk(self) -> list[int]:
        """Task ids, riskiest first: known case volume by risk, then by status."""
        order = list(TaskStatus)

        def key(task_id: int) -> tuple:
            risk = self.risk.get(task_id)
            return (
                risk is None,
                -(risk or 0.0),
                order.index(self.status[task_id]),
                task_id,
            )

        return sorted(self.coverage, key=key)


def figures(
    tasks: Iterable[TaskReq],
    levels: Levels,
    available: Collection[int] | None = None,
    *,
    absence_probability: float = DEFAULT_ABSENCE_PROBABILITY,
) -> UnitFigures:
    """Every coverage figure of a unit in one pass over the matrix."""
    tasks = list(tasks)
    cov = coverage(tasks, levels, available)
    by_id = {t.id: t for t in tasks}
    status = {t: status_of(by_id[t], n) for t, n in cov.items()}
    return UnitFigures(
        coverage=cov,
        status=status,
        uncovered=uncovered_tasks(cov),
        spof=spof_tasks(cov),
        below_headcount=sorted(t for t, n in cov.items() if n < by_id[t].headcount),
        sole_holders=sole_holders(tasks, levels, available),
        bus_factor=bus_factor(tasks, cov),
        gap=training_gap(tasks, cov),
        risk={t: task_risk(by_id[t], n, absence_probability) for t, n in cov.items()},
    )
