"""The programme's part of "My work": measures one owns that are late or whose
progress update is due, and their milestones due this week."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tuuma.lib.work import Urgency, WorkItem
from tuuma.programme.models import Measure, MeasureStatus, Milestone

# A progress update is due when the owner has not written one for this long
# (half the 60 days after which a measure counts as at risk).
UPDATE_EVERY = timedelta(days=30)
WEEK = timedelta(days=7)


def _short(day) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def _measures(request: HttpRequest, today) -> list[WorkItem]:
    owned = (
        Measure.objects.filter(organisation=request.organisation, owner=request.user)
        .open()
        .annotate(latest_update=Max("progress_updates__date"))
        .only("pk", "title", "due_date", "start_date", "status")
    )
    items = []
    for measure in owned:
        url = measure.get_absolute_url()
        if measure.due_date < today:
            detail = _("Due %(date)s") % {"date": _short(measure.due_date)}
            items.append(
                WorkItem(
                    _("Late measures"),
                    measure.title,
                    url,
                    Urgency.OVERDUE,
                    detail,
                    measure.due_date,
                )
            )
            continue
        last = measure.latest_update or measure.start_date
        if measure.start_date <= today and last + UPDATE_EVERY <= today:
            due = last + UPDATE_EVERY
            detail = _("Last update %(date)s") % {"date": _short(last)}
            if measure.latest_update is None:
                detail = _("No progress update yet")
            items.append(
                WorkItem(
                    _("Progress updates due"),
                    measure.title,
                    url + "#progress-title",
                    Urgency.DUE_SOON,
                    detail,
                    due,
                )
            )
    return items


def _milestones(request: HttpRequest, today) -> list[WorkItem]:
    due = (
        Milestone.objects.filter(
            organisation=request.organisation,
            measure__owner=request.user,
            done_on__isnull=True,
            due_date__lte=today + WEEK,
        )
        .exclude(measure__status__in=[MeasureStatus.DONE, MeasureStatus.CANCELLED])
        .select_related("measure")
        .only("pk", "title", "due_date", "measure__id", "measure__title")
    )
    return [
        WorkItem(
            _("Milestones due this week"),
            f"{milestone.measure.title}: {milestone.title}",
            milestone.measure.get_absolute_url() + "#milestones-title",
            Urgency.OVERDUE if milestone.due_date < today else Urgency.DUE_SOON,
            _("Due %(date)s") % {"date": _short(milestone.due_date)},
            milestone.due_date,
        )
        for milestone in due
    ]


def work_items(request: HttpRequest) -> list[WorkItem]:
    today = timezone.localdate()
    return _measures(request, today) + _milestones(request, today)
