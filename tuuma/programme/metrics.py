"""The programme's figures in the metric registry (``tuuma/lib/metrics.py``).

The front page's state block, the insights dashboard, the board pack and the
API read them from here; the tables per service area count the measures of
every area in one grouped query (``by_area``). "Late" and "at risk" are the programme's own
querysets (``MeasureQuerySet.overdue`` / ``at_risk``) counted today.
"""

from statistics import median

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuuma.ideas.metrics import received_ideas
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
from tuuma.programme.models import (
    Direction,
    Indicator,
    IndicatorValue,
    Measure,
    MeasureClass,
    MeasureIdea,
    MeasureStatus,
)

SOURCE = _("Development programme: measures, their indicators and values")
AREA = frozenset({SERVICE_AREA})
AREA_AND_PERIOD = frozenset({SERVICE_AREA, PERIOD})


def measures(organisation: Organisation, filters: Filters) -> QuerySet:
    """The organisation's measures, of the filters' service area."""
    found = Measure.objects.filter(organisation=organisation)
    if filters.service_area:
        found = found.filter(service_area_id=filters.service_area)
    return found


def done_measures(organisation: Organisation, filters: Filters) -> QuerySet:
    """Measures done (``done_at``) in the period."""
    found = measures(organisation, filters).filter(status=MeasureStatus.DONE)
    if filters.start:
        found = found.filter(done_at__date__gte=filters.start)
    if filters.end:
        found = found.filter(done_at__date__lte=filters.end)
    return found


def _measured(found: QuerySet) -> QuerySet:
    """Those of ``found`` with at least one recorded indicator value."""
    values = IndicatorValue.objects.filter(indicator__measure=OuterRef("pk"))
    return found.filter(Exists(values))


def _counted(found: QuerySet) -> Value:
    count = found.count()
    return Value(count, count)


def _by_class(found: QuerySet) -> list[tuple[str, Value]]:
    counts = dict(found.values_list("measure_class").annotate(n=Count("pk")).order_by())
    return [
        (str(label), Value(counts.get(value, 0), counts.get(value, 0)))
        for value, label in MeasureClass.choices
    ]


def _counted_by_area(found: QuerySet, area_ids: list[int]) -> dict[int, Value]:
    """``found`` counted per service area in one grouped query."""
    counts = dict(
        found.filter(service_area_id__in=area_ids)
        .values_list("service_area_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {pk: Value(counts.get(pk, 0), counts.get(pk, 0)) for pk in area_ids}


def _open(organisation: Organisation, filters: Filters) -> Value:
    return _counted(measures(organisation, filters).open())


def _open_by_class(organisation, filters) -> list[tuple[str, Value]]:
    return _by_class(measures(organisation, filters).open())


def _open_by_area(organisation, filters, area_ids) -> dict[int, Value]:
    return _counted_by_area(measures(organisation, filters).open(), area_ids)


def _late(organisation: Organisation, filters: Filters) -> Value:
    return _counted(measures(organisation, filters).overdue(timezone.localdate()))


def _late_by_area(organisation, filters, area_ids) -> dict[int, Value]:
    late = measures(organisation, filters).overdue(timezone.localdate())
    return _counted_by_area(late, area_ids)


def _at_risk(organisation: Organisation, filters: Filters) -> Value:
    return _counted(measures(organisation, filters).at_risk(timezone.localdate()))


def _done(organisation: Organisation, filters: Filters) -> Value:
    return _counted(done_measures(organisation, filters))


def _done_by_area(organisation, filters, area_ids) -> dict[int, Value]:
    return _counted_by_area(done_measures(organisation, filters), area_ids)


def _done_by_class(organisation, filters) -> list[tuple[str, Value]]:
    return _by_class(done_measures(organisation, filters))


def _measured_share(organisation: Organisation, filters: Filters) -> Value:
    done = done_measures(organisation, filters)
    return share(_measured(done).count(), done.count())


def _targets_reached(organisation: Organisation, filters: Filters) -> Value:
    indicators = Indicator.objects.filter(organisation=organisation)
    if filters.service_area:
        indicators = indicators.filter(measure__service_area_id=filters.service_area)
    # Indicator.target_reached() counted by the database: the latest value
    # against the target, at least it or (decreasing) at most it.
    latest = IndicatorValue.objects.filter(indicator=OuterRef("pk")).order_by("-date")
    increase = Q(direction=Direction.INCREASE)
    counts = indicators.annotate(latest=Subquery(latest.values("value")[:1])).aggregate(
        measured=Count("pk", filter=Q(latest__isnull=False)),
        reached=Count(
            "pk",
            filter=(increase & Q(latest__gte=F("target_value")))
            | (~increase & Q(latest__lte=F("target_value"))),
        ),
    )
    return share(counts["reached"], counts["measured"])


def _ideas_linked(organisation: Organisation, filters: Filters) -> QuerySet:
    return received_ideas(organisation, filters).filter(measures__isnull=False)


def _linked_counts(organisation: Organisation, filters: Filters) -> dict[str, int]:
    """Received ideas in a measure, and in a done measure with a measured
    value, counted in one pass (both figures stand side by side)."""

    def count() -> dict[str, int]:
        done = _measured(Measure.objects.filter(status=MeasureStatus.DONE))
        # From the links (a few per measure), not an EXISTS per received idea.
        links = MeasureIdea.objects.filter(
            idea__in=received_ideas(organisation, filters)
        )
        return links.aggregate(
            linked=Count("idea", distinct=True),
            with_result=Count("idea", distinct=True, filter=Q(measure__in=done)),
        )

    return memoised(("programme.linked_ideas", organisation.pk, filters), count)


def _ideas_in_measures(organisation: Organisation, filters: Filters) -> Value:
    count = _linked_counts(organisation, filters)["linked"]
    return Value(count, count)


def _ideas_with_result(organisation: Organisation, filters: Filters) -> Value:
    count = _linked_counts(organisation, filters)["with_result"]
    return Value(count, count)


def _days_to_done(organisation: Organisation, filters: Filters) -> Value:
    pairs = _ideas_linked(organisation, filters).filter(
        measures__status=MeasureStatus.DONE, measures__done_at__isnull=False
    )
    # An idea in two done measures counts once, by the first one done.
    first_done: dict[int, float] = {}
    for pk, published, done in pairs.values_list(
        "pk", "published_at", "measures__done_at"
    ):
        days = (done - published).total_seconds() / 86400
        first_done[pk] = min(days, first_done.get(pk, days))
    if not first_done:
        return Value(None, 0)
    return Value(round(median(first_done.values()), 1), len(first_done))


def _metric(metric_id, label, definition, compute, **options) -> Metric:
    options.setdefault("unit", COUNT)
    options.setdefault("filters", AREA)
    return Metric(
        id=metric_id,
        label=label,
        definition=definition,
        source=SOURCE,
        compute=compute,
        **options,
    )


METRICS = [
    _metric(
        "programme.measures_open",
        _("Open measures"),
        _("Measures planned, in progress or on hold today."),
        _open,
        breakdown=_open_by_class,
        by_area=_open_by_area,
    ),
    _metric(
        "programme.measures_late",
        _("Late measures"),
        _("Open measures whose due date has passed."),
        _late,
        by_area=_late_by_area,
    ),
    _metric(
        "programme.measures_at_risk",
        _("Measures at risk"),
        _(
            "Open measures started over 60 days ago without a progress update "
            "in the last 60 days."
        ),
        _at_risk,
    ),
    _metric(
        "programme.measures_done",
        _("Measures done"),
        _("Measures marked done in the period."),
        _done,
        filters=AREA_AND_PERIOD,
        breakdown=_done_by_class,
        by_area=_done_by_area,
        public=True,
    ),
    _metric(
        "programme.measured_share",
        _("Done measures with a measured impact"),
        _(
            "Share of the measures done in the period that have at least one "
            "indicator value recorded."
        ),
        _measured_share,
        unit=PERCENT,
        filters=AREA_AND_PERIOD,
        public=True,
    ),
    _metric(
        "programme.targets_reached",
        _("Indicators at their target"),
        _(
            "Share of the indicators with a measured value whose latest value "
            "reaches the target (at least it, or at most it for indicators "
            "that should decrease)."
        ),
        _targets_reached,
        unit=PERCENT,
        public=True,
    ),
    _metric(
        "programme.ideas_in_measures",
        _("Ideas taken into measures"),
        _("Ideas received in the period that are linked to at least one measure."),
        _ideas_in_measures,
        filters=AREA_AND_PERIOD,
        public=True,
    ),
    _metric(
        "programme.ideas_with_result",
        _("Ideas with a measured result"),
        _(
            "Ideas received in the period linked to a done measure that has an "
            "indicator value recorded."
        ),
        _ideas_with_result,
        filters=AREA_AND_PERIOD,
        public=True,
    ),
    _metric(
        "programme.days_to_done",
        _("Median time from idea to a done measure"),
        _(
            "For ideas received in the period and linked to a done measure: the "
            "middle of the times from the idea's publication to the first such "
            "measure being done, in days."
        ),
        _days_to_done,
        unit=DAYS,
        filters=AREA_AND_PERIOD,
        public=True,
    ),
]
