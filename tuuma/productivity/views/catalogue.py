"""The product catalogue, a service area's figures and a product's page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from tuuma.lib.metrics import Filters, measure
from tuuma.organisation.access import public, requires
from tuuma.organisation.models import ServiceArea
from tuuma.organisation.permissions import can, can_somewhere
from tuuma.productivity.chart import time_line
from tuuma.productivity.models import Product
from tuuma.productivity.results import area_figures, organisation_figures
from tuuma.productivity.survey_results import area_working_life
from tuuma.productivity.unit_hours import area_unit_hours
from tuuma.programme.models import Measure

# The area's figures shown beside their definitions, read from the registry.
AREA_METRICS = (
    "productivity.productivity_index",
    "productivity.volume_index",
    "productivity.real_input_index",
    "productivity.unit_cost",
    "productivity.digital_share",
    "productivity.working_life_index",
    "productivity.recommendation_score",
)


@public
def index(request: HttpRequest) -> HttpResponse:
    """Products by service area with their latest year's unit cost and digital share."""
    organisation = request.organisation
    visible = set(
        Product.objects.visible_to(request.user, organisation).values_list(
            "pk", flat=True
        )
    )
    sections = []
    everything = organisation_figures(organisation)
    for area in ServiceArea.objects.filter(organisation=organisation):
        found = area_figures(organisation, area, everything)
        rows = [
            {"product": product, "latest": _latest(found, product.pk)}
            for product in found.products
            if product.pk in visible
        ]
        if rows:
            sections.append({"area": area, "rows": rows, "years": found.years})
    return render(
        request,
        "productivity/index.html",
        {
            "sections": sections,
            "staff": can(request.user, "productivity.view_all", organisation),
            "may_manage": can_somewhere(
                request.user, "productivity.manage", organisation
            ),
        },
    )


def _latest(found, product_id: int):
    cells = found.by_product.get(product_id, {})
    if not cells:
        return None
    year = max(cells)
    return {"year": year, "cell": cells[year]}


@requires("productivity.view_all")
def area_detail(request: HttpRequest, area_id: int) -> HttpResponse:
    area = get_object_or_404(ServiceArea, pk=area_id, organisation=request.organisation)
    found = area_figures(request.organisation, area)
    rows = [
        {
            "product": product,
            "years": [found.by_product.get(product.pk, {}).get(y) for y in found.years],
        }
        for product in found.products
    ]
    working_life = area_working_life(area)
    measures = Measure.objects.visible_to(request.user, request.organisation).filter(
        service_area=area, start_date__year__in=found.years
    )
    chart = time_line(
        "time-line",
        [
            (
                row.year,
                row.productivity_index,
                getattr(working_life.get(row.year), "index", None),
            )
            for row in found.areas
        ],
        {started.start_date.year for started in measures},
    )
    return render(
        request,
        "productivity/area.html",
        {
            "area": area,
            "found": found,
            "rows": rows,
            "figures": [
                measure(metric_id, request.organisation, Filters(service_area=area.pk))
                for metric_id in AREA_METRICS
            ],
            "chart": chart,
            "working_life": [(y, working_life.get(y)) for y in found.years],
            "measures": measures.order_by("start_date"),
            "unit_hours": area_unit_hours(area),
        },
    )


@requires("productivity.view", load=Product)
def product_detail(request: HttpRequest, product: Product) -> HttpResponse:
    found = area_figures(request.organisation, product.service_area)
    cells = found.by_product.get(product.pk, {})
    staff = can(request.user, "productivity.view_all", request.organisation)
    return render(
        request,
        "productivity/product.html",
        {
            "product": product,
            "years": [(year, cells[year]) for year in sorted(cells)],
            "staff": staff,
            "may_manage": can(
                request.user, "productivity.manage", request.organisation, product
            ),
        },
    )
