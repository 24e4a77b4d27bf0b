"""The budgeting proposal behind a measure, on the measure's page; the advisory
votes on a matter, on the matter's page."""

from django.http import HttpRequest

from tuuma.budgeting.models import AdvisoryVote, Proposal
from tuuma.hearings.choices import Phase as MatterPhase
from tuuma.lib.panels import Panel
from tuuma.organisation.permissions import can


def measure_panels(request: HttpRequest, measure) -> list[Panel]:
    proposals = Proposal.objects.visible_to(request.user, request.organisation).filter(
        measure=measure
    )
    found = list(proposals.select_related("round", "area", "result"))
    if not found:
        return []
    return [Panel("budgeting/_measure_panel.html", {"proposals": found})]


def matter_panels(request: HttpRequest, matter) -> list[Panel]:
    """The advisory votes on a matter, on the matter's page."""
    votes = list(
        AdvisoryVote.objects.visible_to(request.user, request.organisation).filter(
            matter=matter
        )
    )
    may_add = matter.phase == MatterPhase.DECISION and can(
        request.user, "budgeting.manage", request.organisation
    )
    if not votes and not may_add:
        return []
    context = {"votes": votes, "may_add": may_add, "matter": matter}
    return [Panel("budgeting/_matter_panel.html", context)]
