"""Staff pages: prepare a round, move its phases, estimate, merge, bring ideas in,
paper ballots and carrying the winners into the programme."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tuuma.budgeting import actions, voting, winners
from tuuma.budgeting.choices import PHASE_ORDER, Phase
from tuuma.budgeting.errors import BudgetingError
from tuuma.budgeting.forms import (
    EstimateForm,
    IdeaMoveForm,
    MergeForm,
    PaperForm,
    RoundForm,
    WinnersForm,
)
from tuuma.budgeting.models import PaperBatch, Proposal, Round
from tuuma.ideas.models import Idea
from tuuma.organisation.access import requires


@requires("budgeting.manage")
def round_create(request: HttpRequest) -> HttpResponse:
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        settings = {
            key: data[key]
            for key in (
                "ballot_kind",
                "result_rule",
                "min_age",
                "residents_only",
                "identity",
            )
        }
        try:
            budget_round = actions.round_create(
                organisation=request.organisation,
                by=request.user,
                title=data["title"],
                description=data["description"],
                total_budget=data["total_budget"],
                areas=data["area_lines"],
                dates={field: data[field] for field in actions.DATE_FIELDS},
                **settings,
            )
        except BudgetingError as error:
            form.add_error(None, str(error))
        else:
            return redirect("budgeting:round", pk=budget_round.pk)
    return render(request, "budgeting/form_page.html", {"form": form, "round": None})


def _next_phase(budget_round: Round) -> str | None:
    index = budget_round.phase_index() + 1
    return PHASE_ORDER[index] if index < len(PHASE_ORDER) else None


@requires("budgeting.manage", load=Round)
def round_manage(request: HttpRequest, budget_round: Round) -> HttpResponse:
    """Move the round on one phase; from the vote that means closing and counting."""
    if request.method == "POST":
        try:
            if budget_round.phase == Phase.VOTING:
                voting.round_close_vote(budget_round=budget_round, by=request.user)
                messages.success(request, _("The vote is closed and counted."))
            else:
                actions.round_advance(
                    budget_round=budget_round,
                    to_phase=request.POST.get("phase", ""),
                    by=request.user,
                )
                messages.success(request, _("The round moved on."))
        except BudgetingError as error:
            messages.error(request, str(error))
        return redirect("budgeting:manage", pk=budget_round.pk)
    context = {
        "round": budget_round,
        "next_phase": _next_phase(budget_round),
        "next_label": Phase(_next_phase(budget_round)).label
        if _next_phase(budget_round)
        else None,
        "pending": budget_round.proposals.filter(
            merged_into=None, feasibility="pending"
        ),
        "vote_waiting": budget_round.phase == Phase.ESTIMATION
        and budget_round.phase_due(timezone.localdate()) == Phase.VOTING,
        "idea_form": IdeaMoveForm(budget_round=budget_round),
        "winners_waiting": winners.winners_waiting(budget_round),
        "winners_form": WinnersForm(organisation=request.organisation),
    }
    return render(request, "budgeting/manage.html", context)


@requires("budgeting.manage", load=Round)
def idea_move(request: HttpRequest, budget_round: Round) -> HttpResponse:
    form = IdeaMoveForm(request.POST or None, budget_round=budget_round)
    if request.method == "POST" and form.is_valid():
        idea = Idea.objects.filter(
            organisation=request.organisation, pk=form.cleaned_data["idea"]
        ).first()
        try:
            if idea is None:
                raise BudgetingError(_("There is no idea with that number."))
            proposal = actions.proposal_from_idea(
                budget_round=budget_round,
                area=form.cleaned_data["area"],
                idea=idea,
                by=request.user,
            )
        except BudgetingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The idea is now a proposal of the round."))
            return redirect("budgeting:proposal", pk=proposal.pk)
    return render(
        request, "budgeting/form_page.html", {"form": form, "round": budget_round}
    )


@requires("budgeting.manage", load=Proposal)
def proposal_estimate(request: HttpRequest, proposal: Proposal) -> HttpResponse:
    form = EstimateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.proposal_estimate(
                proposal=proposal, by=request.user, **form.cleaned_data
            )
        except BudgetingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("The estimate is public and the authors are told.")
            )
            return redirect("budgeting:proposal", pk=proposal.pk)
    context = {"form": form, "round": proposal.round, "proposal": proposal}
    return render(request, "budgeting/form_page.html", context)


@requires("budgeting.manage", load=Proposal)
def proposal_merge(request: HttpRequest, proposal: Proposal) -> HttpResponse:
    form = MergeForm(request.POST or None, proposal=proposal)
    if request.method == "POST" and form.is_valid():
        try:
            target = actions.proposal_merge(
                source=proposal, target=form.cleaned_data["target"], by=request.user
            )
        except BudgetingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Merged: every author and supporter moved along.")
            )
            return redirect("budgeting:proposal", pk=target.pk)
    context = {"form": form, "round": proposal.round, "proposal": proposal}
    return render(request, "budgeting/form_page.html", context)


@requires("budgeting.paper", load=Round)
def paper(request: HttpRequest, budget_round: Round) -> HttpResponse:
    """Enter a batch of paper ballots, or confirm someone else's batch."""
    form = PaperForm(request.POST or None, budget_round=budget_round)
    if request.method == "POST":
        try:
            if "confirm" in request.POST:
                batch = get_object_or_404(
                    PaperBatch, area__round=budget_round, pk=request.POST["confirm"]
                )
                voting.paper_batch_confirm(batch=batch, by=request.user)
                messages.success(
                    request, _("Batch confirmed: its ballots are counted.")
                )
                return redirect("budgeting:paper", pk=budget_round.pk)
            if form.is_valid():
                voting.paper_batch_enter(by=request.user, **form.cleaned_data)
                messages.success(
                    request, _("Batch saved: another person must confirm it.")
                )
                return redirect("budgeting:paper", pk=budget_round.pk)
        except BudgetingError as error:
            form.add_error(None, str(error))
    batches = PaperBatch.objects.filter(area__round=budget_round).select_related(
        "area", "entered_by", "confirmed_by"
    )
    context = {"round": budget_round, "form": form, "batches": batches}
    return render(request, "budgeting/paper.html", context)


@requires("budgeting.manage", load=Round)
def to_programme(request: HttpRequest, budget_round: Round) -> HttpResponse:
    form = WinnersForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            carried = winners.winners_to_programme(
                budget_round=budget_round, by=request.user, **form.cleaned_data
            )
        except BudgetingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("%(count)s winners are now measures.") % {"count": len(carried)},
            )
            return redirect("budgeting:results", pk=budget_round.pk)
    return render(
        request, "budgeting/form_page.html", {"form": form, "round": budget_round}
    )
