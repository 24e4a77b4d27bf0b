"""The budgeting proposal behind a measure, on the measure's page."""

from django.http import HttpRequest

from tuuma.budgeting.models import Proposal
from tuuma.lib.panels import Panel


def measure_panels(request: HttpRequest, measure) -> list[Panel]:
    proposals = Proposal.objects.visible_to(request.user, request.organisation).filter(
        measure=measure
    )
    found = list(proposals.select_related("round", "area", "result"))
    if not found:
        return []
    return [Panel("budgeting/_measure_panel.html", {"proposals": found})]
