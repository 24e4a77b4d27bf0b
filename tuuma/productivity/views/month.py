"""Entering or correcting one month's figures of a service area by hand.

The person picks a service area where they hold ``productivity.manage`` and a
month (a GET form, so the address can be bookmarked); the page shows that
month's volumes, staff, hours and ledger lines, and saving replaces them in one
transaction through ``actions.month_enter``, as the API does.
"""

from datetime import date, timedelta

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tuuma.organisation.access import requires
from tuuma.organisation.models import Unit
from tuuma.productivity import actions
from tuuma.productivity.models import Channel, Product
from tuuma.productivity.month_forms import (
    MonthChoiceForm,
    MonthForm,
    managed_areas,
    managed_centres,
)


def _last_month() -> date:
    return timezone.localdate().replace(day=1) - timedelta(days=1)


@requires("productivity.manage")
def month_enter(request: HttpRequest) -> HttpResponse:
    areas = managed_areas(request.user, request.organisation)
    initial = {"month": _last_month().replace(day=1)}
    if areas.count() == 1:
        initial["area"] = areas.first()
    choice = MonthChoiceForm(
        request.GET if "month" in request.GET else None, areas=areas, initial=initial
    )
    context = {"choice": choice, "channels": Channel.choices}
    if not choice.is_bound or not choice.is_valid():
        status = 400 if choice.errors else 200
        return render(request, "productivity/month.html", context, status=status)
    area, period = choice.cleaned_data["area"], choice.cleaned_data["month"]
    products = Product.objects.filter(
        organisation=request.organisation, service_area=area
    )
    form = MonthForm(
        request.POST if request.method == "POST" else None,
        period=period,
        products=list(products),
        centres=managed_centres(request.user, request.organisation, [area]),
        units=list(
            Unit.objects.filter(organisation=request.organisation, service_area=area)
        ),
    )
    if request.method == "POST" and form.is_valid():
        actions.month_enter(
            organisation=request.organisation, by=request.user, entered=form.figures()
        )
        messages.success(request, _("The figures of the month were saved."))
        return redirect(request.get_full_path())
    context |= {"area": area, "period": period, "form": form, "rows": _rows(form)}
    status = 400 if request.method == "POST" else 200
    return render(request, "productivity/month.html", context, status=status)


def _rows(form: MonthForm) -> dict:
    """The form's fields arranged as the page's tables."""
    return {
        "volumes": [
            (p, [form[f"v{p.pk}_{c.value}"] for c in Channel]) for p in form.entered
        ],
        "units": [
            (
                u,
                form[f"s{u.pk}"],
                form.shows_hours(u),
                [form[f"h{u.pk}_{p.pk}"] for p in form.products],
            )
            for u in form.units
        ],  # fmt: skip
        "errors": [
            (form.fields[name].label, error)
            for name, errors in form.errors.items()
            for error in errors
        ]
        + [
            (_("Ledger line %(n)s") % {"n": number}, error)
            for number, errors in enumerate(form.ledger.errors, start=1)
            for field_errors in errors.values()
            for error in field_errors
        ],
    }
