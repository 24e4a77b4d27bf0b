"""Rules shared by the forms, the API and the actions, with translated messages."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tuuma.programme.models import Direction

# The column holds 16 digits with 4 decimals (DecimalField(16, 4)): anything
# from 10^12 up would not fit, so it is refused here with a message.
MAX_VALUE = Decimal("1e12")


def validate_schedule(start_date: date | None, due_date: date | None) -> None:
    if start_date and due_date and due_date < start_date:
        raise ValidationError(
            {"due_date": _("The due date cannot be before the start date.")},
            code="due_before_start",
        )


def validate_target_date(baseline_date: date | None, target_date: date | None) -> None:
    if baseline_date and target_date and target_date < baseline_date:
        raise ValidationError(
            {"target_date": _("The target date cannot be before the baseline date.")},
            code="target_before_baseline",
        )


def validate_target(
    direction: str | None, baseline: Decimal | None, target: Decimal | None
) -> None:
    """A target must lie on the better side of the baseline."""
    if direction is None or baseline is None or target is None:
        return
    # A target equal to the baseline would mean "no change", which cannot be
    # reached or missed: the chart's direction would be meaningless.
    if direction == Direction.INCREASE and target <= baseline:
        raise ValidationError(
            {
                "target_value": _(
                    "When higher is better, the target must be above the baseline."
                )
            },
            code="target_direction",
        )
    if direction == Direction.DECREASE and target >= baseline:
        raise ValidationError(
            {
                "target_value": _(
                    "When lower is better, the target must be below the baseline."
                )
            },
            code="target_direction",
        )


def to_number(value) -> Decimal:
    """A finite decimal from a number or text, or a translated error."""
    try:
        # Finnish and Swedish write a decimal comma; spreadsheets paste "12,5".
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        number = None
    # Decimal accepts "NaN" and "Infinity", which no chart or average can use.
    if number is None or not number.is_finite():
        raise ValidationError(
            {"value": _("The value must be a number.")}, code="not_a_number"
        )
    if abs(number) >= MAX_VALUE:
        raise ValidationError({"value": _("The value is too large.")}, code="too_large")
    return number.quantize(Decimal("0.0001"))
