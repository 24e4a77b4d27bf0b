"""Keeping the product catalogue and the cost centres in Tuuma's own pages.

A productivity lead or manager edits the groups, products and cost centres of
the service areas where they hold ``productivity.manage``; a centre serving the
whole organisation needs an organisation-wide role.
"""

from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tuuma.organisation.access import requires
from tuuma.organisation.models import ServiceArea
from tuuma.organisation.permissions import areas_where, require
from tuuma.productivity import actions
from tuuma.productivity.editing_forms import (
    CostCentreForm,
    DriverSharesForm,
    ProductForm,
    ProductGroupForm,
)
from tuuma.productivity.models import CostCentre, Driver, Product, ProductGroup


def _areas(request: HttpRequest) -> QuerySet:
    """The service areas where the person keeps the catalogue."""
    areas = ServiceArea.objects.filter(organisation=request.organisation)
    ids = areas_where(request.user, "productivity.manage", request.organisation)
    return areas if ids is None else areas.filter(pk__in=ids)


@requires("productivity.manage")
def catalogue_manage(request: HttpRequest) -> HttpResponse:
    """The groups, products and cost centres the person may edit."""
    areas = _areas(request)
    organisation_wide = (
        areas_where(request.user, "productivity.manage", request.organisation) is None
    )
    centres = CostCentre.objects.filter(organisation=request.organisation)
    scope = Q(service_area__in=areas)
    if organisation_wide:
        scope |= Q(service_area__isnull=True)
    return render(
        request,
        "productivity/manage.html",
        {
            "groups": ProductGroup.objects.filter(
                organisation=request.organisation, service_area__in=areas
            )
            .select_related("service_area")
            .prefetch_related("products"),
            "centres": centres.filter(scope).select_related("service_area"),
        },
    )


def _edit(request: HttpRequest, form: object, *, title: str, back: str):
    """Show ``form``; a valid POST saves the record (audited) and goes back."""
    if request.method == "POST" and form.is_valid():
        record = form.save(commit=False)
        record.organisation = request.organisation
        require(request, "productivity.manage", record)
        actions.catalogue_save(record=record, by=request.user)
        messages.success(request, _("Saved."))
        return redirect(back)
    return render(
        request,
        "productivity/edit.html",
        {"form": form, "title": title, "back": back},
        status=400 if form.errors else 200,
    )


@requires("productivity.manage")
def group_create(request: HttpRequest) -> HttpResponse:
    form = ProductGroupForm(request.POST or None, areas=_areas(request))
    return _edit(request, form, title=_("New product group"), back=_manage_url())


@requires("productivity.manage", load=ProductGroup)
def group_edit(request: HttpRequest, group: ProductGroup) -> HttpResponse:
    form = ProductGroupForm(request.POST or None, instance=group, areas=_areas(request))
    return _edit(request, form, title=group.name, back=_manage_url())


@requires("productivity.manage")
def product_create(request: HttpRequest) -> HttpResponse:
    form = ProductForm(
        request.POST or None,
        organisation=request.organisation,
        areas=_areas(request),
        initial={"group": request.GET.get("group")},
    )
    return _edit(request, form, title=_("New service product"), back=_manage_url())


@requires("productivity.manage", load=Product)
def product_edit(request: HttpRequest, product: Product) -> HttpResponse:
    form = ProductForm(
        request.POST or None,
        instance=product,
        organisation=request.organisation,
        areas=_areas(request),
    )
    return _edit(request, form, title=str(product), back=product.get_absolute_url())


def _centre_form(request: HttpRequest, centre: CostCentre | None) -> CostCentreForm:
    areas = _areas(request)
    form = CostCentreForm(
        request.POST or None,
        instance=centre,
        organisation=request.organisation,
        areas=areas,
    )
    # Only an organisation-wide role keeps a centre that serves every area.
    limited = areas_where(request.user, "productivity.manage", request.organisation)
    form.fields["service_area"].required = limited is not None
    return form


@requires("productivity.manage")
def centre_create(request: HttpRequest) -> HttpResponse:
    form = _centre_form(request, None)
    return _edit(request, form, title=_("New cost centre"), back=_manage_url())


@requires("productivity.manage", load=CostCentre)
def centre_edit(request: HttpRequest, centre: CostCentre) -> HttpResponse:
    return _edit(
        request,
        _centre_form(request, centre),
        title=str(centre),
        back=_manage_url(),
    )


@requires("productivity.manage", load=CostCentre)
def centre_shares(request: HttpRequest, centre: CostCentre) -> HttpResponse:
    """A support centre's square metres or fixed shares by product."""
    if centre.driver not in (Driver.AREA, Driver.FIXED):
        messages.info(request, _("This centre's driver needs no shares."))
        return redirect(_manage_url())
    products = Product.objects.filter(organisation=request.organisation)
    if centre.service_area_id:
        products = products.filter(service_area_id=centre.service_area_id)
    form = DriverSharesForm(request.POST or None, centre=centre, products=products)
    if request.method == "POST" and form.is_valid():
        actions.driver_shares_set(centre=centre, by=request.user, values=form.values())
        messages.success(request, _("The shares were saved."))
        return redirect(_manage_url())
    return render(
        request,
        "productivity/edit.html",
        {
            "form": form,
            "title": _("Shares of %(centre)s") % {"centre": centre},
            "back": _manage_url(),
            "intro": _(
                "The centre's cost is shared in proportion to these values. "
                "An empty value: the product gets no share."
            ),
        },
        status=400 if form.errors else 200,
    )


def _manage_url() -> str:
    return reverse("productivity:manage")
