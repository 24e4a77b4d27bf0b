"""Operations on tasks, levels, certificates and deputies (views, API and jobs).

Absences and training needs live in ``planning_actions``. Every change to a
person's competence data by someone else leaves an access record they can read.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tuuma.accounts.models import User
from tuuma.competence.models import (
    Assessment,
    AssessmentKind,
    Certificate,
    Deputy,
    Level,
    NeedReason,
    NeedStatus,
    Supervision,
    Task,
    TrainingNeed,
)
from tuuma.competence.visibility import record_change
from tuuma.jobs.mail import queue_email
from tuuma.organisation.models import Organisation, Unit

TASK_FIELDS = (
    "name",
    "description",
    "required_level",
    "headcount",
    "critical",
    "level_descriptors",
    "process",
    "process_ref",
    "case_types",
    "annual_cases",
    "weekly_cases",
    "median_handling_hours",
    "workload_source",
)


def check_level(level: int) -> int:
    if not isinstance(level, int) or not 0 <= level <= 4:
        raise ValidationError(_("A level is a whole number from 0 to 4."))
    return level


def _same_org_process(organisation_id: int, process) -> None:
    if process is not None and process.organisation_id != organisation_id:
        raise ValidationError(_("The process belongs to another organisation."))


@transaction.atomic
def task_create(*, unit: Unit, name: str, **fields) -> Task:
    unknown = set(fields) - set(TASK_FIELDS)
    if unknown:
        raise TypeError(f"task_create got unknown fields {sorted(unknown)}")
    _same_org_process(unit.organisation_id, fields.get("process"))
    task = Task(
        organisation_id=unit.organisation_id,
        unit=unit,
        service_area_id=unit.service_area_id,
        name=name,
        **fields,
    )
    task.full_clean()
    task.save()
    return task


@transaction.atomic
def task_update(*, task: Task, **fields) -> Task:
    unknown = set(fields) - set(TASK_FIELDS)
    if unknown:
        raise TypeError(f"task_update got unknown fields {sorted(unknown)}")
    _same_org_process(task.organisation_id, fields.get("process"))
    for name, value in fields.items():
        setattr(task, name, value)
    task.full_clean()
    task.save()
    return task


@transaction.atomic
def supervision_set(*, unit: Unit, supervisor: User, person: User) -> Supervision:
    if supervisor.pk == person.pk:
        raise ValidationError(_("A person cannot supervise themself."))
    for someone in (supervisor, person):
        if someone.organisation_id != unit.organisation_id:
            raise ValidationError(_("Both people must belong to the organisation."))
    row, _created = Supervision.objects.get_or_create(
        organisation_id=unit.organisation_id,
        unit=unit,
        supervisor=supervisor,
        person=person,
    )
    return row


def is_supervisor(user: User, person: User, unit: Unit) -> bool:
    return Supervision.objects.filter(
        unit=unit, supervisor=user, person=person
    ).exists()


def _same_org(task: Task, *people: User) -> None:
    if any(p.organisation_id != task.organisation_id for p in people):
        raise ValidationError(_("The person does not belong to the organisation."))


@transaction.atomic
def assessment_record(
    *, task: Task, person: User, by: User, level: int, note: str = ""
) -> Assessment:
    """A self-assessment (``by`` is the person) or their supervisor's rating."""
    check_level(level)
    _same_org(task, person, by)
    if by.pk == person.pk:
        kind = AssessmentKind.SELF
    elif is_supervisor(by, person, task.unit):
        kind = AssessmentKind.SUPERVISOR
    else:
        raise PermissionDenied
    assessment = Assessment.objects.create(
        organisation_id=task.organisation_id,
        task=task,
        person=person,
        kind=kind,
        level=level,
        assessed_by=by,
        note=note,
    )
    record_change(
        task.organisation, by, person.pk, f"assessed {task.name}: level {level}"
    )
    return assessment


@transaction.atomic
def level_approve(
    *, task: Task, person: User, by: User, level: int, note: str = ""
) -> Level:
    """The supervisor approves the agreed level; figures use it from now on.

    A training need on the task that this level reaches is done: the approval
    is the training's result.
    """
    check_level(level)
    _same_org(task, person, by)
    if not is_supervisor(by, person, task.unit):
        raise PermissionDenied
    row = _set_level(task=task, person=person, by=by, level=level, note=note)
    TrainingNeed.objects.filter(
        task=task,
        person=person,
        status__in=[NeedStatus.OPEN, NeedStatus.PROGRAMME],
        to_level__lte=level,
    ).update(status=NeedStatus.DONE)
    return row


def _set_level(*, task: Task, person: User, by: User | None, level: int, note: str):
    Assessment.objects.create(
        organisation_id=task.organisation_id,
        task=task,
        person=person,
        kind=AssessmentKind.AGREED,
        level=level,
        assessed_by=by,
        note=note,
    )
    row, _created = Level.objects.update_or_create(
        task=task,
        person=person,
        defaults={
            "organisation_id": task.organisation_id,
            "level": level,
            "approved_by": by,
        },
    )
    record_change(
        task.organisation, by, person.pk, f"agreed level {task.name}: {level}"
    )
    _flag_deputy_if_below(task, person)
    return row


@transaction.atomic
def level_replace(
    *, task: Task, person: User, by: User, level: int | None, note: str = "import"
) -> None:
    """An imported level (the import checked it); ``None`` removes the level."""
    _same_org(task, person)
    if level is not None:
        _set_level(task=task, person=person, by=by, level=check_level(level), note=note)
        return
    Level.objects.filter(task=task, person=person).delete()
    record_change(task.organisation, by, person.pk, f"removed level {task.name}")


def differences(person: User, tasks: list[Task]) -> dict[int, dict[str, int | None]]:
    """Task id -> latest self, supervisor and agreed level (the difference shown)."""
    latest: dict[int, dict[str, int | None]] = {
        t.pk: dict.fromkeys(AssessmentKind.values) for t in tasks
    }
    rows = Assessment.objects.filter(person=person, task__in=tasks).order_by(
        "assessed_at", "pk"
    )
    for task_id, kind, level in rows.values_list("task_id", "kind", "level"):
        latest[task_id][kind] = level
    return latest


@transaction.atomic
def certificate_add(
    *,
    person: User,
    by: User,
    name: str,
    valid_until: date | None = None,
    task: Task | None = None,
) -> Certificate:
    certificate = Certificate.objects.create(
        organisation_id=person.organisation_id,
        person=person,
        name=name,
        valid_until=valid_until,
        task=task,
    )
    record_change(person.organisation, by, person.pk, f"certificate {name}")
    return certificate


def certificates_remind(*, organisation: Organisation, today: date, days: int = 60):
    """E-mail each holder once when a certificate lapses within ``days``."""
    due = Certificate.objects.filter(
        organisation=organisation,
        reminded_at__isnull=True,
        valid_until__isnull=False,
        valid_until__lte=today + timedelta(days=days),
        valid_until__gte=today,
    ).select_related("person")
    sent = 0
    for certificate in due:
        with transaction.atomic():
            # Claim the row first so a re-run after a crash never mails twice.
            claimed = Certificate.objects.filter(
                pk=certificate.pk, reminded_at__isnull=True
            ).update(reminded_at=timezone.now())
            if not claimed:
                continue
            queue_email(
                to=certificate.person.email,
                language=certificate.person.preferred_language,
                subject_template="competence/email/certificate_subject.txt",
                body_template="competence/email/certificate_body.txt",
                context={"certificate": certificate, "person": certificate.person},
                organisation=organisation,
            )
            sent += 1
    return sent


@transaction.atomic
def deputies_set(*, task: Task, people: list[User], by: User) -> list[Deputy]:
    """The primary holder first, then deputies in order; replaces the list."""
    if len({p.pk for p in people}) != len(people):
        raise ValidationError(_("A person can appear only once in the list."))
    _same_org(task, *people)
    Deputy.objects.filter(task=task).delete()
    rows = Deputy.objects.bulk_create(
        Deputy(organisation_id=task.organisation_id, task=task, person=p, order=i)
        for i, p in enumerate(people)
    )
    for person in people:
        _flag_deputy_if_below(task, person)
    return rows


def _flag_deputy_if_below(task: Task, person: User) -> None:
    """A deputy below the required level is a training need, not cover."""
    if not Deputy.objects.filter(task=task, person=person).exists():
        return
    level = (
        Level.objects.filter(task=task, person=person)
        .values_list("level", flat=True)
        .first()
    ) or 0
    if level >= task.required_level:
        return
    open_need = TrainingNeed.objects.filter(
        task=task, person=person, status__in=[NeedStatus.OPEN, NeedStatus.PROGRAMME]
    )
    if not open_need.exists():
        TrainingNeed.objects.create(
            organisation_id=task.organisation_id,
            task=task,
            person=person,
            from_level=level,
            to_level=task.required_level,
            reason=NeedReason.DEPUTY,
        )


def deputy_cover(task: Task) -> list[tuple[Deputy, int, bool]]:
    """(deputy, level, counts as cover) in order."""
    rows = list(Deputy.objects.filter(task=task).select_related("person"))
    levels = dict(Level.objects.filter(task=task).values_list("person_id", "level"))
    return [
        (
            d,
            levels.get(d.person_id, 0),
            levels.get(d.person_id, 0) >= task.required_level,
        )
        for d in rows
    ]
