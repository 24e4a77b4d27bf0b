"""Rounds and proposals: creating, moving phases, proposing, merging, estimating.

Ballots, the close and the results are in ``voting.py``; winners into the
programme in ``winners.py``. Views, the API and the demo all call these.
"""

from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.budgeting.choices import PHASE_ORDER, Feasibility, Phase
from tuuma.budgeting.errors import BudgetingError
from tuuma.budgeting.images import checked_images, images_add
from tuuma.budgeting.models import (
    Area,
    Proposal,
    ProposalAuthor,
    ProposalSupport,
    Round,
)
from tuuma.budgeting.notify import notify_estimate
from tuuma.budgeting.places import checked_point
from tuuma.ideas.models import Idea
from tuuma.organisation.models import Organisation

DATE_FIELDS = (
    "proposals_from",
    "cocreation_from",
    "estimation_from",
    "voting_from",
    "voting_until",
    "implementation_from",
)
SUPPORT_PHASES = (Phase.PROPOSALS, Phase.COCREATION)
ESTIMATE_PHASES = (Phase.PROPOSALS, Phase.COCREATION, Phase.ESTIMATION)


def _check_round(total_budget: int, areas: list[tuple[str, int]], dates: dict):
    if total_budget <= 0:
        raise BudgetingError(_("The total budget must be more than zero."))
    if sum(budget for _name, budget in areas) > total_budget:
        raise BudgetingError(_("The areas' budgets add up to more than the total."))
    if any(budget <= 0 or not name.strip() for name, budget in areas):
        raise BudgetingError(_("Every area needs a name and a budget above zero."))
    if len({name.strip().lower() for name, _budget in areas}) != len(areas):
        raise BudgetingError(_("Two areas have the same name."))
    ordered = [dates[field] for field in DATE_FIELDS]
    if ordered != sorted(ordered):
        raise BudgetingError(_("The phases' dates must follow each other in order."))


@transaction.atomic
def round_create(
    *,
    organisation: Organisation,
    by: User,
    title: str,
    total_budget: int,
    areas: list[tuple[str, int]],
    dates: dict[str, date],
    description: str = "",
    **settings,
) -> Round:
    """A draft round; ``areas`` are (name, budget) pairs, none means one area
    with the whole budget; ``settings`` are ballot_kind, result_rule, min_age,
    residents_only, identity."""
    areas = areas or [(_("Whole municipality"), total_budget)]
    _check_round(total_budget, areas, dates)
    settings.setdefault("residents_only", True)
    budget_round = Round.objects.create(
        organisation=organisation,
        created_by=by,
        title=title,
        description=description,
        total_budget=total_budget,
        **dates,
        **settings,
    )
    Area.objects.bulk_create(
        Area(organisation=organisation, round=budget_round, name=n, budget=b, order=i)
        for i, (n, b) in enumerate(areas)
    )
    audit_record(
        organisation=organisation,
        actor=by,
        action="budgeting.round_created",
        target=budget_round,
        details={"total_budget": total_budget, "areas": len(areas)},
    )
    return budget_round


def _locked(budget_round: Round) -> Round:
    return Round.objects.select_for_update().get(pk=budget_round.pk)


@transaction.atomic
def round_advance(*, budget_round: Round, to_phase: str, by: User | None) -> Round:
    """Move the round forward to ``to_phase`` (never back). Closing the vote is
    ``voting.round_close_vote``: it also counts and breaks the ballot links."""
    budget_round = _locked(budget_round)
    if to_phase not in PHASE_ORDER or PHASE_ORDER.index(to_phase) <= (
        budget_round.phase_index()
    ):
        raise BudgetingError(_("A round only moves forward, one phase at a time."))
    if to_phase == Phase.IMPLEMENTATION:
        raise BudgetingError(_("Close the vote to move on to implementation."))
    if to_phase == Phase.VOTING:
        _check_ready_for_vote(budget_round)
    before = budget_round.phase
    budget_round.phase = to_phase
    budget_round.save(update_fields=["phase"])
    audit_record(
        organisation=budget_round.organisation,
        actor=by,
        action="budgeting.phase_changed",
        target=budget_round,
        details={"phase": [before, to_phase]},
    )
    return budget_round


def _check_ready_for_vote(budget_round: Round) -> None:
    live = budget_round.proposals.filter(merged_into=None)
    if live.filter(feasibility=Feasibility.PENDING).exists():
        raise BudgetingError(
            _("Every proposal needs a cost estimate and feasibility before the vote.")
        )
    if not live.filter(feasibility=Feasibility.FEASIBLE).exists():
        raise BudgetingError(_("There is no feasible proposal to vote on."))


def _check_area(budget_round: Round, area: Area) -> None:
    if area.round_id != budget_round.pk:
        raise BudgetingError(_("Choose one of this round's areas."))


def _add_people(proposal: Proposal, model, users) -> None:
    model.objects.bulk_create(
        [
            model(organisation_id=proposal.organisation_id, proposal=proposal, user=u)
            for u in users
        ],
        ignore_conflicts=True,
    )


@transaction.atomic
def proposal_submit(
    *,
    budget_round: Round,
    area: Area,
    by: User,
    title: str,
    description: str,
    location: str = "",
    latitude: Decimal | str | None = None,
    longitude: Decimal | str | None = None,
    images: list[tuple[object, str]] | tuple = (),
) -> Proposal:
    """A resident's proposal with its place (an address text and/or a point)
    and images, (upload, description) pairs checked by their content."""
    if budget_round.phase != Phase.PROPOSALS:
        raise BudgetingError(_("This round is not taking proposals now."))
    _check_area(budget_round, area)
    if not title.strip() or not description.strip():
        raise BudgetingError(_("A proposal needs a title and a description."))
    latitude, longitude = checked_point(budget_round.organisation, latitude, longitude)
    checked = checked_images(images)  # all of them before anything is written
    proposal = Proposal.objects.create(
        organisation=budget_round.organisation,
        round=budget_round,
        area=area,
        title=title.strip(),
        description=description.strip(),
        location=location.strip(),
        latitude=latitude,
        longitude=longitude,
    )
    _add_people(proposal, ProposalAuthor, [by])
    images_add(proposal, checked)
    return proposal


@transaction.atomic
def proposal_from_idea(
    *, budget_round: Round, area: Area, idea: Idea, by: User
) -> Proposal:
    """Bring an existing idea into the round with its author and supporters."""
    if budget_round.is_past(Phase.COCREATION):
        raise BudgetingError(_("Ideas can be brought in until co-creation ends."))
    _check_area(budget_round, area)
    if idea.organisation_id != budget_round.organisation_id:
        raise BudgetingError(_("Choose one of this round's areas."))
    if Proposal.objects.filter(round=budget_round, source_idea=idea).exists():
        raise BudgetingError(_("This idea is already in the round."))
    proposal = Proposal.objects.create(
        organisation=budget_round.organisation,
        round=budget_round,
        area=area,
        title=idea.title,
        description=idea.body,
        location=idea.location_name,
        source_idea=idea,
    )
    _add_people(proposal, ProposalAuthor, [idea.author] if idea.author else [])
    supporters = User.objects.filter(idea_supports__idea=idea)
    _add_people(proposal, ProposalSupport, supporters)
    audit_record(
        organisation=budget_round.organisation,
        actor=by,
        action="budgeting.idea_moved_in",
        target=proposal,
        details={"idea": idea.pk, "supporters": supporters.count()},
    )
    return proposal


@transaction.atomic
def proposal_support(*, proposal: Proposal, by: User) -> bool:
    """Support once (a second time changes nothing); False if it already was."""
    if proposal.round.phase not in SUPPORT_PHASES or proposal.merged_into_id:
        raise BudgetingError(_("Proposals can be supported until co-creation ends."))
    try:
        with transaction.atomic():
            ProposalSupport.objects.create(
                organisation_id=proposal.organisation_id, proposal=proposal, user=by
            )
    except IntegrityError:
        return False
    return True


@transaction.atomic
def proposal_merge(*, source: Proposal, target: Proposal, by: User) -> Proposal:
    """Merge ``source`` into ``target``: every author and supporter carries over."""
    budget_round = _locked(source.round)
    if budget_round.phase not in SUPPORT_PHASES:
        raise BudgetingError(_("Proposals are merged during co-creation."))
    if source.pk == target.pk or target.round_id != source.round_id:
        raise BudgetingError(_("Choose another proposal of the same round."))
    if source.merged_into_id or target.merged_into_id:
        raise BudgetingError(_("A merged proposal cannot be merged again."))
    authors = User.objects.filter(pk__in=source.authorships.values("user"))
    supporters = User.objects.filter(pk__in=source.supports.values("user"))
    _add_people(target, ProposalAuthor, authors)
    _add_people(target, ProposalSupport, supporters)
    source.merged_into = target
    source.save(update_fields=["merged_into"])
    audit_record(
        organisation=budget_round.organisation,
        actor=by,
        action="budgeting.proposals_merged",
        target=target,
        details={"merged": source.pk},
    )
    return target


@transaction.atomic
def proposal_estimate(
    *, proposal: Proposal, by: User, cost: int | None, feasibility: str, reason: str
) -> Proposal:
    """Staff's cost estimate and feasibility; the authors are told by e-mail."""
    if proposal.round.phase not in ESTIMATE_PHASES:
        raise BudgetingError(_("Costs are estimated before the vote opens."))
    if feasibility not in (Feasibility.FEASIBLE, Feasibility.UNFEASIBLE):
        raise BudgetingError(_("Choose whether the proposal is feasible."))
    if not reason.strip():
        raise BudgetingError(_("Give the reason: the authors and everyone see it."))
    if feasibility == Feasibility.FEASIBLE:
        if cost is None or cost <= 0:
            raise BudgetingError(_("A feasible proposal needs a cost above zero."))
        if cost > proposal.area.budget:
            raise BudgetingError(_("The cost is larger than the area's whole budget."))
    proposal.cost = cost
    proposal.feasibility = feasibility
    proposal.feasibility_reason = reason.strip()
    proposal.save(update_fields=["cost", "feasibility", "feasibility_reason"])
    audit_record(
        organisation=proposal.organisation,
        actor=by,
        action="budgeting.proposal_estimated",
        target=proposal,
        details={"cost": cost, "feasibility": feasibility},
    )
    transaction.on_commit(lambda: notify_estimate(proposal))
    return proposal
