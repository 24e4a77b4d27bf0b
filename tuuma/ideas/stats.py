"""Answer-time statistics: how many ideas were answered within the target."""

from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache
from django.db import connection, models
from django.db.models import DurationField, ExpressionWrapper, F
from django.db.models.functions import Extract

from tuuma.ideas.models import Idea, IdeaOutcome, IdeaSettings
from tuuma.organisation.models import Organisation

CACHE_SECONDS = 600


class Median(models.Aggregate):
    """PostgreSQL's percentile_cont(0.5) over seconds."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = models.FloatField()


@dataclass(frozen=True)
class AnswerStats:
    target_days: int
    answered: int
    within_target: int
    median_days: float | None

    @property
    def within_target_percent(self) -> int | None:
        if not self.answered:
            return None
        return round(100 * self.within_target / self.answered)


def _median_seconds(answered) -> float | None:
    # The median, not the mean: a few ideas left for a year would otherwise hide
    # how long a typical resident waits. SQLite (tests, development) has no
    # percentile_cont, so there the middle row(s) are read in order.
    if connection.vendor == "postgresql":
        return answered.aggregate(
            median=Median(
                Extract(F("answer_published_at") - F("published_at"), "epoch")
            )
        )["median"]
    durations = answered.annotate(
        took=ExpressionWrapper(
            F("answer_published_at") - F("published_at"), output_field=DurationField()
        )
    ).order_by("took")
    count = durations.count()
    if not count:
        return None
    middle = [
        durations.values_list("took", flat=True)[index]
        for index in {(count - 1) // 2, count // 2}
    ]
    return sum(d.total_seconds() for d in middle) / len(middle)


def answered_ideas(organisation: Organisation) -> models.QuerySet:
    """Public ideas with a published answer, merged duplicates left out."""
    return (
        Idea.objects.filter(organisation=organisation)
        .public()
        .filter(answer_published_at__isnull=False, published_at__isnull=False)
        # A merged duplicate is answered by the merge within minutes; counting it
        # would flatter the answer time, so only real answers are in the figures.
        .exclude(outcome=IdeaOutcome.MERGED)
    )


# Upper bounds in days of the answer-time bands on the statistics page.
ANSWER_BANDS = (7, 14, 30, 60)


def answer_time_bands(organisation: Organisation) -> list[tuple[int | None, int]]:
    """(upper bound in days or None for the rest, ideas answered in it), counted
    by the database in one query."""
    took = F("answer_published_at") - F("published_at")
    answered = answered_ideas(organisation).annotate(
        took=ExpressionWrapper(took, output_field=DurationField())
    )
    filters, lower = {}, None
    for upper in ANSWER_BANDS:
        band = models.Q(took__lte=timedelta(days=upper))
        if lower is not None:
            band &= models.Q(took__gt=timedelta(days=lower))
        filters[str(upper)] = models.Count("pk", filter=band)
        lower = upper
    filters["rest"] = models.Count(
        "pk", filter=models.Q(took__gt=timedelta(days=lower))
    )
    counts = answered.aggregate(**filters)
    return [(upper, counts[str(upper)]) for upper in ANSWER_BANDS] + [
        (None, counts["rest"])
    ]


def answer_stats(organisation: Organisation) -> AnswerStats:
    """The figures, cached until the next published answer (or ten minutes).

    They are shown on every idea page; over tens of thousands of answers the
    median costs tens of milliseconds, the cache key one index lookup.
    """
    target = IdeaSettings.for_organisation(organisation).answer_target_days
    answered = answered_ideas(organisation)
    latest = (
        answered.order_by("-answer_published_at", "-id")
        .values_list("answer_published_at", flat=True)
        .first()
    )
    # The key names the latest published answer and the target, so a new answer
    # or a changed target is a new key; the timeout only bounds stale entries.
    key = (
        f"ideas:answer-stats:{organisation.pk}:{target}:{latest and latest.timestamp()}"
    )
    stats = cache.get(key)
    if stats is None:
        stats = compute_answer_stats(answered, target)
        cache.set(key, stats, CACHE_SECONDS)
    return stats


def answered_in_time(target: int) -> models.Q:
    """The answers published within ``target`` days of the idea."""
    # From publication to the published answer, as the organisation's target is
    # defined (IdeaSettings.answer_target_days); an answer written in time but
    # published late is late for the resident.
    return models.Q(answer_published_at__lte=F("published_at") + timedelta(days=target))


def compute_answer_stats(answered, target: int) -> AnswerStats:
    """The figures of ``answered`` (a queryset of ``answered_ideas``), uncached;
    the registered metrics (``ideas/metrics.py``) count a filtered one."""
    counts = answered.aggregate(
        answered=models.Count("pk"),
        within=models.Count("pk", filter=answered_in_time(target)),
    )
    median = _median_seconds(answered) if counts["answered"] else None
    return AnswerStats(
        target_days=target,
        answered=counts["answered"],
        within_target=counts["within"],
        median_days=round(median / 86400, 1) if median is not None else None,
    )
