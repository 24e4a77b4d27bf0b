"""The ideas' figures in the metric registry (``tuuma/lib/metrics.py``).

The statistics page, the insights dashboard, the board pack, the public results
page and ``/api/v1/metrics`` read them from here. The answer-time figures are
those of ``tuuma.ideas.stats``: without filters the cached ones, with filters
the same computation over the filtered answers.
"""

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuuma.ideas.models import Idea, IdeaOutcome, IdeaSettings, IdeaStatus
from tuuma.ideas.stats import AnswerStats, answer_stats, answered_ideas
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


def _received(organisation: Organisation, filters: Filters) -> Value:
    count = received_ideas(organisation, filters).count()
    return Value(count, count)


def _answered(organisation: Organisation, filters: Filters) -> Value:
    answered = answer_figures(organisation, filters).answered
    return Value(answered, answered)


def _within_target(organisation: Organisation, filters: Filters) -> Value:
    stats = answer_figures(organisation, filters)
    return share(stats.within_target, stats.answered)


def _median(organisation: Organisation, filters: Filters) -> Value:
    stats = answer_figures(organisation, filters)
    return Value(stats.median_days, stats.answered)


def _accepted(organisation: Organisation, filters: Filters) -> Value:
    answered = within(answered_ideas(organisation), "answer_published_at", filters)
    count = answered.filter(outcome=IdeaOutcome.ACCEPTED).count()
    return Value(count, count)


def _waiting(organisation: Organisation, filters: Filters) -> Value:
    ideas = Idea.objects.filter(
        organisation=organisation,
        status__in=[IdeaStatus.PUBLISHED, IdeaStatus.UNDER_REVIEW],
    )
    count = within(ideas, "published_at", Filters(service_area=filters.service_area))
    return Value(count.count(), count.count())


def _overdue(organisation: Organisation, filters: Filters) -> Value:
    target = IdeaSettings.for_organisation(organisation).answer_target_days
    ideas = Idea.objects.filter(organisation=organisation).overdue(
        target_days=target, now=timezone.now()
    )
    count = within(ideas, "published_at", filters).count()
    return Value(count, count)


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
    ),
]
