"""Training candidates, rotation plans and absence simulation (DOMAIN.md §5.2)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from tuuma.competence.engine.coverage import (
    Levels,
    TaskReq,
    coverage,
    sole_holders,
    spof_tasks,
    training_gap,
)


@dataclass(frozen=True)
class TrainingCandidate:
    person: int
    task: int
    from_level: int
    to_level: int
    mentor: int | None


def _load(levels: Levels, required: Mapping[int, int]) -> Counter:
    """Tasks each person already carries (is qualified for): the tie-breaker."""
    load: Counter = Counter()
    for (person, task), level in levels.items():
        if task in required and level >= required[task]:
            load[person] += 1
    return load


def pick_mentor(
    task: TaskReq,
    levels: Levels,
    people: Iterable[int],
    mentoring: Counter,
    exclude: Collection[int] = (),
) -> int | None:
    """A level-4 person on the task (level 3 if nobody is 4), least busy first."""
    pool = [p for p in people if p not in exclude]
    for wanted in (4, 3):
        found = [p for p in pool if levels.get((p, task.id), 0) >= wanted]
        if wanted < task.required_level:
            break
        if found:
            return min(found, key=lambda p: (mentoring[p], p))
    return None


def training_candidates(
    tasks: Iterable[TaskReq],
    levels: Levels,
    people: Collection[int],
    *,
    already: Collection[tuple[int, int]] = (),
) -> list[TrainingCandidate]:
    """For every task short of its headcount, the people to train first.

    Order per task (DOMAIN §5.2): the shortest path (required − current level,
    so people at level 2 come first), then the lightest load; sole holders of
    other single-point tasks come last, used only when nobody else is left.
    ``already`` holds (person, task) pairs in training, which are skipped.
    """
    tasks = sorted(tasks, key=lambda t: t.id)
    people = sorted(people)
    levels = {k: v for k, v in levels.items() if k[0] in set(people)}
    cov = coverage(tasks, levels)
    gaps = training_gap(tasks, cov)
    required = {t.id: t.required_level for t in tasks}
    load = _load(levels, required)
    holders = sole_holders(tasks, levels)
    in_training = set(already)
    mentoring: Counter = Counter()
    result = []
    for task in tasks:
        wanted = gaps[task.id] - sum(1 for p, t in in_training if t == task.id)
        if wanted <= 0:
            continue
        pool = [
            p
            for p in people
            if levels.get((p, task.id), 0) < task.required_level
            and (p, task.id) not in in_training
        ]

        def key(p: int, task: TaskReq = task) -> tuple:
            other_spofs = [t for t in holders.get(p, []) if t != task.id]
            return (
                bool(other_spofs),
                task.required_level - levels.get((p, task.id), 0),
                load[p],
                p,
            )

        for person in sorted(pool, key=key)[:wanted]:
            mentor = pick_mentor(task, levels, people, mentoring, exclude=(person,))
            if mentor is not None:
                mentoring[mentor] += 1
            result.append(
                TrainingCandidate(
                    person=person,
                    task=task.id,
                    from_level=levels.get((person, task.id), 0),
                    to_level=task.required_level,
                    mentor=mentor,
                )
            )
    return result


@dataclass(frozen=True)
class RotationSlot:
    person: int
    task: int
    mentor: int
    goal_level: int


@dataclass
class RotationPlan:
    slots: list[RotationSlot]
    spof_before: int
    spof_after: int

    @property
    def spof_reduction(self) -> int:
        return self.spof_before - self.spof_after


def _keeps_cover(
    critical: list[TaskReq], levels: Levels, people: Collection[int], away: set[int]
) -> bool:
    at_work = set(people) - away
    cov = coverage(critical, levels, at_work)
    return all(cov[t.id] >= 1 for t in critical)


def plan_rotation(
    tasks: Iterable[TaskReq],
    levels: Levels,
    people: Collection[int],
    *,
    max_trainees_per_mentor: int = 2,
    candidates: list[TrainingCandidate] | None = None,
) -> RotationPlan:
    """A greedy rotation plan for one period.

    Constraints: (a) every critical task that has cover keeps at least one
    qualified person at work who is neither rotating nor away; (b) a mentor takes
    at most ``max_trainees_per_mentor`` trainees; (c) a person rotates at most once
    and is never trainee and mentor in the same period. Candidates come in
    ``training_candidates`` order; one that would break a constraint is skipped.
    """
    tasks = list(tasks)
    by_id = {t.id: t for t in tasks}
    people = set(people)
    if candidates is None:
        candidates = training_candidates(tasks, levels, people)
    before = coverage(tasks, levels, people)
    # A critical task nobody can do today cannot be protected; only the others bind.
    critical = [t for t in tasks if t.critical and before[t.id] >= 1]
    rotating: set[int] = set()
    mentors: Counter = Counter()
    slots: list[RotationSlot] = []
    for cand in candidates:
        task = by_id[cand.task]
        if cand.person in rotating or cand.person in mentors:
            continue
        if not _keeps_cover(critical, levels, people, rotating | {cand.person}):
            continue
        mentor = pick_mentor(
            task,
            levels,
            [p for p in people if mentors[p] < max_trainees_per_mentor],
            mentors,
            exclude=rotating | {cand.person},
        )
        if mentor is None:
            continue
        rotating.add(cand.person)
        mentors[mentor] += 1
        slots.append(RotationSlot(cand.person, task.id, mentor, task.required_level))
    planned = dict(levels)
    for slot in slots:
        planned[(slot.person, slot.task)] = slot.goal_level
    after = coverage(tasks, planned, people)
    return RotationPlan(slots, len(spof_tasks(before)), len(spof_tasks(after)))


@dataclass(frozen=True)
class Absence:
    person: int
    start: date
    end: date  # inclusive


@dataclass
class WeekResult:
    """One ISO week: who is away and which tasks fall short."""

    monday: date
    away: set[int]
    coverage: dict[int, int]
    below_headcount: list[int]
    uncovered: list[int]
    # Task id -> cases arriving this week with nobody qualified at work.
    stranded_cases: dict[int, float]


def weeks_between(start: date, end: date) -> list[date]:
    """The Mondays of the ISO weeks that touch [start, end]."""
    monday = start - timedelta(days=start.weekday())
    weeks = []
    while monday <= end:
        weeks.append(monday)
        monday += timedelta(days=7)
    return weeks


def _away_in_week(absence: Absence, monday: date) -> bool:
    """Away for at least three of the week's five working days."""
    friday = monday + timedelta(days=4)
    first, last = max(absence.start, monday), min(absence.end, friday)
    return (last - first).days + 1 >= 3 if first <= last else False


def simulate_absences(
    tasks: Iterable[TaskReq],
    levels: Levels,
    people: Collection[int],
    absences: Iterable[Absence],
    start: date,
    end: date,
) -> list[WeekResult]:
    """Week by week, tasks below their headcount while the absences hold.

    A person counts as away in a week when absent for three or more of its
    working days. Where the task has case volume, ``stranded_cases`` gives the
    cases arriving in weeks nobody qualified is at work; times the median
    handling time that is the expected extra queue (see ``extra_queue``).
    """
    tasks = list(tasks)
    absences = list(absences)
    result = []
    for monday in weeks_between(start, end):
        away = {a.person for a in absences if _away_in_week(a, monday)}
        cov = coverage(tasks, levels, set(people) - away)
        week_no = monday.isocalendar().week
        stranded = {}
        for t in tasks:
            cases = t.cases_in_week(week_no)
            if cov[t.id] == 0 and cases is not None:
                stranded[t.id] = cases
        result.append(
            WeekResult(
                monday=monday,
                away=away & set(people),
                coverage=cov,
                below_headcount=sorted(t.id for t in tasks if cov[t.id] < t.headcount),
                uncovered=sorted(t.id for t in tasks if cov[t.id] == 0),
                stranded_cases=stranded,
            )
        )
    return result


def extra_queue(
    tasks: Iterable[TaskReq], weeks: Iterable[WeekResult]
) -> dict[int, tuple[float, float | None]]:
    """Task id -> (cases arriving in uncovered weeks, extra queue in hours).

    Hours are None when the task has no median handling time.
    """
    totals: Counter = Counter()
    for week in weeks:
        totals.update(week.stranded_cases)
    result = {}
    for t in tasks:
        if t.id in totals:
            cases = totals[t.id]
            hours = (
                cases * t.median_handling_hours
                if t.median_handling_hours is not None
                else None
            )
            result[t.id] = (cases, hours)
    return result
