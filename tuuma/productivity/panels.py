"""The productivity blocks on a measure's page (``{% app_panels "measure" %}``)
and on an idea made from a survey remark (``{% app_panels "idea" %}``)."""

from __future__ import annotations

from tuuma.lib.panels import Panel
from tuuma.organisation.permissions import can
from tuuma.productivity.effects import measure_effects
from tuuma.productivity.forms import MeasureProductForm
from tuuma.productivity.models import MeasureProduct, Product, SurveyRemark


def measure_panels(request, measure) -> list[Panel]:
    visible = Product.objects.visible_to(request.user, request.organisation)
    links = MeasureProduct.objects.filter(
        measure=measure, product__in=visible
    ).select_related("product__service_area")
    may_link = can(request.user, "productivity.manage", request.organisation, measure)
    if not links and not may_link:
        return []
    form = None
    if may_link:
        form = MeasureProductForm(organisation=request.organisation)
    return [
        Panel(
            "productivity/_measure_panel.html",
            {
                "measure": measure,
                "effects": measure_effects(measure, links),
                "form": form,
                "staff": can(
                    request.user, "productivity.view_all", request.organisation
                ),
            },
        )
    ]


def idea_panels(request, idea) -> list[Panel]:
    """An idea made from a working-life survey remark says so (and no more: the
    writer of the remark stays anonymous)."""
    remark = (
        SurveyRemark.objects.filter(organisation=request.organisation, idea=idea)
        .select_related("survey")
        .first()
    )
    if remark is None:
        return []
    return [Panel("productivity/_idea_panel.html", {"survey": remark.survey})]
