"""What a done measure achieved, in the form the idea page and the e-mails show:
each indicator's baseline → latest measured value against its target."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from tuuma.ideas.models import Idea
from tuuma.organisation.models import Organisation
from tuuma.programme.models import (
    Direction,
    Indicator,
    IndicatorValue,
    Measure,
    MeasureStatus,
)


@dataclass(frozen=True)
class IndicatorChange:
    """One indicator: baseline, the latest measured value and the target."""

    indicator: Indicator
    latest: IndicatorValue | None

    @property
    def trend(self) -> str:
        """``improved``, ``worsened``, ``unchanged`` or ``unmeasured``, judged
        against the indicator's direction (lower is better for waiting times)."""
        if self.latest is None:
            return "unmeasured"
        difference = self.latest.value - self.indicator.baseline_value
        if difference == 0:
            return "unchanged"
        better = difference > 0
        if self.indicator.direction == Direction.DECREASE:
            better = not better
        return "improved" if better else "worsened"

    @property
    def target_reached(self) -> bool | None:
        if self.latest is None:
            return None
        if self.indicator.direction == Direction.INCREASE:
            return self.latest.value >= self.indicator.target_value
        return self.latest.value <= self.indicator.target_value


@dataclass(frozen=True)
class MeasureResult:
    """A done measure with its outcome text and its indicators' changes."""

    measure: Measure
    changes: list[IndicatorChange]

    @property
    def outcome(self) -> str:
        return self.measure.result_achieved or self.measure.public_summary

    @property
    def is_measured(self) -> bool:
        return any(change.latest is not None for change in self.changes)


def result_of(measure: Measure) -> MeasureResult:
    """Uses prefetched ``indicators__values`` when present (one query otherwise)."""
    changes = [
        IndicatorChange(indicator, indicator.latest_value())
        for indicator in measure.indicators.all()
    ]
    return MeasureResult(measure, changes)


def results_of(measures: Iterable[Measure]) -> list[MeasureResult]:
    return [result_of(measure) for measure in measures]


def with_results(measures: QuerySet[Measure]) -> QuerySet[Measure]:
    return measures.prefetch_related("indicators__values")


def measured_ideas(organisation: Organisation) -> QuerySet[Idea]:
    """Public ideas implemented by a published, done measure that has a measured
    indicator value: "ideas whose result was measured"."""
    return (
        Idea.objects.filter(organisation=organisation)
        .public()
        .filter(
            measures__status=MeasureStatus.DONE,
            measures__is_published=True,
            measures__indicators__values__isnull=False,
        )
        .distinct()
    )
