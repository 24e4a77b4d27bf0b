"""The ideas' figures in the metric registry (``tuuma/lib/metrics.py``).

The statistics page, the insights dashboard, the board pack, the public results
page and ``/api/v1/metrics`` read them from here. The answer-time figures are
those of ``tuuma.ideas.stats``: without filters the cached ones, with filters
the same computation over the filtered answers. The figures of the tables per
service area (``by_area``) are those of one query grouped by area.
"""

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuuma.ideas.models import Idea, IdeaOutcome, IdeaSettings, IdeaStatus
from tuuma.ideas.stats import (
    AnswerStats,
    answer_stats,
    answered_ideas,
    answered_in_time,
)
from tuuma.ideas.stats import compute_answer_stats as _compute
from tuuma.lib.metrics import (
    COUNT,
    DAYS,
    PERCENT,
    PERIOD,
    SERVICE_AREA,
    Filters,
    Metric,
    Value,
    share,
)
from tuuma.organisation.models import Organisation

ACCEPTS = frozenset({PERIOD, SERVICE_AREA})
SOURCE = _("Ideas: public ideas and their published answers")


def within(ideas: QuerySet, field: str, filters: Filters) -> QuerySet:
    """``ideas`` of the filters' area whose ``field`` (a date-time) falls in the
    period, both ends included, in the organisation's time zone."""
    if filters.service_area:
        ideas = ideas.filter(service_area_id=filters.service_area)
    if filters.start:
        ideas = ideas.filter(**{f"{field}__date__gte": filters.start})
    if filters.end:
        ideas = ideas.filter(**{f"{field}__date__lte": filters.end})
    return ideas


def received_ideas(organisation: Organisation, filters: Filters) -> QuerySet:
    """Public ideas published in the period (the chain's first step)."""
    ideas = Idea.objects.filter(organisation=organisation).public()
    return within(ideas, "published_at", filters)


def answer_figures(organisation: Organisation, filters: Filters) -> AnswerStats:
    if not filters.given():
        return answer_stats(organisation)
    target = IdeaSettings.for_organisation(organisation).answer_target_days
    answered = within(answered_ideas(organisation), "answer_published_at", filters)
    return _compute(answered, target)


def _per_area(ideas: QuerySet, area_ids: list[int], **counts) -> dict[int, dict]:
    """``counts`` (aggregates) of ``ideas`` grouped by service area, every one
    of ``area_ids`` present (zeros where it has no ideas)."""
    rows = (
        ideas.filter(service_area_id__in=area_ids)
        .values("service_area_id")
        .annotate(**counts)
        .order_by()
    )
    found = {row["service_area_id"]: row for row in rows}
    return {pk: found.get(pk, dict.fromkeys(counts, 0)) for pk in area_ids}


def _counts_by_area(ideas: QuerySet, area_ids: list[int]) -> dict[int, Value]:
    counted = _per_area(ideas, area_ids, n=Count("pk"))
    return {pk: Value(row["n"], row["n"]) for pk, row in counted.items()}


def _received(organisation: Organisation, filters: Filters) -> Value:
    count = received_ideas(organisation, filters).count()
    return Value(count, count)


def _received_by_area(organisation, filters, area_ids) -> dict[int, Value]:
    return _counts_by_area(received_ideas(organisation, filters), area_ids)


def _answered(organisation: Organisation, filters: Filters) -> Value:
    answered = answer_figures(organisation, filters).answered
    return Value(answered, answered)


def _within_target(organisation: Organisation, filters: Filters) -> Value:
    stats = answer_figures(organisation, filters)
    return share(stats.within_target, stats.answered)


def _within_target_by_area(organisation, filters, area_ids) -> dict[int, Value]:
    target = IdeaSettings.for_organisation(organisation).answer_target_days
    answered = within(answered_ideas(organisation), "answer_published_at", filters)
    counted = _per_area(
        answered,
        area_ids,
        answered=Count("pk"),
        within=Count("pk", filter=answered_in_time(target)),
    )
    return {pk: share(row["within"], row["answered"]) for pk, row in counted.items()}


def _median(organisation: Organisation, filters: Filters) -> Value:
    stats = answer_figures(organisation, filters)
    return Value(stats.median_days, stats.answered)


def _accepted(organisation: Organisation, filters: Filters) -> Value:
    answered = within(answered_ideas(organisation), "answer_published_at", filters)
    count = answered.filter(outcome=IdeaOutcome.ACCEPTED).count()
    return Value(count, count)


def _waiting_ideas(organisation: Organisation) -> QuerySet:
    return Idea.objects.filter(
        organisation=organisation,
        status__in=[IdeaStatus.PUBLISHED, IdeaStatus.UNDER_REVIEW],
    )


def _waiting(organisation: Organisation, filters: Filters) -> Value:
    ideas = within(
        _waiting_ideas(organisation),
        "published_at",
        Filters(service_area=filters.service_area),
    )
    count = ideas.count()
    return Value(count, count)


def _waiting_by_area(organisation, filters, area_ids) -> dict[int, Value]:
    return _counts_by_area(_waiting_ideas(organisation), area_ids)


def _overdue_ideas(organisation: Organisation) -> QuerySet:
    target = IdeaSettings.for_organisation(organisation).answer_target_days
    return Idea.objects.filter(organisation=organisation).overdue(
        target_days=target, now=timezone.now()
    )


def _overdue(organisation: Organisation, filters: Filters) -> Value:
    count = within(_overdue_ideas(organisation), "published_at", filters).count()
    return Value(count, count)


def _overdue_by_area(organisation, filters, area_ids) -> dict[int, Value]:
    return _counts_by_area(_overdue_ideas(organisation), area_ids)


METRICS = [
    Metric(
        id="ideas.received",
        label=_("Ideas received"),
        definition=_(
            "Public ideas published in the period (hidden ideas, drafts and "
            "ideas waiting for moderation are not counted)."
        ),
        unit=COUNT,
        source=SOURCE,
        compute=_received,
        filters=ACCEPTS,
        public=True,
        by_area=_received_by_area,
    ),
    Metric(
        id="ideas.answered",
        label=_("Ideas answered"),
        definition=_(
            "Public ideas whose official answer was published in the period; "
            "duplicates merged into another idea are not counted."
        ),
        unit=COUNT,
        source=SOURCE,
        compute=_answered,
        filters=ACCEPTS,
        public=True,
    ),
    Metric(
        id="ideas.answered_within_target",
        label=_("Answered within the target"),
        definition=_(
            "Share of the answered ideas whose answer was published within the "
            "organisation's answer-time target, counted from the idea's "
            "publication."
        ),
        unit=PERCENT,
        source=SOURCE,
        compute=_within_target,
        filters=ACCEPTS,
        public=True,
        by_area=_within_target_by_area,
    ),
    Metric(
        id="ideas.median_answer_days",
        label=_("Median answer time"),
        definition=_(
            "The middle of the answered ideas' times from publication to the "
            "published answer, in days."
        ),
        unit=DAYS,
        source=SOURCE,
        compute=_median,
        filters=ACCEPTS,
        public=True,
    ),
    Metric(
        id="ideas.accepted",
        label=_("Ideas accepted"),
        definition=_("Answered ideas (as above) whose answer's outcome is 'accepted'."),
        unit=COUNT,
        source=SOURCE,
        compute=_accepted,
        filters=ACCEPTS,
        public=True,
    ),
    Metric(
        id="ideas.waiting",
        label=_("Ideas waiting for an answer"),
        definition=_("Published ideas without a published answer today."),
        unit=COUNT,
        source=SOURCE,
        compute=_waiting,
        filters=frozenset({SERVICE_AREA}),
        by_area=_waiting_by_area,
    ),
    Metric(
        id="ideas.overdue",
        label=_("Ideas past the answer-time target"),
        definition=_(
            "Published ideas without a published answer whose answer-time "
            "target has passed today."
        ),
        unit=COUNT,
        source=SOURCE,
        compute=_overdue,
        filters=frozenset({SERVICE_AREA}),
        by_area=_overdue_by_area,
    ),
]
