"""Process figures in the metric registry (``tuuma/lib/metrics.py``)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuuma.lib.metrics import COUNT, PERIOD, SERVICE_AREA, Filters, Metric, Value
from tuuma.organisation.models import Organisation
from tuuma.processes.models import Review, ReviewStatus


def _reviews_due(organisation: Organisation, filters: Filters) -> Value:
    reviews = Review.objects.filter(
        organisation=organisation, status=ReviewStatus.SCHEDULED
    )
    if filters.service_area:
        reviews = reviews.filter(process__service_area_id=filters.service_area)
    if filters.start:
        reviews = reviews.filter(due_date__gte=filters.start)
    # Without a period, those whose due date has come; an end of the period
    # in the future also counts the reviews coming due by then.
    reviews = reviews.filter(due_date__lte=filters.end or timezone.localdate())
    count = reviews.count()
    return Value(count, count)


METRICS = [
    Metric(
        id="processes.reviews_due",
        label=_("Process reviews due"),
        definition=_(
            "Annual reviews of core processes not yet held whose due date falls "
            "in the period; without a period, those due today or earlier."
        ),
        unit=COUNT,
        source=_("Process catalogue: annual reviews"),
        compute=_reviews_due,
        filters=frozenset({PERIOD, SERVICE_AREA}),
    ),
]
