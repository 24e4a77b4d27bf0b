"""The annual review cycle: scheduling, recording, acknowledging, reminding,
and what a review page shows before anyone types anything."""

import calendar
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.jobs.mail import queue_email
from tuuma.organisation.models import Organisation
from tuuma.processes import logfigures
from tuuma.processes.models import (
    Process,
    ProcessSettings,
    Review,
    ReviewStatus,
    Status,
)
from tuuma.programme.models import Measure
from tuuma.programme.models.measures import OPEN_STATUSES

REMIND_AGAIN_AFTER = timedelta(days=7)


def settings_for(organisation: Organisation) -> ProcessSettings:
    found, _created = ProcessSettings.objects.get_or_create(organisation=organisation)
    return found


@transaction.atomic
def settings_update(*, organisation: Organisation, **data) -> ProcessSettings:
    found = settings_for(organisation)
    if not 1 <= int(data.get("review_month", found.review_month)) <= 12:
        raise ValidationError({"review_month": _("Give a month from 1 to 12.")})
    for key, value in data.items():
        setattr(found, key, value)
    found.full_clean(exclude=["organisation"])
    found.save()
    return found


def due_date_for(found: ProcessSettings, year: int) -> date:
    month = found.review_month
    return date(year, month, calendar.monthrange(year, month)[1])


@transaction.atomic
def reviews_schedule(*, organisation: Organisation, year: int) -> list[Review]:
    """Schedule the year's reviews: in each service area, up to the set number of
    core processes in use, those reviewed longest ago first. Running it again
    adds nothing (one review per process and year)."""
    found = settings_for(organisation)
    core = (
        Process.objects.filter(
            organisation=organisation, is_core=True, status=Status.IN_USE
        )
        .annotate(last_review=Max("reviews__year", filter=Q(reviews__status="done")))
        # Never reviewed first, on every database (PostgreSQL sorts NULL last).
        .order_by(
            "service_area_id", F("last_review").asc(nulls_first=True), "code", "pk"
        )
    )
    taken: dict[int, int] = {}
    for review in Review.objects.filter(organisation=organisation, year=year):
        area = review.process.service_area_id
        taken[area] = taken.get(area, 0) + 1
    created = []
    for process in core:
        area = process.service_area_id
        if taken.get(area, 0) >= found.reviews_per_area:
            continue
        if process.reviews.filter(year=year).exists():
            continue
        created.append(
            Review.objects.create(
                organisation=organisation,
                process=process,
                year=year,
                due_date=due_date_for(found, year),
            )
        )
        taken[area] = taken.get(area, 0) + 1
    return created


@transaction.atomic
def review_create(*, process: Process, year: int, due_date: date) -> Review:
    try:
        with transaction.atomic():
            return Review.objects.create(
                organisation=process.organisation,
                process=process,
                year=year,
                due_date=due_date,
            )
    except IntegrityError:
        raise ValidationError(
            _("The process already has a review that year.")
        ) from None


@transaction.atomic
def review_record(
    *,
    review: Review,
    by: User,
    held_on: date,
    participants: str,
    findings: str,
    decisions: str,
) -> Review:
    """Record the review as held; the acknowledgements come after it."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    if review.status != ReviewStatus.SCHEDULED:
        raise ValidationError(_("The review has already been recorded."))
    if not (participants.strip() and findings.strip() and decisions.strip()):
        raise ValidationError(_("Give the participants, findings and decisions."))
    review.held_on = held_on
    review.participants = participants
    review.findings = findings
    review.decisions = decisions
    review.status = ReviewStatus.DONE
    review.save()
    return review


@transaction.atomic
def review_acknowledge(*, review: Review, by: User, as_lead: bool) -> Review:
    """The process owner's or the productivity lead's acknowledgement (once each)."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    if review.status != ReviewStatus.DONE:
        raise ValidationError(_("Record the review before acknowledging it."))
    prefix = "lead_ack" if as_lead else "owner_ack"
    if getattr(review, f"{prefix}_at") is None:
        setattr(review, f"{prefix}_by", by)
        setattr(review, f"{prefix}_at", timezone.now())
        review.save(update_fields=[f"{prefix}_by", f"{prefix}_at"])
    return review


def open_reviews(organisation: Organisation) -> QuerySet[Review]:
    return Review.objects.filter(
        organisation=organisation, status=ReviewStatus.SCHEDULED
    ).select_related("process", "process__owner", "process__service_area")


def overdue(organisation: Organisation, today: date) -> QuerySet[Review]:
    return open_reviews(organisation).filter(due_date__lt=today)


def reviews_remind(*, organisation: Organisation, today: date | None = None) -> int:
    """E-mail the owners (and deputies) of reviews due soon or overdue; a review
    is reminded of again a week later at the earliest. Returns e-mails queued."""
    today = today or timezone.localdate()
    found = settings_for(organisation)
    soon = today + timedelta(days=found.remind_days_before)
    now = timezone.now()
    sent = 0
    for review in open_reviews(organisation).filter(due_date__lte=soon):
        if review.reminded_at and now - review.reminded_at < REMIND_AGAIN_AFTER:
            continue
        people = [p for p in (review.process.owner, review.process.deputy) if p]
        for person in people:
            queue_email(
                to=person.email,
                language=person.preferred_language or organisation.default_language,
                subject_template="processes/email/review_due_subject.txt",
                body_template="processes/email/review_due.txt",
                context={
                    "review": review,
                    "overdue": review.due_date < today,
                    "site": _site_url(organisation),
                },
                organisation=organisation,
            )
            sent += 1
        Review.objects.filter(pk=review.pk).update(reminded_at=now)
    return sent


def _site_url(organisation: Organisation) -> str:
    """The organisation's own address with its port (links in e-mails)."""
    return organisation.origin


def preparation(review: Review) -> dict:
    """What the review page shows before anyone writes: last year's case-log
    figures of the process's case types, its ideas, open measures and the
    decisions of its previous review."""
    process = review.process
    year = review.year - 1
    view = logfigures.log_view(
        process,
        logfigures.case_filter(
            process, start=date(year, 1, 1), end=date(year + 1, 1, 1), time_mode="ended"
        ),
    )
    log = None
    if view is not None:
        log = {
            "year": year,
            "throughput": logfigures.throughput_figures(view),
            "deadlines": logfigures.deadline_figures(process, view),
        }
    links = process.links.select_related("idea", "measure")
    measures = Measure.objects.filter(
        Q(process_links__process=process) | Q(process_versions__process=process),
        status__in=OPEN_STATUSES,
    ).distinct()
    previous = (
        process.reviews.filter(status=ReviewStatus.DONE, year__lt=review.year)
        .order_by("-year")
        .first()
    )
    return {
        "log": log,
        "ideas": [link.idea for link in links if link.idea_id],
        "open_measures": list(measures),
        "previous": previous,
    }
