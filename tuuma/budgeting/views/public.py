"""Pages anyone may read: rounds, proposals, results and the ballot export."""

import json

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tuuma.budgeting import results
from tuuma.budgeting.models import Area, Proposal, ProposalImage, ResultRow, Round
from tuuma.budgeting.places import map_settings
from tuuma.organisation.access import requires, visible_objects
from tuuma.organisation.permissions import can


@requires("budgeting.view")
def round_list(request: HttpRequest) -> HttpResponse:
    rounds = visible_objects(request, Round)
    context = {
        "rounds": rounds,
        "can_manage": can(request.user, "budgeting.manage", request.organisation),
    }
    return render(request, "budgeting/round_list.html", context)


@requires("budgeting.view", load=Round)
def round_detail(request: HttpRequest, budget_round: Round) -> HttpResponse:
    proposals = budget_round.proposals.select_related("area", "merged_into")
    areas = [
        {"area": area, "proposals": [p for p in proposals if p.area_id == area.pk]}
        for area in budget_round.areas.all()
    ]
    context = {
        "round": budget_round,
        "areas": areas,
        "placed": [p for p in proposals if p.has_point],
        "map": map_settings(request.organisation),
        "can_manage": can(
            request.user, "budgeting.manage", request.organisation, budget_round
        ),
        "can_paper": can(
            request.user, "budgeting.paper", request.organisation, budget_round
        ),
    }
    return render(request, "budgeting/round_detail.html", context)


@requires("budgeting.view", load=Area)
def area_detail(request: HttpRequest, area: Area) -> HttpResponse:
    """One area of a round: its proposals on a map and as a list."""
    proposals = area.proposals.select_related("merged_into")
    context = {
        "round": area.round,
        "area": area,
        "proposals": proposals,
        "placed": [p for p in proposals if p.has_point],
        "map": map_settings(request.organisation),
    }
    return render(request, "budgeting/area_detail.html", context)


@requires("budgeting.view", load=ProposalImage)
@require_GET
def proposal_image(request: HttpRequest, image: ProposalImage) -> FileResponse:
    """An image with the type its content was checked to have, never run as a
    page: nosniff and a sandboxing policy of its own."""
    response = FileResponse(image.image.open("rb"), content_type=image.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@requires("budgeting.view", load=Proposal)
def proposal_detail(request: HttpRequest, proposal: Proposal) -> HttpResponse:
    context = {
        "proposal": proposal,
        "round": proposal.round,
        "images": proposal.images.all(),
        "placed": [proposal] if proposal.has_point else [],
        "map": map_settings(request.organisation),
        "authors": proposal.authorships.count(),
        "supporters": proposal.supports.count(),
        "supported": request.user.is_authenticated
        and proposal.supports.filter(user=request.user).exists(),
        "result": ResultRow.objects.filter(proposal=proposal).first(),
        "can_manage": can(
            request.user, "budgeting.manage", request.organisation, proposal
        ),
        "can_take_part": can(
            request.user, "budgeting.take_part", request.organisation, proposal
        ),
    }
    return render(request, "budgeting/proposal_detail.html", context)


@requires("budgeting.view", load=Round)
def round_results(request: HttpRequest, budget_round: Round) -> HttpResponse:
    if not budget_round.results_published:
        context = {"round": budget_round, "areas": [], "turnout": []}
        return render(request, "budgeting/results.html", context)
    rows = ResultRow.objects.filter(area__round=budget_round).select_related(
        "proposal", "area"
    )
    areas = [
        {"area": area, "rows": [r for r in rows if r.area_id == area.pk]}
        for area in budget_round.areas.all()
    ]
    for entry in areas:
        entry["greedy_spent"] = sum(
            r.proposal.cost for r in entry["rows"] if r.greedy_selected
        )
        entry["shares_spent"] = sum(
            r.proposal.cost for r in entry["rows"] if r.equal_shares_selected
        )
    context = {
        "round": budget_round,
        "areas": areas,
        "turnout": results.turnout(budget_round),
    }
    return render(request, "budgeting/results.html", context)


@requires("budgeting.view", load=Round)
def ballots_export(request: HttpRequest, budget_round: Round) -> HttpResponse:
    """The anonymised ballots as JSON: recount them with ``counting.count``."""
    if not budget_round.results_published:
        # Not a 404: the round exists; its ballots are simply not public yet.
        return HttpResponse(
            _("The ballots are published when the vote closes."),
            status=409,
            content_type="text/plain; charset=utf-8",
        )
    body = json.dumps(results.export(budget_round), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="budjetointi-{budget_round.pk}-aanestysliput.json"'
    )
    return response
