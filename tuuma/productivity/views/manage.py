"""Imports of volumes, ledger and hours; the price index; counting from logs."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tuuma.organisation.access import requires
from tuuma.organisation.permissions import areas_where
from tuuma.productivity import actions
from tuuma.productivity.forms import ImportForm, MeasureProductForm, PriceIndexForm
from tuuma.productivity.imports import ImportRefusedError
from tuuma.productivity.models import PriceIndex, Product
from tuuma.programme.models import Measure


@requires("productivity.manage")
def figures_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            count = actions.figures_import(
                organisation=request.organisation,
                by=request.user,
                kind=form.cleaned_data["kind"],
                data=upload.read(),
                filename=upload.name,
            )
        except ImportRefusedError as refused:
            problems = refused.problems
        else:
            messages.success(
                request,
                ngettext("%(n)s row was imported.", "%(n)s rows were imported.", count)
                % {"n": count},
            )
            return redirect("productivity:import")
    status = 400 if problems or form.errors else 200
    return render(
        request,
        "productivity/import.html",
        {
            "form": form,
            "problems": problems,
            "price_form": PriceIndexForm(),
            "prices": PriceIndex.objects.filter(organisation=request.organisation),
            "logged_products": _logged_products(request),
        },
        status=status,
    )


def _logged_products(request: HttpRequest):
    areas = areas_where(request.user, "productivity.manage", request.organisation)
    products = Product.objects.filter(
        organisation=request.organisation, caselog__isnull=False
    )
    return products if areas is None else products.filter(service_area__in=areas)


@requires({"POST": "productivity.manage_surveys"})
def price_index(request: HttpRequest) -> HttpResponse:
    form = PriceIndexForm(request.POST)
    if form.is_valid():
        actions.price_index_set(
            organisation=request.organisation, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("The price index was saved."))
    else:
        messages.error(
            request, _("The price index was not saved: check the year and value.")
        )
    return redirect("productivity:import")


@requires({"POST": "productivity.manage"}, load=Product)
def count_from_caselog(request: HttpRequest, product: Product) -> HttpResponse:
    months = actions.volumes_count_from_caselog(product=product)
    messages.success(
        request,
        ngettext(
            "Volumes of %(n)s month were counted from the case log.",
            "Volumes of %(n)s months were counted from the case log.",
            months,
        )
        % {"n": months},
    )
    return redirect(product.get_absolute_url())


@requires({"POST": "productivity.manage"}, load=Measure)
def measure_product(request: HttpRequest, measure: Measure) -> HttpResponse:
    form = MeasureProductForm(request.POST, organisation=request.organisation)
    if form.is_valid():
        actions.measure_product_link(
            measure=measure, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("The service product was linked to the measure."))
    else:
        messages.error(
            request, _("The product was not linked: check the expected values.")
        )
    return redirect(measure.get_absolute_url())
