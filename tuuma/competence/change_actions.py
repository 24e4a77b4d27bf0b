"""Training needs from changes: a measure's to-be process that adds a step, and an
idea that needs a skill nobody has yet.

A new step becomes a task of the unit (a new requirement at the required level
and headcount); the engine then picks whom to train first (DOMAIN §5.2), and the
needs remember the measure or idea they came from. Competence stands above
processes, programme and ideas, so it reads them here; they show it only
through ``competence.panels``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.competence.actions import task_create
from tuuma.competence.models import NeedReason, Task, TrainingNeed
from tuuma.competence.planning_actions import training_needs_propose
from tuuma.ideas.models import Idea, IdeaOutcome, IdeaStatus
from tuuma.organisation.models import Unit
from tuuma.processes.models import Process, ProcessVersion, State, Step
from tuuma.programme.models import Measure

# An idea "needs a skill" once it is taken forward, not while it is discussed.
TAKEN_FORWARD = {IdeaStatus.IN_PROGRESS, IdeaStatus.IMPLEMENTED}


@dataclass(frozen=True)
class NewStep:
    """A step of a measure's to-be process that its as-is version lacks."""

    process: Process
    step: Step


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def added_steps(measure: Measure) -> list[NewStep]:
    """Steps that the to-be versions implemented by ``measure`` add to their
    process: a step whose name its as-is version (``future_of``) does not have.
    A to-be version without an as-is one adds nothing (nothing to compare)."""
    versions = (
        ProcessVersion.objects.filter(
            organisation_id=measure.organisation_id,
            measure=measure,
            state=State.TO_BE,
            future_of__isnull=False,
        )
        .select_related("process")
        .prefetch_related("steps", "future_of__steps")
        .order_by("process__name", "pk")
    )
    found = []
    for version in versions:
        before = {_key(s.name) for s in version.future_of.steps.all()}
        found += [
            NewStep(version.process, step)
            for step in version.steps.all()
            if _key(step.name) not in before
        ]
    return found


def idea_taken_forward(idea: Idea) -> bool:
    return idea.outcome == IdeaOutcome.ACCEPTED or idea.status in TAKEN_FORWARD


def _task_for(unit: Unit, name: str, required_level: int, **fields) -> Task:
    """The unit's task of that name, created as a new requirement if missing."""
    existing = Task.objects.of_unit(unit).filter(name__iexact=name).first()
    if existing is not None:
        return existing
    return task_create(unit=unit, name=name, required_level=required_level, **fields)


@transaction.atomic
def process_change_needs(
    *, measure: Measure, unit: Unit, by: User, required_level: int = 3
) -> list[TrainingNeed]:
    """Every step the measure adds becomes a task of ``unit`` (kept if it is there
    already) and its gap becomes training needs for the unit's people.

    Running it again adds nothing: the tasks exist and the needs are open.
    """
    steps = added_steps(measure)
    tasks = [
        _task_for(
            unit,
            new.step.name[:200],
            required_level,
            process=new.process,
            process_ref=f"{new.process.name}: {new.step.name}"[:200],
            description=_("A new step of “%(process)s” in the measure “%(measure)s”.")
            % {"process": new.process.name, "measure": measure.title},
        )
        for new in steps
    ]
    needs = training_needs_propose(
        unit=unit,
        only={t.pk for t in tasks},
        reason=NeedReason.PROCESS,
        origin_measure=measure,
    )
    audit_record(
        organisation=measure.organisation,
        actor=by,
        action="competence.process_change_needs",
        target=measure,
        details={"unit": unit.pk, "tasks": len(tasks), "needs": len(needs)},
    )
    return needs


@transaction.atomic
def idea_skill_needs(
    *, idea: Idea, unit: Unit, by: User, skill: str, required_level: int = 3
) -> list[TrainingNeed]:
    """An idea taken forward needs ``skill``: a task of ``unit`` (a new
    requirement unless it exists) and training needs for its gap."""
    task = _task_for(
        unit,
        skill.strip()[:200],
        required_level,
        description=_("Needed by the idea “%(idea)s”.") % {"idea": idea.title},
    )
    needs = training_needs_propose(
        unit=unit, only={task.pk}, reason=NeedReason.IDEA, origin_idea=idea
    )
    audit_record(
        organisation=idea.organisation,
        actor=by,
        action="competence.idea_skill_needs",
        target=idea,
        details={"unit": unit.pk, "task": task.pk, "needs": len(needs)},
    )
    return needs
