"""The ideas' figures in the metric registry (``tuuma/lib/metrics.py``).

The statistics page, the insights dashboard, the board pack, the public results
page and ``/api/v1/metrics`` read them from here. The answer-time figures are
those of ``tuuma.ideas.stats``: without filters the cached ones, with filters
the same computation over the filtered answers. The figures of the tables per
service area (``by_area``) are those of one query grouped by area.
"""

from django.db.models import Count, Q, QuerySet
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
    memoised,
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

    def compute() -> AnswerStats:
        target = IdeaSettings.for_organisation(organisation).answer_target_days
        answered = within(answered_ideas(organisation), "answer_published_at", filters)
        return _compute(answered, target)

    # Three figures (answered, within the target, the median) read the same.
    return memoised(("ideas.answer_figures", organisation.pk, filters), compute)


def _grouped(ideas: QuerySet, **counts) -> dict[int | None, dict]:
    """``counts`` (aggregates) of ``ideas`` per service area (None: no area)."""
    rows = ideas.values("service_area_id").annotate(**counts).order_by()
    return {row["service_area_id"]: row for row in rows}


def _of_filters(grouped: dict, filters: Filters, name: str) -> int:
    """The count ``name`` of the filters' service area, or of all the ideas."""
    if filters.service_area:
        return grouped.get(filters.service_area, {}).get(name, 0)
    return sum(row[name] for row in grouped.values())


def _counts_by_area(ideas: QuerySet, area_ids: list[int]) -> dict[int, Value]:
    grouped = _grouped(ideas.filter(service_area_id__in=area_ids), n=Count("pk"))
    counts = {pk: grouped.get(pk, {}).get("n", 0) for pk in area_ids}
    return {pk: Value(count, count) for pk, count in counts.items()}


def _received_groups(organisation: Organisation, filters: Filters) -> dict:
    """Received ideas per area in the filters' period: one grouped query that a
    page showing the total and the areas reads once (``memoised``)."""
    period = Filters(filters.start, filters.end)
    return memoised(
        ("ideas.received", organisation.pk, period),
        lambda: _grouped(received_ideas(organisation, period), n=Count("pk")),
    )


def _answered_groups(organisation: Organisation, filters: Filters) -> dict:
    """Answered ideas per area in the period: how many, how many within the
    target and how many accepted, in one grouped query (``memoised``)."""
    period = Filters(filters.start, filters.end)

    def count() -> dict:
        target = IdeaSettings.for_organisation(organisation).answer_target_days
        answered = within(answered_ideas(organisation), "answer_published_at", period)
        return _grouped(
            answered,
            answered=Count("pk"),
            within=Count("pk", filter=answered_in_time(target)),
            accepted=Count("pk", filter=Q(outcome=IdeaOutcome.ACCEPTED)),
        )

    return memoised(("ideas.answered", organisation.pk, period), count)


def _received(organisation: Organisation, filters: Filters) -> Value:
    count = _of_filters(_received_groups(organisation, filters), filters, "n")
    return Value(count, count)


def _received_by_area(organisation, filters, area_ids) -> dict[int, Value]:
    grouped = _received_groups(organisation, filters)
    counts = {pk: grouped.get(pk, {}).get("n", 0) for pk in area_ids}
    return {pk: Value(count, count) for pk, count in counts.items()}


def _answered(organisation: Organisation, filters: Filters) -> Value:
    answered = answer_figures(organisation, filters).answered
    return Value(answered, answered)


def _within_target(organisation: Organisation, filters: Filters) -> Value:
    stats = answer_figures(organisation, filters)
    return share(stats.within_target, stats.answered)


def _within_target_by_area(organisation, filters, area_ids) -> dict[int, Value]:
    grouped = _answered_groups(organisation, filters)
    empty = {"within": 0, "answered": 0}
    return {
        pk: share(grouped.get(pk, empty)["within"], grouped.get(pk, empty)["answered"])
        for pk in area_ids
    }


def _median(organisation: Organisation, filters: Filters) -> Value:
    stats = answer_figures(organisation, filters)
    return Value(stats.median_days, stats.answered)


def _accepted(organisation: Organisation, filters: Filters) -> Value:
    grouped = _answered_groups(organisation, filters)
    count = _of_filters(grouped, filters, "accepted")
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
