"""The forms of entering one month's figures by hand (page and API alike read
the month with ``parse_month``)."""

from __future__ import annotations

from datetime import date

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.organisation.permissions import areas_where
from tuuma.productivity.actions import MonthFigures
from tuuma.productivity.figures import MIN_GROUP
from tuuma.productivity.models import (
    Channel,
    CostCentre,
    CostLine,
    Headcount,
    HoursLine,
    Volume,
)
from tuuma.productivity.tables import CellError, parse_month

MAX_STAFF = 1_000_000
EXTRA_LEDGER_ROWS = 3


def managed_areas(user, organisation: Organisation) -> QuerySet:
    """The service areas whose figures the person keeps."""
    areas = ServiceArea.objects.filter(organisation=organisation)
    ids = areas_where(user, "productivity.manage", organisation)
    return areas if ids is None else areas.filter(pk__in=ids)


def managed_centres(user, organisation: Organisation, areas) -> QuerySet:
    """The areas' cost centres and their products' own; an organisation-wide
    manager also keeps the centres that serve every area."""
    scope = Q(service_area__in=areas) | Q(product__service_area__in=areas)
    if areas_where(user, "productivity.manage", organisation) is None:
        scope |= Q(service_area__isnull=True, product__isnull=True)
    return CostCentre.objects.filter(scope, organisation=organisation).order_by("code")


class MonthField(forms.CharField):
    """A month as ``<input type="month">`` sends it (2025-03) or as 3.2025."""

    widget = forms.TextInput(attrs={"type": "month"})

    def to_python(self, value) -> date | None:
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_month(text)
        except CellError as error:
            raise forms.ValidationError(str(error)) from None

    def prepare_value(self, value):
        return value.strftime("%Y-%m") if isinstance(value, date) else value


class MonthChoiceForm(forms.Form):
    """Which service area and month to enter (sent with GET)."""

    area = forms.ModelChoiceField(label=_("Service area"), queryset=None)
    month = MonthField(label=_("Month"))

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas


def _number(label: str, *, negative: bool = False, **options) -> forms.DecimalField:
    return forms.DecimalField(
        required=False,
        min_value=None if negative else 0,
        max_digits=options.pop("max_digits", 14),
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"aria-label": label, "inputmode": "decimal"}),
        label=label,
        **options,
    )


class LedgerLineForm(forms.Form):
    centre = forms.ModelChoiceField(
        label=_("Cost centre"),
        queryset=None,
        required=False,
        widget=forms.Select(attrs={"aria-label": _("Cost centre")}),
    )
    account = forms.CharField(
        label=_("Account"),
        max_length=32,
        required=False,
        widget=forms.TextInput(attrs={"aria-label": _("Account")}),
    )
    amount = _number(_("Amount (€)"), negative=True)

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres

    def clean(self):
        data = super().clean()
        given = [data.get("centre"), data.get("account"), data.get("amount")]
        if any(v not in (None, "") for v in given) and any(
            v in (None, "") for v in given
        ):
            raise forms.ValidationError(
                _("A ledger line needs its cost centre, account and amount.")
            )
        return data


class MonthForm(forms.Form):
    """Volumes by product and channel, the units' staff and hours by product, and
    the ledger lines of one month of one service area, filled with what is there.

    A unit under five people in the month (or without a head count) does not show
    its hours; left empty, they are kept, and entering any replaces all of them.
    """

    def __init__(self, data=None, *, period, products, centres, units):
        super().__init__(data)
        self.period, self.products, self.units = period, products, units
        self.centres = centres
        volumes = {
            (v.product_id, v.channel): v.quantity
            for v in Volume.objects.filter(product__in=products, period=period)
        }
        self.sizes = dict(
            Headcount.objects.filter(unit__in=units, period=period).values_list(
                "unit", "staff"
            )
        )
        hours = {
            (h.unit_id, h.product_id): h.hours
            for h in HoursLine.objects.filter(
                unit__in=units, product__in=products, period=period
            )
        }
        # A product counted from its case log is recounted there, not by hand.
        self.counted = [p for p in products if p.caselog_id]
        self.entered = [p for p in products if not p.caselog_id]
        for product in self.entered:
            for channel in Channel:
                self.fields[f"v{product.pk}_{channel.value}"] = _number(
                    f"{product.name}: {channel.label}",
                    initial=volumes.get((product.pk, channel.value)),
                )
        for unit in units:
            label = _("Staff of %(unit)s") % {"unit": unit.name}
            self.fields[f"s{unit.pk}"] = forms.IntegerField(
                label=label, required=False, min_value=0, max_value=MAX_STAFF,
                initial=self.sizes.get(unit.pk),
                widget=forms.NumberInput(attrs={"aria-label": label}),
            )  # fmt: skip
            shown = self.shows_hours(unit)
            for product in products:
                self.fields[f"h{unit.pk}_{product.pk}"] = _number(
                    f"{unit.name}: {product.name}",
                    max_digits=12,
                    initial=hours.get((unit.pk, product.pk)) if shown else None,
                )
        lines = CostLine.objects.filter(centre__in=centres, period=period)
        self.ledger = forms.formset_factory(
            LedgerLineForm, extra=EXTRA_LEDGER_ROWS, max_num=500, absolute_max=500
        )(
            data,
            prefix="ledger",
            initial=[
                {"centre": ln.centre_id, "account": ln.account, "amount": ln.amount}
                for ln in lines.order_by("centre__code", "account", "pk")
            ],
            form_kwargs={"centres": centres},
        )

    def shows_hours(self, unit) -> bool:
        return (self.sizes.get(unit.pk) or 0) >= MIN_GROUP

    def is_valid(self) -> bool:
        return super().is_valid() & self.ledger.is_valid()

    def _hours_of(self, unit, data) -> dict:
        return {
            product: data[f"h{unit.pk}_{product.pk}"]
            for product in self.products
            if data.get(f"h{unit.pk}_{product.pk}") is not None
        }

    def figures(self) -> MonthFigures:
        data = self.cleaned_data
        hours = {}
        for unit in self.units:
            entered = self._hours_of(unit, data)
            # Hidden hours left empty are kept; shown ones left empty are cleared.
            if entered or self.shows_hours(unit):
                hours[unit] = entered
        ledger = {centre: [] for centre in self.centres}
        for line in self.ledger.cleaned_data:
            if line.get("centre"):
                ledger[line["centre"]].append((line["account"], line["amount"]))
        return MonthFigures(
            period=self.period,
            volumes={
                product: {
                    channel.value: data[f"v{product.pk}_{channel.value}"]
                    for channel in Channel
                    if data.get(f"v{product.pk}_{channel.value}") is not None
                }
                for product in self.entered
            },
            ledger=ledger,
            hours=hours,
            hours_products=list(self.products),
            headcounts={unit: data.get(f"s{unit.pk}") for unit in self.units},
        )
