"""Operations on the catalogue, versions and steps. Views, the API, the BPMN
import and the demo call these; reviews are in ``review_actions.py``."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.ideas.models import Idea
from tuuma.organisation.models import Organisation
from tuuma.processes.models import (
    Level,
    Process,
    ProcessLink,
    ProcessVersion,
    Status,
    Step,
    VersionComment,
    Waste,
)
from tuuma.programme.models import Measure

PROCESS_FIELDS = (
    "service_area",
    "parent",
    "level",
    "code",
    "name",
    "description",
    "owner",
    "deputy",
    "suppliers",
    "inputs",
    "outputs",
    "customers",
    "case_types",
    "systems",
    "status",
    "is_core",
    "is_published",
    "caselog",
    "case_type_attribute",
)
VERSION_FIELDS = (
    "name",
    "state",
    "future_of",
    "measure",
    "go_live",
    "target_lead_time_days",
    "minutes_per_working_day",
    "working_days_per_year",
    "demand_per_year",
    "notes",
)
STEP_FIELDS = tuple(
    f.name
    for f in Step._meta.get_fields()
    if f.concrete and f.name not in {"id", "organisation", "version", "position"}
)
# Acts on a process that go to the audit log: who answers for it, and retiring it.
AUDITED_CHANGES = {
    "owner": "processes.owner_changed",
    "deputy": "processes.deputy_changed",
    "status": "processes.retired",
}
# A parent's level for each level: groups sit under the service area itself.
PARENT_LEVEL = {
    Level.GROUP: None,
    Level.PROCESS: Level.GROUP,
    Level.SUBPROCESS: Level.PROCESS,
}


def _check_same_organisation(organisation: Organisation, **objects) -> None:
    for name, obj in objects.items():
        if obj is not None and obj.organisation_id != organisation.pk:
            raise ValidationError({name: _("Choose one of this organisation's.")})


def _check_process(process: Process) -> None:
    parent = process.parent
    if parent is None:
        if process.level == Level.SUBPROCESS:
            raise ValidationError({"parent": _("A sub-process belongs to a process.")})
        return
    if parent.pk == process.pk or parent.level == Level.SUBPROCESS:
        raise ValidationError({"parent": _("Choose a process group or a process.")})
    if parent.service_area_id != process.service_area_id:
        raise ValidationError(
            {"parent": _("The parent belongs to another service area.")}
        )
    if process.level == Level.GROUP:
        raise ValidationError({"parent": _("A process group has no parent.")})


def _clean_list(values: Iterable[str] | str) -> list[str]:
    if isinstance(values, str):
        values = values.replace("\n", ",").split(",")
    return [v.strip() for v in values if v and v.strip()]


@transaction.atomic
def process_create(*, organisation: Organisation, by: User | None, **data) -> Process:
    process = Process(organisation=organisation)
    _apply(process, data)
    audit_record(
        organisation=organisation, actor=by, action="processes.created", target=process
    )
    return process


@transaction.atomic
def process_update(*, process: Process, by: User | None, **data) -> Process:
    """Change a process; a new owner or deputy and retiring it are audited."""
    before = {name: getattr(process, name) for name in AUDITED_CHANGES}
    _apply(process, data)
    for name, action in AUDITED_CHANGES.items():
        old, new = before[name], getattr(process, name)
        if old == new or (name == "status" and new != Status.RETIRED):
            continue
        audit_record(
            organisation=process.organisation,
            actor=by,
            action=action,
            target=process,
            details={"from": str(old or ""), "to": str(new or "")},
        )
    return process


def _apply(process: Process, data: dict) -> None:
    unknown = set(data) - set(PROCESS_FIELDS)
    if unknown:
        raise TypeError(f"Unknown process fields: {sorted(unknown)}")
    for key in ("case_types", "systems"):
        if key in data:
            data[key] = _clean_list(data[key])
    for key, value in data.items():
        setattr(process, key, value)
    organisation = process.organisation
    _check_same_organisation(
        organisation,
        service_area=process.service_area,
        parent=process.parent,
        caselog=process.caselog,
    )
    for field in ("owner", "deputy"):
        person = getattr(process, field)
        if person is not None and person.organisation_id != organisation.pk:
            raise ValidationError({field: _("Choose one of this organisation's.")})
    _check_process(process)
    process.full_clean(exclude=["organisation"])
    process.save()


@transaction.atomic
def version_create(
    *,
    process: Process,
    by: User | None,
    copy_from: ProcessVersion | None = None,
    **data,
) -> ProcessVersion:
    """A new version; ``copy_from`` copies that version's steps into it."""
    version = ProcessVersion(
        organisation=process.organisation, process=process, created_by=by
    )
    _apply_version(version, data)
    if copy_from is not None:
        if copy_from.process_id != process.pk:
            raise ValidationError(_("Copy steps only from a version of this process."))
        steps_replace(
            version=version,
            rows=[_step_data(step) for step in copy_from.steps.all()],
        )
    return version


@transaction.atomic
def version_update(*, version: ProcessVersion, **data) -> ProcessVersion:
    _apply_version(version, data)
    return version


def _apply_version(version: ProcessVersion, data: dict) -> None:
    unknown = set(data) - set(VERSION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown version fields: {sorted(unknown)}")
    for key, value in data.items():
        setattr(version, key, value)
    _check_same_organisation(version.organisation, measure=version.measure)
    future_of = version.future_of
    if future_of is not None and future_of.process_id != version.process_id:
        raise ValidationError({"future_of": _("Choose a version of this process.")})
    version.full_clean(exclude=["organisation", "process"])
    version.save()


def _step_data(step: Step) -> dict:
    return {name: getattr(step, name) for name in STEP_FIELDS}


def _check_step(data: dict) -> None:
    errors = {}
    wastes = data.get("wastes") or []
    if any(w not in Waste.values for w in wastes):
        errors["wastes"] = _("Unknown waste code.")
    for key in ("pt_minutes", "lt_minutes"):
        if (data.get(key) or 0) < 0:
            errors[key] = _("A time cannot be negative.")
    pct = data.get("pct_ca")
    if pct is not None and not 0 <= pct <= 100:
        errors["pct_ca"] = _("Give a share between 0 and 100.")
    if (data.get("pt_minutes") or 0) > (data.get("lt_minutes") or 0):
        errors["lt_minutes"] = _("Lead time includes process time: it is not shorter.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def step_save(*, version: ProcessVersion, step: Step | None = None, **data) -> Step:
    """Add a step at the end, or change ``step``."""
    unknown = set(data) - set(STEP_FIELDS)
    if unknown:
        raise TypeError(f"Unknown step fields: {sorted(unknown)}")
    if step is None:
        last = version.steps.aggregate(last=Max("position"))["last"] or 0
        step = Step(
            organisation=version.organisation, version=version, position=last + 1
        )
    elif step.version_id != version.pk:
        raise ValidationError(_("The step belongs to another version."))
    data["activities"] = _clean_list(data.get("activities", step.activities))
    merged = {**_step_data(step), **data}
    _check_step(merged)
    for key, value in data.items():
        setattr(step, key, value)
    step.full_clean(exclude=["organisation", "version"])
    step.save()
    return step


@transaction.atomic
def step_delete(*, step: Step, by: User | None = None) -> None:
    version = step.version
    audit_record(
        organisation=step.organisation,
        actor=by,
        action="processes.step_deleted",
        target=version,
        details={"step": step.name, "position": step.position},
    )
    step.delete()
    _renumber(version)


@transaction.atomic
def step_move(*, step: Step, offset: int) -> None:
    """Move a step ``offset`` places up (negative) or down in its table."""
    steps = list(step.version.steps.select_for_update().order_by("position", "pk"))
    index = next(i for i, s in enumerate(steps) if s.pk == step.pk)
    target = max(0, min(len(steps) - 1, index + offset))
    steps.insert(target, steps.pop(index))
    _renumber(step.version, steps)


def _renumber(version: ProcessVersion, steps: list[Step] | None = None) -> None:
    steps = steps if steps is not None else list(version.steps.order_by("position"))
    for number, item in enumerate(steps, start=1):
        if item.position != number:
            item.position = number
            item.save(update_fields=["position"])


@transaction.atomic
def steps_replace(*, version: ProcessVersion, rows: list[dict]) -> list[Step]:
    """Replace the version's steps with ``rows`` (all or nothing)."""
    version.steps.all().delete()
    return [step_save(version=version, **row) for row in rows]


@transaction.atomic
def link_add(
    *,
    process: Process,
    idea: Idea | None = None,
    measure: Measure | None = None,
    step: Step | None = None,
    review=None,
    note: str = "",
) -> ProcessLink:
    """Name ``process`` on an idea or a measure (again: the same link)."""
    if (idea is None) == (measure is None):
        raise ValidationError(_("Link either an idea or a measure."))
    _check_same_organisation(process.organisation, idea=idea, measure=measure)
    if step is not None and step.version.process_id != process.pk:
        raise ValidationError({"step": _("Choose a step of this process.")})
    if review is not None and review.process_id != process.pk:
        raise ValidationError(_("Choose a review of this process."))
    link, _created = ProcessLink.objects.update_or_create(
        process=process,
        idea=idea,
        measure=measure,
        defaults={
            "organisation": process.organisation,
            "step": step,
            "review": review,
            "note": note,
        },
    )
    return link


@transaction.atomic
def link_remove(*, link: ProcessLink, by: User | None) -> None:
    audit_record(
        organisation=link.organisation,
        actor=by,
        action="processes.link_removed",
        target=link.process,
        details={"idea": link.idea_id, "measure": link.measure_id},
    )
    link.delete()


@transaction.atomic
def comment_add(*, version: ProcessVersion, by: User, text: str) -> VersionComment:
    if not text.strip():
        raise ValidationError({"text": _("Write a comment.")})
    return VersionComment.objects.create(
        organisation=version.organisation, version=version, author=by, text=text
    )


@transaction.atomic
def version_import(
    *, process: Process, by: User | None, name: str, rows: list[dict]
) -> ProcessVersion:
    """A new draft as-is version holding imported steps (all or nothing)."""
    version = version_create(process=process, by=by, name=name)
    steps_replace(version=version, rows=rows)
    return version
