"""Rounds in a given phase, built with the real actions (tests, matrix, bench)."""

from datetime import date, timedelta

from tuuma.accounts.models import User
from tuuma.budgeting import actions
from tuuma.budgeting.choices import PHASE_ORDER, Feasibility, Phase
from tuuma.budgeting.models import Proposal, Round
from tuuma.organisation.models import Organisation


def schedule(start: date) -> dict[str, date]:
    """Phase start dates four weeks apart from ``start``."""
    weeks = [0, 4, 8, 12, 14, 16]
    return {
        field: start + timedelta(weeks=w)
        for field, w in zip(actions.DATE_FIELDS, weeks, strict=True)
    }


def round_with_proposals(
    *,
    organisation: Organisation,
    lead: User,
    author: User,
    areas: list[tuple[str, int]],
    proposals: dict[str, list[tuple[str, int]]],
    to_phase: str = Phase.VOTING,
    **settings,
) -> Round:
    """A round whose areas carry (title, cost) proposals, moved to ``to_phase``
    (up to voting; cost estimates are given on the way)."""
    budget_round = actions.round_create(
        organisation=organisation,
        by=lead,
        title="Osallistuva budjetointi",
        total_budget=sum(b for _n, b in areas),
        areas=areas,
        dates=schedule(date(2026, 1, 1)),
        **settings,
    )
    if to_phase == Phase.DRAFT:
        return budget_round
    actions.round_advance(budget_round=budget_round, to_phase=Phase.PROPOSALS, by=lead)
    budget_round.refresh_from_db()
    by_name = {a.name: a for a in budget_round.areas.all()}
    made: list[tuple[Proposal, int]] = []
    for area_name, items in proposals.items():
        for title, cost in items:
            proposal = actions.proposal_submit(
                budget_round=budget_round,
                area=by_name[area_name],
                by=author,
                title=title,
                description=f"{title}: kuvaus",
            )
            made.append((proposal, cost))
    for phase in (Phase.COCREATION, Phase.ESTIMATION, Phase.VOTING):
        if budget_round.phase_index() >= PHASE_ORDER.index(to_phase):
            break
        if phase == Phase.VOTING:
            for proposal, cost in made:
                proposal.refresh_from_db()
                actions.proposal_estimate(
                    proposal=proposal,
                    by=lead,
                    cost=cost,
                    feasibility=Feasibility.FEASIBLE,
                    reason="Toteutettavissa.",
                )
        budget_round = actions.round_advance(
            budget_round=budget_round, to_phase=phase, by=lead
        )
    return budget_round
