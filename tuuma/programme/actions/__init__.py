"""Operations on the development programme. HTML views, the API and jobs call these."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.ideas.actions import idea_change_status
from tuuma.ideas.models import Idea, IdeaOutcome, IdeaStatus
from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.programme import notify
from tuuma.programme.actions.indicators import (  # noqa: F401 (the app's actions)
    indicator_create,
    indicator_record_value,
)
from tuuma.programme.models import (
    Comment,
    EventKind,
    FocusArea,
    Goal,
    Indicator,
    Measure,
    MeasureEvent,
    MeasureStatus,
    Milestone,
    ProgressUpdate,
)
from tuuma.programme.validation import validate_schedule

# Fields of a measure that measure_update may change, and which are recorded.
EDITABLE_FIELDS = (
    "goal",
    "title",
    "description",
    "public_summary",
    "measure_class",
    "service_area",
    "owner",
    "management_participates",
    "supervisors_participate",
    "staff_participate",
    "participation_note",
    "start_date",
    "due_date",
    "priority",
)
DATE_FIELDS = ("start_date", "due_date")

# A measure's status moves its ideas to this status, from the statuses listed.
IDEA_FOLLOWS = {
    MeasureStatus.IN_PROGRESS: (IdeaStatus.IN_PROGRESS, {IdeaStatus.ANSWERED}),
    MeasureStatus.DONE: (
        IdeaStatus.IMPLEMENTED,
        {IdeaStatus.ANSWERED, IdeaStatus.IN_PROGRESS},
    ),
}
LINKABLE_IDEA_STATUSES = (
    IdeaStatus.ANSWERED,
    IdeaStatus.IN_PROGRESS,
    IdeaStatus.IMPLEMENTED,
)


def linkable_ideas(organisation: Organisation):
    """Ideas with a published "accepted" answer: those a measure may carry."""
    return Idea.objects.filter(
        organisation=organisation,
        outcome=IdeaOutcome.ACCEPTED,
        status__in=LINKABLE_IDEA_STATUSES,
    )


def _record(
    measure: Measure, kind: str, by: User | None, changes: dict
) -> MeasureEvent:
    return MeasureEvent.objects.create(
        organisation_id=measure.organisation_id,
        measure=measure,
        kind=kind,
        actor=by,
        changes=changes,
    )


def _locked(measure: Measure) -> Measure:
    return Measure.objects.select_for_update().get(pk=measure.pk)


def _advance_ideas(measure: Measure, ideas, by: User | None) -> None:
    """Move the ideas along with the measure; their people get the public summary."""
    if measure.status not in IDEA_FOLLOWS:
        return
    to_status, allowed_from = IDEA_FOLLOWS[measure.status]
    # Only forward: an idea implemented by one measure stays so when another starts.
    done = measure.status == MeasureStatus.DONE
    for idea in ideas:
        if idea.status in allowed_from:
            event = idea_change_status(
                idea=idea,
                to_status=to_status,
                by=by,
                public_text=measure.public_summary or measure.title,
                # The "implemented" mail carries the measure's figures, so the
                # programme writes it instead of the idea's plain status mail.
                notify_people=not done,
            )
            if done:
                notify.implemented(measure=measure, idea=idea, event=event)


def _link_idea(measure: Measure, idea: Idea, by: User | None) -> None:
    if not linkable_ideas(measure.organisation).filter(pk=idea.pk).exists():
        raise ValidationError(
            _("Only an idea with a published, accepted answer can be linked."),
            code="idea_not_accepted",
        )
    # Linking twice is harmless: no second history row, no second e-mail.
    if measure.ideas.filter(pk=idea.pk).exists():
        return
    measure.ideas.add(idea, through_defaults=measure.link_defaults)
    _record(measure, EventKind.IDEA_LINKED, by, {"idea": [None, idea.title]})
    _advance_ideas(measure, [idea], by)


@transaction.atomic
def focus_area_create(
    *, organisation: Organisation, name: str, description: str = ""
) -> FocusArea:
    return FocusArea.objects.create(
        organisation=organisation,
        name=name,
        description=description,
        order=FocusArea.objects.filter(organisation=organisation).count(),
    )


@transaction.atomic
def goal_create(*, focus_area: FocusArea, title: str, description: str = "") -> Goal:
    return Goal.objects.create(
        organisation=focus_area.organisation,
        focus_area=focus_area,
        title=title,
        description=description,
        order=focus_area.goals.count(),
    )


@transaction.atomic
def measure_create(
    *,
    organisation: Organisation,
    by: User,
    goal: Goal,
    title: str,
    description: str,
    measure_class: str,
    service_area: ServiceArea,
    owner: User,
    start_date: date,
    due_date: date,
    participants: list[User] | tuple = (),
    ideas: list[Idea] | tuple = (),
    is_published: bool = False,
    **details,
) -> Measure:
    """Create a measure carrying ``ideas`` (accepted ones); ``details`` are further
    EDITABLE_FIELDS (priority …)."""
    validate_schedule(start_date, due_date)
    unknown = set(details) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"measure_create got unknown fields {sorted(unknown)}")
    measure = Measure.objects.create(
        organisation=organisation,
        goal=goal,
        title=title,
        description=description,
        measure_class=measure_class,
        service_area=service_area,
        owner=owner,
        start_date=start_date,
        due_date=due_date,
        is_published=is_published,
        created_by=by,
        **details,
    )
    measure.participants.set(participants, through_defaults=measure.link_defaults)
    _record(
        measure,
        EventKind.CREATED,
        by,
        {
            "status": [None, measure.status],
            "owner": [None, str(owner)],
            "start_date": [None, start_date.isoformat()],
            "due_date": [None, due_date.isoformat()],
        },
    )
    for idea in ideas:
        _link_idea(measure, idea, by)
    return measure


@transaction.atomic
def measure_link_idea(*, measure: Measure, idea: Idea, by: User) -> Measure:
    """Let the measure carry one more accepted idea (several ideas may share one)."""
    measure = _locked(measure)
    _link_idea(measure, idea, by)
    return measure


@transaction.atomic
def measure_update(
    *, measure: Measure, by: User, changes: dict, participants: list[User] | None = None
) -> Measure:
    """Change the fields in ``changes``; date and owner changes enter the history."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"measure_update got unknown fields {sorted(unknown)}")
    measure = _locked(measure)
    validate_schedule(
        changes.get("start_date", measure.start_date),
        changes.get("due_date", measure.due_date),
    )
    # Only dates and owner enter the history: what the steering group follows.
    dates, owner = {}, {}
    for field, value in changes.items():
        old = getattr(measure, field)
        if old == value:
            continue
        if field in DATE_FIELDS:
            dates[field] = [old.isoformat(), value.isoformat()]
        elif field == "owner":
            owner["owner"] = [str(old), str(value)]
        setattr(measure, field, value)
    measure.save()
    if participants is not None:
        measure.participants.set(participants, through_defaults=measure.link_defaults)
    if dates:
        _record(measure, EventKind.DATES, by, dates)
    if owner:
        _record(measure, EventKind.OWNER, by, owner)
    return measure


@transaction.atomic
def measure_change_status(
    *, measure: Measure, to_status: str, by: User, reason: str = ""
) -> Measure:
    """Move the measure to ``to_status`` and record it. When it starts or is done,
    its ideas become in progress or implemented and their people are told.
    ``reason`` says why a measure is cancelled or on hold (shown publicly)."""
    to_status = MeasureStatus(to_status)
    measure = _locked(measure)
    # Re-sending the same status (a double submit) records nothing and mails nobody.
    if measure.status == to_status:
        return measure
    old = measure.status
    measure.status = to_status
    measure.status_reason = reason.strip()
    measure.done_at = timezone.now() if to_status == MeasureStatus.DONE else None
    measure.save(update_fields=["status", "status_reason", "done_at", "updated_at"])
    _record(measure, EventKind.STATUS, by, {"status": [old, to_status.value]})
    _advance_ideas(measure, measure.ideas.all(), by)
    return measure


@transaction.atomic
def measure_set_published(*, measure: Measure, published: bool, by: User) -> Measure:
    measure = _locked(measure)
    if measure.is_published != published:
        old = measure.is_published
        measure.is_published = published
        measure.save(update_fields=["is_published", "updated_at"])
        _record(measure, EventKind.PUBLISHED, by, {"is_published": [old, published]})
    return measure


@transaction.atomic
def measure_post_progress(
    *, measure: Measure, by: User, date: date, percent: int, text: str
) -> ProgressUpdate:
    return ProgressUpdate.objects.create(
        organisation_id=measure.organisation_id,
        measure=measure,
        author=by,
        date=date,
        percent=percent,
        text=text,
    )


@transaction.atomic
def measure_record_result(
    *,
    measure: Measure,
    by: User,
    aim: str,
    achieved: str,
    values: dict[Indicator, Decimal] | None = None,
    on: date | None = None,
) -> Measure:
    """Record "what we aimed at and what we achieved", with final indicator values."""
    measure = _locked(measure)
    on = on or timezone.localdate()
    for indicator, value in (values or {}).items():
        if indicator.measure_id != measure.pk:
            raise ValueError("indicator of another measure")
        indicator_record_value(indicator=indicator, date=on, value=value, by=by)
    old = measure.result_achieved
    measure.result_aim = aim
    measure.result_achieved = achieved
    measure.result_recorded_at = timezone.now()
    measure.save(
        update_fields=[
            "result_aim",
            "result_achieved",
            "result_recorded_at",
            "updated_at",
        ]
    )
    _record(measure, EventKind.RESULT, by, {"result_achieved": [old, achieved]})
    return measure


@transaction.atomic
def measure_comment(*, measure: Measure, by: User, text: str) -> Comment:
    return Comment.objects.create(
        organisation_id=measure.organisation_id, measure=measure, author=by, text=text
    )


@transaction.atomic
def milestone_add(*, measure: Measure, title: str, due_date: date) -> Milestone:
    return Milestone.objects.create(
        organisation_id=measure.organisation_id,
        measure=measure,
        title=title,
        due_date=due_date,
    )


@transaction.atomic
def milestone_mark_reached(*, milestone: Milestone, on: date) -> Milestone:
    milestone.done_on = on
    milestone.save(update_fields=["done_on"])
    return milestone
