"""Staff prepare a hearing: settings, versioned sections, questions, publishing."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.hearings.actions.common import HearingError, lock_hearing
from tuuma.hearings.choices import HearingStatus, QuestionKind
from tuuma.hearings.models import Hearing, Question, Section, SectionVersion
from tuuma.organisation.models import Organisation

HEARING_FIELDS = {
    "service_area",
    "matter",
    "title",
    "title_sv",
    "title_en",
    "summary",
    "summary_sv",
    "summary_en",
    "plain_summary",
    "languages",
    "audience",
    "identity",
    "opens_at",
    "closes_at",
    "contact_name",
    "contact_email",
    "contact_phone",
}
SECTION_FIELDS = {
    "title",
    "title_sv",
    "title_en",
    "body",
    "body_sv",
    "body_en",
    "image",
    "image_alt",
}


def _check_dates(opens_at: datetime, closes_at: datetime) -> None:
    if closes_at <= opens_at:
        raise HearingError(_("The hearing must close after it opens."))


@transaction.atomic
def hearing_create(
    *,
    organisation: Organisation,
    by: User,
    title: str,
    summary: str,
    opens_at: datetime,
    closes_at: datetime,
    contact_name: str,
    **fields,
) -> Hearing:
    _check_dates(opens_at, closes_at)
    unknown = set(fields) - HEARING_FIELDS
    if unknown:
        raise TypeError(f"Unknown hearing fields: {sorted(unknown)}")
    return Hearing.objects.create(
        organisation=organisation,
        created_by=by,
        title=title,
        summary=summary,
        opens_at=opens_at,
        closes_at=closes_at,
        contact_name=contact_name,
        **fields,
    )


@transaction.atomic
def hearing_update(*, hearing: Hearing, by: User, **fields) -> Hearing:
    """Settings change while drafting; once published only texts and the close date
    (extending a hearing is allowed, moving its opening is not)."""
    unknown = set(fields) - HEARING_FIELDS
    if unknown:
        raise TypeError(f"Unknown hearing fields: {sorted(unknown)}")
    hearing = lock_hearing(hearing)
    if hearing.status == HearingStatus.CLOSED:
        raise HearingError(_("A closed hearing cannot be changed."))
    for name, value in fields.items():
        setattr(hearing, name, value)
    _check_dates(hearing.opens_at, hearing.closes_at)
    hearing.save()
    return hearing


@transaction.atomic
def hearing_publish(*, hearing: Hearing, by: User) -> Hearing:
    hearing = lock_hearing(hearing)
    if hearing.status != HearingStatus.DRAFT:
        raise HearingError(_("Only a draft can be published."))
    if not hearing.sections.exists():
        raise HearingError(_("Add at least one section before publishing."))
    hearing.status = HearingStatus.PUBLISHED
    hearing.published_at = timezone.now()
    hearing.save(update_fields=["status", "published_at"])
    audit_record(
        organisation=hearing.organisation,
        actor=by,
        action="hearings.publish",
        target=hearing,
    )
    return hearing


@transaction.atomic
def hearing_close(*, hearing: Hearing, by: User | None) -> Hearing:
    """Close now (staff) or after the close date (the job); closing twice is a no-op."""
    hearing = lock_hearing(hearing)
    if hearing.status == HearingStatus.CLOSED:
        return hearing
    if hearing.status != HearingStatus.PUBLISHED:
        raise HearingError(_("Only a published hearing can be closed."))
    now = timezone.now()
    hearing.status = HearingStatus.CLOSED
    hearing.closed_at = now
    hearing.closes_at = min(hearing.closes_at, now)
    if hearing.opens_at >= hearing.closes_at:
        hearing.opens_at = hearing.closes_at - timezone.timedelta(seconds=1)
    hearing.save(update_fields=["status", "closed_at", "closes_at", "opens_at"])
    audit_record(
        organisation=hearing.organisation,
        actor=by,
        action="hearings.close",
        target=hearing,
    )
    return hearing


def hearings_close_due(*, now: datetime) -> int:
    """Close every published hearing whose close date is at or before ``now``;
    returns how many this call closed. Each is closed in its own transaction
    under a row lock, so two workers running this at once close each one once
    (``hearing_close`` is a no-op on a closed hearing)."""
    due = Hearing.objects.filter(
        status=HearingStatus.PUBLISHED,
        closes_at__lte=now,
        organisation__is_active=True,
    ).values_list("pk", flat=True)
    closed = 0
    for pk in list(due):
        with transaction.atomic():
            hearing = lock_hearing(Hearing(pk=pk))
            if hearing.status == HearingStatus.PUBLISHED:
                hearing_close(hearing=hearing, by=None)
                closed += 1
    return closed


def _snapshot(section: Section) -> SectionVersion:
    return SectionVersion.objects.create(
        organisation=section.organisation,
        section=section,
        number=section.version,
        title=section.title,
        body=section.body,
    )


def _refuse_if_closed(hearing: Hearing) -> None:
    if Hearing.objects.get(pk=hearing.pk).has_ended:
        raise HearingError(_("The hearing has ended; its sections stay as they were."))


@transaction.atomic
def section_add(
    *, hearing: Hearing, title: str, body: str, position: int | None = None, **fields
) -> Section:
    _refuse_if_closed(hearing)
    if position is None:
        position = hearing.sections.count()
    section = Section.objects.create(
        organisation=hearing.organisation,
        hearing=hearing,
        position=position,
        title=title,
        body=body,
        **fields,
    )
    _snapshot(section)
    return section


@transaction.atomic
def section_update(*, section: Section, by: User, **fields) -> Section:
    """A changed text is a new version; comments keep the version they were on."""
    unknown = set(fields) - SECTION_FIELDS
    if unknown:
        raise TypeError(f"Unknown section fields: {sorted(unknown)}")
    _refuse_if_closed(section.hearing)
    section = Section.objects.select_for_update().get(pk=section.pk)
    text_changed = any(
        fields.get(name, getattr(section, name)) != getattr(section, name)
        for name in ("title", "body")
    )
    for name, value in fields.items():
        setattr(section, name, value)
    if text_changed and section.hearing.status != HearingStatus.DRAFT:
        section.version += 1
        section.save()
        _snapshot(section)
    else:
        section.save()
        SectionVersion.objects.filter(section=section, number=section.version).update(
            title=section.title, body=section.body
        )
    return section


@transaction.atomic
def question_add(
    *,
    section: Section,
    kind: str,
    text: str,
    options: str = "",
    text_sv: str = "",
    text_en: str = "",
) -> Question:
    _refuse_if_closed(section.hearing)
    question = Question(
        organisation=section.organisation,
        section=section,
        position=section.questions.count(),
        kind=kind,
        text=text,
        text_sv=text_sv,
        text_en=text_en,
        options=options,
    )
    if kind not in QuestionKind.values:
        raise HearingError(_("Choose the kind of question."))
    if question.has_options and len(question.option_list) < 2:
        raise HearingError(_("Give at least two options, one per line."))
    if Hearing.objects.get(pk=section.hearing_id).status != HearingStatus.DRAFT:
        raise HearingError(_("Questions are fixed once the hearing is published."))
    question.save()
    return question
