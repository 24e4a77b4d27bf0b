"""Planned absences and training needs (a need can become a programme measure)."""

from __future__ import annotations

import csv
import io
from collections.abc import Collection
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tuuma.accounts.models import User
from tuuma.competence import engine
from tuuma.competence.actions import is_supervisor, level_approve
from tuuma.competence.models import (
    AbsenceKind,
    AbsencePlan,
    Level,
    NeedReason,
    NeedStatus,
    PlannedAbsence,
    Task,
    TrainingNeed,
)
from tuuma.competence.queries import unit_matrix, unit_people
from tuuma.organisation.models import Unit
from tuuma.programme.actions import measure_create
from tuuma.programme.models import Goal, Measure, MeasureClass


@transaction.atomic
def absence_plan_create(*, unit: Unit, name: str) -> AbsencePlan:
    return AbsencePlan.objects.create(
        organisation_id=unit.organisation_id, unit=unit, name=name
    )


@transaction.atomic
def absence_add(
    *, plan: AbsencePlan, person: User, start: date, end: date, kind: str = "holiday"
) -> PlannedAbsence:
    if end < start:
        raise ValidationError(_("The last day is before the first day."))
    if person.organisation_id != plan.organisation_id:
        raise ValidationError(_("The person does not belong to the organisation."))
    return PlannedAbsence.objects.create(
        organisation_id=plan.organisation_id,
        plan=plan,
        person=person,
        start=start,
        end=end,
        kind=kind,
    )


def _parse_absence_row(row: dict, people: dict[str, User]) -> tuple:
    email = (row.get("email") or "").strip().lower()
    if email not in people:
        raise ValueError(_("Unknown person: %(email)s") % {"email": email or "—"})
    try:
        start = date.fromisoformat((row.get("start") or "").strip())
        end = date.fromisoformat((row.get("end") or "").strip())
    except ValueError:
        raise ValueError(_("Dates must be written as YYYY-MM-DD.")) from None
    if end < start:
        raise ValueError(_("The last day is before the first day."))
    kind = (row.get("kind") or "holiday").strip() or "holiday"
    if kind not in AbsenceKind.values:
        raise ValueError(_("Unknown kind of absence: %(kind)s") % {"kind": kind})
    return people[email], start, end, kind


@transaction.atomic
def absences_import_csv(*, plan: AbsencePlan, data: bytes) -> list[PlannedAbsence]:
    """Rows ``email,start,end[,kind]`` (``,`` or ``;``, UTF-8 or Windows-1252);
    any bad row refuses the whole file.

    Raises ``ValidationError`` with one message per bad row ("Row 3: …").
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel in Finland saves "CSV" as Windows-1252, which decodes any byte.
        text = data.decode("cp1252", errors="replace")
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    if not reader.fieldnames or not {"email", "start", "end"} <= set(reader.fieldnames):
        raise ValidationError(_("The file needs the columns email, start and end."))
    people = {u.email.lower(): u for u in unit_people(plan.unit)}
    parsed, errors = [], []
    for number, row in enumerate(reader, start=2):
        try:
            parsed.append(_parse_absence_row(row, people))
        except ValueError as error:
            errors.append(_("Row %(n)s: %(error)s") % {"n": number, "error": error})
    if errors:
        raise ValidationError(errors)
    return [
        absence_add(plan=plan, person=p, start=s, end=e, kind=k)
        for p, s, e, k in parsed
    ]


@transaction.atomic
def training_need_create(
    *,
    task: Task,
    person: User,
    reason: str,
    mentor: User | None = None,
    to_level: int | None = None,
    due: date | None = None,
) -> TrainingNeed:
    current = (
        Level.objects.filter(task=task, person=person)
        .values_list("level", flat=True)
        .first()
    ) or 0
    target = task.required_level if to_level is None else to_level
    if target <= current:
        raise ValidationError(_("The person is already at that level."))
    if TrainingNeed.objects.filter(
        task=task, person=person, status__in=[NeedStatus.OPEN, NeedStatus.PROGRAMME]
    ).exists():
        raise ValidationError(_("This person already has an open need for the task."))
    return TrainingNeed.objects.create(
        organisation_id=task.organisation_id,
        task=task,
        person=person,
        mentor=mentor,
        from_level=current,
        to_level=target,
        reason=reason,
        due=due,
    )


def open_needs(unit: Unit):
    return TrainingNeed.objects.filter(
        organisation_id=unit.organisation_id,
        task__unit=unit,
        status__in=[NeedStatus.OPEN, NeedStatus.PROGRAMME],
    )


@transaction.atomic
def training_needs_propose(
    *,
    unit: Unit,
    only: Collection[int] | None = None,
    reason: str | None = None,
    **origin,
) -> list[TrainingNeed]:
    """Turn the engine's candidates for every gap into open training needs.

    ``only`` limits them to these task ids; ``reason`` overrides the gap or
    single-point reason and ``origin`` (``origin_measure``/``origin_idea``) says
    which change asked for them (``change_actions``).
    """
    matrix = unit_matrix(unit)
    already = set(open_needs(unit).values_list("person_id", "task_id"))
    figures = engine.figures(matrix.reqs, matrix.levels)
    people = {p.pk: p for p in matrix.people}
    tasks = {t.pk: t for t in matrix.tasks}
    reqs = [r for r in matrix.reqs if only is None or r.id in only]
    created = []
    for c in engine.training_candidates(
        reqs, matrix.levels, matrix.person_ids, already=already
    ):
        spof = NeedReason.SPOF if c.task in figures.spof else NeedReason.GAP
        created.append(
            TrainingNeed.objects.create(
                organisation_id=unit.organisation_id,
                task=tasks[c.task],
                person=people[c.person],
                mentor=people.get(c.mentor) if c.mentor else None,
                from_level=c.from_level,
                to_level=c.to_level,
                reason=reason or spof,
                **origin,
            )
        )
    return created


@transaction.atomic
def training_need_to_measure(
    *,
    need: TrainingNeed,
    by: User,
    goal: Goal,
    owner: User,
    start_date: date,
    due_date: date,
) -> Measure:
    """A programme measure of class "training need" with the learner–mentor pair.

    The title names the task only; the people are participants of an
    unpublished measure, so the pair is never shown to residents.
    """
    if need.status != NeedStatus.OPEN:
        raise ValidationError(_("Only an open need can be added to the programme."))
    task = need.task
    pair = [need.person] + ([need.mentor] if need.mentor else [])
    measure = measure_create(
        organisation=task.organisation,
        by=by,
        goal=goal,
        title=_("Training: %(task)s") % {"task": task.name},
        description=_(
            "Train one more person on “%(task)s” (%(unit)s) from level "
            "%(from)s to %(to)s with a mentor."
        )
        % {
            "task": task.name,
            "unit": task.unit.name,
            "from": need.from_level,
            "to": need.to_level,
        },
        measure_class=MeasureClass.TRAINING_NEED,
        service_area=task.service_area,
        owner=owner,
        start_date=start_date,
        due_date=due_date,
        participants=pair,
    )
    need.measure = measure
    need.status = NeedStatus.PROGRAMME
    need.due = due_date
    need.save(update_fields=["measure", "status", "due"])
    return measure


@transaction.atomic
def training_need_complete(*, need: TrainingNeed, by: User, level: int) -> TrainingNeed:
    """The training's result: the supervisor approves the new level."""
    if not is_supervisor(by, need.person, need.task.unit):
        raise PermissionDenied
    level_approve(
        task=need.task, person=need.person, by=by, level=level, note="training"
    )
    need.status = NeedStatus.DONE
    need.save(update_fields=["status"])
    return need
