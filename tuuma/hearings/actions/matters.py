"""The life cycle of a matter: phases with dates, the decision, links, followers."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.hearings.actions.common import HearingError
from tuuma.hearings.choices import PHASE_ORDER, Phase
from tuuma.hearings.models import (
    Follower,
    Hearing,
    Matter,
    MatterMeasure,
    PhaseChange,
)
from tuuma.jobs.mail import queue_email
from tuuma.programme.models import Measure


@transaction.atomic
def matter_create(
    *,
    organisation,
    by: User,
    title: str,
    description: str,
    started_on: date,
    **fields,
) -> Matter:
    if not title.strip():
        raise HearingError(_("Give the matter a title."))
    matter = Matter.objects.create(
        organisation=organisation,
        created_by=by,
        title=title.strip(),
        description=description,
        **fields,
    )
    PhaseChange.objects.create(
        organisation=organisation,
        matter=matter,
        phase=Phase.PREPARATION,
        date=started_on,
        by=by,
    )
    return matter


@transaction.atomic
def matter_publish(*, matter: Matter, by: User) -> Matter:
    matter.is_published = True
    matter.save(update_fields=["is_published"])
    audit_record(
        organisation=matter.organisation,
        actor=by,
        action="hearings.matter_publish",
        target=matter,
    )
    return matter


@transaction.atomic
def matter_record_decision(
    *,
    matter: Matter,
    by: User,
    body: str,
    decided_on: date,
    summary: str,
    case_id: str = "",
    minutes_url: str = "",
) -> Matter:
    """The decision record; the matter moves to the decision phase if before it."""
    if not body.strip():
        raise HearingError(_("Name the body or office holder who decided."))
    matter.decision_body = body.strip()
    matter.decision_date = decided_on
    matter.decision_summary = summary.strip()
    matter.minutes_url = minutes_url
    if case_id:
        matter.case_id = case_id.strip()
    matter.save()
    if matter.phase_index < PHASE_ORDER.index(Phase.DECISION):
        matter_change_phase(
            matter=matter, by=by, phase=Phase.DECISION, on=decided_on, note=summary
        )
    return matter


@transaction.atomic
def matter_change_phase(
    *, matter: Matter, by: User, phase: str, on: date, note: str = ""
) -> PhaseChange:
    """Move forward (or back, to correct a mistake); followers hear of it."""
    if phase not in Phase.values:
        raise HearingError(_("Choose a phase."))
    if phase == matter.phase:
        raise HearingError(_("The matter is already in that phase."))
    matter = Matter.objects.select_for_update().get(pk=matter.pk)
    matter.phase = phase
    matter.save(update_fields=["phase"])
    change = PhaseChange.objects.create(
        organisation=matter.organisation,
        matter=matter,
        phase=phase,
        date=on,
        note=note.strip(),
        by=by,
    )
    if matter.is_published:
        _notify_followers(matter, change)
    return change


def _notify_followers(matter: Matter, change: PhaseChange) -> None:
    for follower in matter.followers.select_related("user"):
        queue_email(
            to=follower.user.email,
            language=follower.user.preferred_language,
            subject_template="hearings/email/phase_subject.txt",
            body_template="hearings/email/phase_body.txt",
            context={"matter": matter, "change": change, "person": follower.user},
        )


@transaction.atomic
def matter_link_hearing(*, matter: Matter, hearing: Hearing) -> Hearing:
    if hearing.organisation_id != matter.organisation_id:
        raise HearingError(_("That hearing was not found."))
    hearing.matter = matter
    hearing.save(update_fields=["matter"])
    return hearing


@transaction.atomic
def matter_link_measure(*, matter: Matter, measure: Measure) -> bool:
    if measure.organisation_id != matter.organisation_id:
        raise HearingError(_("That measure was not found."))
    try:
        with transaction.atomic():
            MatterMeasure.objects.create(
                organisation=matter.organisation, matter=matter, measure=measure
            )
    except IntegrityError:
        return False
    return True


@transaction.atomic
def matter_unlink_measure(*, matter: Matter, measure: Measure) -> bool:
    deleted, _rows = MatterMeasure.objects.filter(
        matter=matter, measure=measure
    ).delete()
    return bool(deleted)


@transaction.atomic
def matter_follow(*, matter: Matter, user: User) -> bool:
    try:
        with transaction.atomic():
            Follower.objects.create(
                organisation=matter.organisation, matter=matter, user=user
            )
    except IntegrityError:
        return False
    return True


@transaction.atomic
def matter_unfollow(*, matter: Matter, user: User) -> bool:
    deleted, _rows = Follower.objects.filter(matter=matter, user=user).delete()
    return bool(deleted)
