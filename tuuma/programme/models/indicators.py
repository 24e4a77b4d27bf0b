"""Indicators (mittarit) of a measure: baseline, target and measured values."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Organisation
from tuuma.programme.models.measures import Measure, MeasurePartQuerySet


class Direction(models.TextChoices):
    INCREASE = "increase", _("Higher is better")
    DECREASE = "decrease", _("Lower is better")


class IndicatorSource(models.TextChoices):
    """Where the values come from. Other apps (case logs) add their own sources."""

    MANUAL = "manual", _("Entered by hand")
    CASELOG = "caselog", _("Computed from a case log")


class Indicator(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("organisation"),
    )
    measure = models.ForeignKey(
        Measure,
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("measure"),
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(
        _("unit"), max_length=40, help_text=_("For example days, %, cases or €.")
    )
    direction = models.CharField(
        _("direction"), max_length=16, choices=Direction.choices
    )
    baseline_value = models.DecimalField(_("baseline"), max_digits=16, decimal_places=4)
    baseline_date = models.DateField(_("baseline date"))
    target_value = models.DecimalField(_("target"), max_digits=16, decimal_places=4)
    target_date = models.DateField(_("target date"))
    source = models.CharField(
        _("source"),
        max_length=32,
        choices=IndicatorSource.choices,
        default=IndicatorSource.MANUAL,
    )

    objects = MeasurePartQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name

    def latest_value(self) -> "IndicatorValue | None":
        """The most recent value (uses prefetched values when there are some)."""
        # Read through .all() so a page that prefetched the values (the programme list,
        # the report) asks no query per indicator.
        measured = list(self.values.all())
        return max(measured, key=lambda v: v.date) if measured else None

    def target_reached(self) -> bool | None:
        latest = self.latest_value()
        if latest is None:
            return None
        # Judged on the latest value only: a target met once and lost since is not met.
        if self.direction == Direction.INCREASE:
            return latest.value >= self.target_value
        return latest.value <= self.target_value


class IndicatorValue(models.Model):
    """One measured value; a second value for the same date replaces the first."""

    # The tenant key, copied from the indicator when the row is created, so
    # isolation can be checked (and the table partitioned) without a join.
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="values",
        verbose_name=_("indicator"),
    )
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4)
    source_note = models.CharField(_("source note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("measured value")
        verbose_name_plural = _("measured values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "date"], name="one_indicator_value_per_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.date}: {self.value}"


def plain_number(value: Decimal | None) -> str:
    """A decimal without trailing zeros, e.g. 12.5000 → "12.5"."""
    if value is None:
        return ""
    return format(value.normalize(), "f")
