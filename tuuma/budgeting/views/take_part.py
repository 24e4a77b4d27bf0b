"""Residents propose, support and vote."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tuuma.budgeting import actions, voting
from tuuma.budgeting.choices import MAX_IMAGES, BallotKind
from tuuma.budgeting.errors import BudgetingError
from tuuma.budgeting.forms import ProposalForm
from tuuma.budgeting.models import Area, Proposal, Round
from tuuma.budgeting.places import map_settings
from tuuma.organisation.access import requires


@requires("budgeting.take_part", load=Round)
def proposal_create(request: HttpRequest, budget_round: Round) -> HttpResponse:
    form = ProposalForm(
        request.POST or None, request.FILES or None, budget_round=budget_round
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proposal = actions.proposal_submit(
                budget_round=budget_round,
                area=data["area"],
                by=request.user,
                title=data["title"],
                description=data["description"],
                location=data["location"],
                latitude=data["latitude"],
                longitude=data["longitude"],
                images=data["images"],
            )
        except BudgetingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you: your proposal is public."))
            return redirect("budgeting:proposal", pk=proposal.pk)
    context = {
        "round": budget_round,
        "form": form,
        "map": map_settings(request.organisation),
        "max_images": MAX_IMAGES,
    }
    return render(request, "budgeting/proposal_form.html", context)


@requires({"POST": "budgeting.take_part"}, load=Proposal)
def proposal_support(request: HttpRequest, proposal: Proposal) -> HttpResponse:
    try:
        actions.proposal_support(proposal=proposal, by=request.user)
    except BudgetingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You support this proposal."))
    return redirect("budgeting:proposal", pk=proposal.pk)


def _chosen_area(request: HttpRequest, budget_round: Round) -> Area:
    areas = budget_round.areas.all()
    wanted = request.POST.get("area") or request.GET.get("alue")
    if wanted and str(wanted).isdigit():
        return get_object_or_404(areas, pk=wanted)
    return areas.first()


def _age(request: HttpRequest) -> int | None:
    value = request.POST.get("age", "").strip()
    return int(value) if value.isdigit() else None


def _ballot_state(area: Area, picked: set[int]) -> dict:
    proposals = list(area.proposals.on_ballot().order_by("pk"))
    spent = sum(p.cost for p in proposals if p.pk in picked)
    return {
        "proposals": proposals,
        "picked": picked,
        "spent": spent,
        "remaining": area.budget - spent,
        "over": area.round.ballot_kind == BallotKind.KNAPSACK and spent > area.budget,
    }


@requires("budgeting.take_part", load=Round)
def vote(request: HttpRequest, budget_round: Round) -> HttpResponse:
    """The ballot of one area. "Check" (or htmx on every change) recounts the
    remaining budget; "vote" casts or replaces the ballot."""
    area = _chosen_area(request, budget_round)
    picked = {int(pk) for pk in request.POST.getlist("proposal") if pk.isdigit()}
    if request.method == "GET":
        picked = set(voting.own_ballot(area, request.user) or [])
    state = _ballot_state(area, picked)
    if request.headers.get("HX-Request") and request.method == "POST":
        return render(request, "budgeting/vote.html#remaining", {"area": area, **state})
    error = None
    if request.method == "POST" and request.POST.get("action") == "vote":
        try:
            voting.ballot_cast(
                area=area,
                by=request.user,
                proposal_ids=picked,
                age=_age(request),
                is_resident=request.POST.get("resident") == "on",
            )
        except BudgetingError as refused:
            error = str(refused)
        else:
            messages.success(
                request, _("Your vote is counted. You can change it until the close.")
            )
            return redirect(f"{request.path}?alue={area.pk}")
    context = {
        "round": budget_round,
        "area": area,
        "error": error,
        "voted": voting.has_voted(area, request.user),
        "age": request.POST.get("age", ""),
        **state,
    }
    return render(request, "budgeting/vote.html", context, status=400 if error else 200)
