"""Indicators' actions: defining one and recording its measured values."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from tuuma.accounts.models import User
from tuuma.programme import notify
from tuuma.programme.models import (
    Indicator,
    IndicatorSource,
    IndicatorValue,
    Measure,
)
from tuuma.programme.validation import (
    to_number,
    validate_target,
    validate_target_date,
)


@transaction.atomic
def indicator_create(
    *,
    measure: Measure,
    name: str,
    unit: str,
    direction: str,
    baseline_value: Decimal,
    baseline_date: date,
    target_value: Decimal,
    target_date: date,
    source: str = IndicatorSource.MANUAL,
) -> Indicator:
    validate_target(direction, baseline_value, target_value)
    validate_target_date(baseline_date, target_date)
    return Indicator.objects.create(
        organisation=measure.organisation,
        measure=measure,
        name=name,
        unit=unit,
        direction=direction,
        baseline_value=baseline_value,
        baseline_date=baseline_date,
        target_value=target_value,
        target_date=target_date,
        source=source,
    )


@transaction.atomic
def indicator_record_value(
    *,
    indicator: Indicator,
    date: date,
    value: Decimal | float | int | str,
    by: User | None,
    source_note: str = "",
) -> IndicatorValue:
    """Store the indicator's value on ``date`` (replacing one already there).

    The case-log app calls this with ``by=None`` and a ``source_note`` naming the
    analysis that produced the value.
    """
    number = to_number(value)
    # One value per date: a corrected figure (or a case-log analysis run again)
    # replaces the earlier one instead of drawing two points on the same day.
    row, _created = IndicatorValue.objects.update_or_create(
        indicator=indicator,
        date=date,
        defaults={
            "organisation_id": indicator.organisation_id,
            "value": number,
            "recorded_by": by,
            "source_note": source_note,
        },
    )
    # A value arriving after the measure was done is its measured result: the
    # ideas' people hear of it once (notify locks the measure and marks it).
    notify.result_measured_if_due(measure=Measure(pk=indicator.measure_id))
    return row
