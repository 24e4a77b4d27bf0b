"""A3 problem solving: write the sections, build the why-tree and fishbone, turn
causes into ideas or measures, add countermeasures, review, check sustainment."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tuuma.accounts.models import User
from tuuma.ideas.actions import idea_create
from tuuma.ideas.models import Idea
from tuuma.improvement.errors import ImprovementError
from tuuma.improvement.fishbone import categories
from tuuma.improvement.models import (
    A3,
    SECTIONS,
    Cause,
    Countermeasure,
    ReviewComment,
    SustainmentCheck,
)
from tuuma.improvement.models.a3 import SUSTAINMENT_DAYS
from tuuma.jobs.mail import queue_email
from tuuma.organisation.models import Organisation
from tuuma.processes.models import Step
from tuuma.programme.actions import measure_create
from tuuma.programme.models import Goal, Measure

SECTION_FIELDS = ("background", "current_state", "goal", "plan", "follow_up")


@transaction.atomic
def a3_create(
    *,
    organisation: Organisation,
    owner: User,
    title: str,
    problem: Idea | None = None,
    process_step: Step | None = None,
    **fields,
) -> A3:
    """A new A3, free-standing, on a problem or on a process step (it takes the
    service area of either unless one is given)."""
    if process_step is not None:
        _check_step(organisation, process_step)
        fields.setdefault("service_area", process_step.version.process.service_area)
    if problem is not None:
        if problem.organisation_id != organisation.pk:
            raise ImprovementError(_("That item belongs to another organisation."))
        if problem.kind != "problem":
            raise ImprovementError(_("An A3 works on an idea of kind problem."))
        fields.setdefault("service_area", problem.service_area)
    return A3.objects.create(
        organisation=organisation,
        owner=owner,
        title=title,
        problem=problem,
        process_step=process_step,
        **fields,
    )


def _check_step(organisation: Organisation, step: Step) -> None:
    if step.organisation_id != organisation.pk:
        raise ImprovementError(_("That item belongs to another organisation."))


@transaction.atomic
def a3_update(*, a3: A3, **fields) -> A3:
    allowed = {*SECTION_FIELDS, "title", "fishbone_set", "service_area", "process_step"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"a3_update got unknown fields {sorted(unknown)}")
    if fields.get("process_step") is not None:
        _check_step(a3.organisation, fields["process_step"])
    for name, value in fields.items():
        setattr(a3, name, value)
    a3.save()
    return a3


@transaction.atomic
def cause_add(
    *,
    a3: A3,
    by: User,
    text: str,
    parent: Cause | None = None,
    category: str = "",
    **evidence,
) -> Cause:
    """A new cause: the answer to "why?" of ``parent`` (or of the problem itself)."""
    if parent is not None and parent.a3_id != a3.pk:
        raise ImprovementError(_("That cause belongs to another A3."))
    if category and category not in categories(a3.fishbone_set):
        raise ImprovementError(_("Choose a category of this A3's fishbone."))
    for key in ("evidence_idea", "evidence_caselog", "evidence_feature"):
        target = evidence.get(key)
        if target is not None and target.organisation_id != a3.organisation_id:
            raise ImprovementError(_("That item belongs to another organisation."))
    is_root = evidence.pop("is_root", False)
    if is_root and not evidence.get("verified"):
        raise ImprovementError(_("Verify a cause before marking it a root cause."))
    return Cause.objects.create(
        organisation=a3.organisation,
        a3=a3,
        parent=parent,
        text=text,
        category=category,
        created_by=by,
        is_root=is_root,
        **evidence,
    )


@transaction.atomic
def cause_mark(*, cause: Cause, verified: bool, is_root: bool) -> Cause:
    if is_root and not verified:
        raise ImprovementError(_("Verify a cause before marking it a root cause."))
    if not is_root and cause.countermeasures.exists():
        raise ImprovementError(_("This root cause has countermeasures."))
    cause.verified, cause.is_root = verified, is_root
    cause.save(update_fields=["verified", "is_root"])
    return cause


@transaction.atomic
def cause_to_idea(*, cause: Cause, by: User) -> Idea:
    """The cause as a staff idea in the backlog, linked both ways (cause.idea and
    idea.a3_causes)."""
    if cause.idea_id:
        return cause.idea
    a3 = cause.a3
    body = _('A cause found in the A3 "%(title)s": %(url)s') % {
        "title": a3.title,
        "url": reverse("improvement:a3", args=[a3.pk]),
    }
    idea = idea_create(
        organisation=cause.organisation,
        author=by,
        kind="staff_initiative",
        title=cause.text[:200],
        body=body,
        service_area=a3.service_area,
        is_staff_only=True,
    )
    cause.idea = idea
    cause.save(update_fields=["idea"])
    return idea


@transaction.atomic
def cause_to_measure(
    *, cause: Cause, by: User, goal: Goal, measure_class: str, due_date: date
) -> Measure:
    """The cause as a programme measure owned by ``by``, linked both ways."""
    if cause.measure_id:
        return cause.measure
    a3 = cause.a3
    if a3.service_area is None:
        raise ImprovementError(
            _("Give the A3 a service area before creating a measure.")
        )
    measure = measure_create(
        organisation=cause.organisation,
        by=by,
        goal=goal,
        title=cause.text[:200],
        description=_('From the A3 "%(title)s".') % {"title": a3.title},
        measure_class=measure_class,
        service_area=a3.service_area,
        owner=by,
        start_date=timezone.localdate(),
        due_date=due_date,
    )
    cause.measure = measure
    cause.save(update_fields=["measure"])
    return measure


@transaction.atomic
def countermeasure_add(*, a3: A3, cause: Cause, text: str, **fields) -> Countermeasure:
    """Countermeasures answer a recorded root cause, never come before one."""
    if not a3.causes.filter(is_root=True).exists():
        raise ImprovementError(
            _("Record a verified root cause before adding countermeasures.")
        )
    if cause.a3_id != a3.pk or not cause.is_root:
        raise ImprovementError(_("A countermeasure answers a root cause of this A3."))
    return Countermeasure.objects.create(
        organisation=a3.organisation, a3=a3, cause=cause, text=text, **fields
    )


@transaction.atomic
def review_comment_add(*, a3: A3, by: User, section: str, text: str) -> ReviewComment:
    if section not in dict(SECTIONS):
        raise ImprovementError(_("Unknown section."))
    return ReviewComment.objects.create(
        organisation=a3.organisation, a3=a3, section=section, text=text, author=by
    )


@transaction.atomic
def a3_mark_implemented(*, a3: A3, on: date) -> list[SustainmentCheck]:
    """Record the implementation and schedule the 30/90/180-day checks."""
    if not a3.countermeasures.exists():
        raise ImprovementError(_("Add a countermeasure first."))
    a3.implemented_on = on
    a3.save(update_fields=["implemented_on"])
    for days in SUSTAINMENT_DAYS:
        SustainmentCheck.objects.update_or_create(
            a3=a3,
            days_after=days,
            defaults={
                "organisation": a3.organisation,
                "due_on": on + timedelta(days=days),
            },
        )
    return list(a3.checks.all())


@transaction.atomic
def check_record(
    *, check: SustainmentCheck, sustained: bool, note: str = ""
) -> SustainmentCheck:
    check.done_at, check.sustained, check.note = timezone.now(), sustained, note
    check.save(update_fields=["done_at", "sustained", "note"])
    return check


def checks_remind_due(*, today: date, organisation: Organisation | None = None) -> int:
    """E-mail the owner of every due, undone, unreminded check (of
    ``organisation``, or all; idempotent: a check is reminded once, in the
    owner's language)."""
    sent = 0
    due = SustainmentCheck.objects.filter(
        due_on__lte=today, done_at=None, reminded_at=None
    ).select_related("a3__owner", "a3__organisation")
    if organisation is not None:
        due = due.filter(organisation=organisation)
    for check in due:
        with transaction.atomic():
            locked = SustainmentCheck.objects.select_for_update().get(pk=check.pk)
            if locked.reminded_at is not None:
                continue
            owner = check.a3.owner
            if owner is not None and owner.email:
                queue_email(
                    to=owner.email,
                    language=owner.preferred_language,
                    subject_template="improvement/email/check_subject.txt",
                    body_template="improvement/email/check_body.txt",
                    context={"check": check, "a3": check.a3, "owner": owner},
                    organisation=check.a3.organisation,
                )
                sent += 1
            locked.reminded_at = timezone.now()
            locked.save(update_fields=["reminded_at"])
    return sent
