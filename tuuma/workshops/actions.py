"""Everything that changes a workshop: pages, the API, the demo and the bench
call these functions. Each is atomic and refuses with ``WorkshopError`` (a
translated message) before writing anything."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.workshops.audit import record
from tuuma.workshops.models import (
    Anonymity,
    Note,
    Participant,
    Session,
    SessionStatus,
    Step,
    StepKind,
    StepState,
    new_code,
)

STEP_FIELDS = (
    "prompt",
    "premoderate",
    "budget",
    "max_per_item",
    "timer_minutes",
    "options",
)
SESSION_FIELDS = (
    "title",
    "purpose",
    "audience",
    "languages",
    "anonymity",
    "min_group_size",
    "groups",
    "service_area",
    "is_self_paced",
)


class WorkshopError(Exception):
    """A refused operation; ``str(error)`` is a translated message for people."""


def refuse_unless_open(step: Step) -> None:
    """Input goes only into an open step of an open session, before its timer ends."""
    session = step.session
    if session.status == SessionStatus.CLOSED:
        raise WorkshopError(_("This workshop has ended; it takes no more input."))
    if step.state != StepState.OPEN:
        raise WorkshopError(_("This step is closed; it takes no input now."))
    if step.closes_at and timezone.now() >= step.closes_at:
        raise WorkshopError(_("Time is up for this step."))


def _refuse_closed_session(session: Session) -> None:
    if session.status == SessionStatus.CLOSED:
        raise WorkshopError(_("This workshop has ended; it takes no more input."))


@transaction.atomic
def session_create(
    *,
    organisation: Organisation,
    by: User,
    title: str,
    purpose: str = "",
    audience: str = "staff",
    languages: str = "fi",
    anonymity: str = Anonymity.NICKNAME,
    min_group_size: int = 5,
    groups: str = "",
    service_area: ServiceArea | None = None,
    is_self_paced: bool = False,
) -> Session:
    """A new session in preparation, with a fresh join code."""
    if min_group_size < 2:
        raise WorkshopError(_("The minimum group size must be at least 2."))
    for _attempt in range(5):
        code = new_code()
        if not Session.objects.filter(code=code).exists():
            break
    return Session.objects.create(
        organisation=organisation,
        facilitator=by,
        title=title,
        purpose=purpose,
        audience=audience,
        languages=languages,
        anonymity=anonymity,
        min_group_size=min_group_size,
        groups=groups,
        service_area=service_area,
        is_self_paced=is_self_paced,
        code=code,
    )


@transaction.atomic
def session_update(*, session: Session, **fields) -> Session:
    unknown = set(fields) - set(SESSION_FIELDS)
    if unknown:
        raise TypeError(f"session_update got unknown fields {sorted(unknown)}")
    if fields.get("min_group_size", session.min_group_size) < 2:
        raise WorkshopError(_("The minimum group size must be at least 2."))
    for name, value in fields.items():
        setattr(session, name, value)
    session.save()
    return session


@transaction.atomic
def session_copy(*, session: Session, by: User) -> Session:
    """Use a session as a template: same settings and steps, no input, new code."""
    copy = session_create(
        organisation=session.organisation,
        by=by,
        **{name: getattr(session, name) for name in SESSION_FIELDS},
    )
    copy.title = _("Copy of %(title)s") % {"title": session.title}
    copy.copied_from = session
    copy.save(update_fields=["title", "copied_from"])
    for step in session.steps.all():
        step_add(
            session=copy,
            kind=step.kind,
            **{name: getattr(step, name) for name in STEP_FIELDS},
        )
    return copy


@transaction.atomic
def session_open(*, session: Session, by: User) -> Session:
    if session.status == SessionStatus.CLOSED:
        raise WorkshopError(_("A closed workshop cannot be opened again; copy it."))
    session.status = SessionStatus.OPEN
    session.save(update_fields=["status"])
    return session


@transaction.atomic
def session_close(*, session: Session, by: User) -> Session:
    """End the session: every step closes and no input is taken any more."""
    session.steps.filter(state=StepState.OPEN).update(state=StepState.CLOSED)
    session.status = SessionStatus.CLOSED
    session.closed_at = timezone.now()
    session.save(update_fields=["status", "closed_at"])
    record(session, by, "workshops.session_closed", {})
    return session


@transaction.atomic
def step_add(*, session: Session, kind: str, prompt: str, **fields) -> Step:
    unknown = set(fields) - set(STEP_FIELDS)
    if unknown:
        raise TypeError(f"step_add got unknown fields {sorted(unknown)}")
    if kind not in StepKind.values:
        raise WorkshopError(_("Unknown kind of step."))
    if kind == StepKind.POLL and len(_lines(fields.get("options", ""))) < 2:
        raise WorkshopError(_("A poll needs at least two options."))
    if fields.get("budget", 5) < 1 or fields.get("max_per_item", 3) < 1:
        raise WorkshopError(_("Dot budgets and limits must be at least 1."))
    last = session.steps.aggregate(m=Max("position"))["m"]
    return Step.objects.create(
        organisation_id=session.organisation_id,
        session=session,
        kind=kind,
        prompt=prompt,
        position=0 if last is None else last + 1,
        **{k: v for k, v in fields.items() if v is not None or k == "timer_minutes"},
    )


def _lines(text: str) -> list[str]:
    return [line for line in (text or "").splitlines() if line.strip()]


@transaction.atomic
def step_update(*, step: Step, **fields) -> Step:
    unknown = set(fields) - set(STEP_FIELDS)
    if unknown:
        raise TypeError(f"step_update got unknown fields {sorted(unknown)}")
    if step.kind == StepKind.POLL and "options" in fields:
        if len(_lines(fields["options"])) < 2:
            raise WorkshopError(_("A poll needs at least two options."))
    for name, value in fields.items():
        setattr(step, name, value)
    step.save()
    return step


@transaction.atomic
def step_move(*, step: Step, delta: int) -> Step:
    """Swap the step with its neighbour above (-1) or below (+1)."""
    steps = list(step.session.steps.select_for_update())
    index = next(i for i, s in enumerate(steps) if s.pk == step.pk)
    other = index + delta
    if 0 <= other < len(steps):
        steps[index], steps[other] = steps[other], steps[index]
    for position, each in enumerate(steps):
        if each.position != position:
            Step.objects.filter(pk=each.pk).update(position=position)
    step.refresh_from_db()
    return step


@transaction.atomic
def step_delete(*, step: Step) -> None:
    if step.notes.exists() or step.votes.exists() or step.duels.exists():
        raise WorkshopError(_("This step already has input; it cannot be removed."))
    step.delete()


@transaction.atomic
def step_open(*, step: Step, by: User) -> Step:
    """Open a step and show it on every phone; in a live session the step open
    before it closes, so people are always on the same step."""
    session = Session.objects.select_for_update().get(pk=step.session_id)
    _refuse_closed_session(session)
    if not session.is_self_paced:
        session.steps.filter(state=StepState.OPEN).exclude(pk=step.pk).update(
            state=StepState.CLOSED
        )
    step.state = StepState.OPEN
    step.closes_at = (
        timezone.now() + timedelta(minutes=step.timer_minutes)
        if step.timer_minutes
        else None
    )
    step.save(update_fields=["state", "closes_at"])
    session.status = SessionStatus.OPEN
    session.current_step = step
    session.save(update_fields=["status", "current_step"])
    return step


@transaction.atomic
def step_close(*, step: Step, by: User) -> Step:
    step.state = StepState.CLOSED
    step.save(update_fields=["state"])
    return step


@transaction.atomic
def step_show(*, step: Step, by: User) -> Step:
    """Make the step the one shown on phones and the big screen (open or not)."""
    Session.objects.filter(pk=step.session_id).update(current_step=step)
    return step


@transaction.atomic
def step_reveal(*, step: Step, by: User, revealed: bool = True) -> Step:
    step.results_revealed = revealed
    step.save(update_fields=["results_revealed"])
    return step


@transaction.atomic
def participant_join(
    *, session: Session, nickname: str = "", group: str = "", user: User | None = None
) -> Participant:
    """A new participant with a secret token (kept in a cookie on their phone)."""
    session.refresh_from_db(fields=["status"])  # a held object may be stale
    _refuse_closed_session(session)
    if session.status != SessionStatus.OPEN:
        raise WorkshopError(_("This workshop has not started yet."))
    if session.anonymity == Anonymity.SIGNED_IN and user is None:
        raise WorkshopError(_("Log in to take part in this workshop."))
    if user is not None and user.organisation_id != session.organisation_id:
        user = None
    if group and group not in session.group_list:
        raise WorkshopError(_("Choose one of the listed groups."))
    if session.anonymity == Anonymity.ANONYMOUS:
        nickname = ""
    return Participant.objects.create(
        organisation_id=session.organisation_id,
        session=session,
        nickname=nickname.strip()[:40],
        group=group,
        user=user,
    )


def paper_participant(session: Session) -> Participant:
    """The one participant standing for the paper wall of a session."""
    found = session.participants.filter(is_paper=True).first()
    if found:
        return found
    return Participant.objects.create(
        organisation_id=session.organisation_id,
        session=session,
        nickname="",
        is_paper=True,
    )


@transaction.atomic
def note_create(
    *, step: Step, participant: Participant, text: str, is_paper: bool = False
) -> Note:
    text = text.strip()
    if not is_paper:
        refuse_unless_open(step)
    else:
        _refuse_closed_session(step.session)
    if step.kind not in (StepKind.IDEATE, StepKind.QA):
        raise WorkshopError(_("This step does not take notes."))
    if not text:
        raise WorkshopError(_("Write something first."))
    if len(text) > 1000:
        raise WorkshopError(_("Keep it under 1,000 characters."))
    return Note.objects.create(
        organisation_id=step.organisation_id,
        session_id=step.session_id,
        step=step,
        participant=participant,
        text=text,
        is_paper=is_paper,
        is_approved=is_paper or not step.premoderate,
    )


@transaction.atomic
def note_transcribe(*, step: Step, by: User, text: str) -> Note:
    """A note copied from the paper wall by the facilitator, marked as paper."""
    return note_create(
        step=step, participant=paper_participant(step.session), text=text, is_paper=True
    )


@transaction.atomic
def note_moderate(*, note: Note, by: User, action: str) -> Note:
    """approve / hide / restore. A hidden note disappears from every page at once,
    because every page reads notes through ``visible_notes``."""
    if action == "approve":
        note.is_approved, note.is_hidden = True, False
    elif action == "hide":
        note.is_hidden = True
    elif action == "restore":
        note.is_hidden = False
    else:
        raise WorkshopError(_("Unknown moderation action."))
    note.save(update_fields=["is_approved", "is_hidden"])
    record(note.session, by, f"workshops.note_{action}", {"note": note.pk})
    return note


def lock_participant(participant: Participant) -> Participant:
    """Serialise one person's votes: budgets are counted under this row lock."""
    return Participant.objects.select_for_update().get(pk=participant.pk)


def insert_once(model, **fields) -> bool:
    """Insert a unique row; False when it already exists (a repeated request)."""
    try:
        with transaction.atomic():
            model.objects.create(**fields)
    except IntegrityError:
        return False
    return True
