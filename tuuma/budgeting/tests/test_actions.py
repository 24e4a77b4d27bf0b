"""Rounds and proposals through their phases, with the refusals people meet."""

from datetime import date

import pytest
from django.core import mail

from tuuma.audit.models import AuditEntry
from tuuma.budgeting import actions
from tuuma.budgeting.builders import schedule
from tuuma.budgeting.choices import Feasibility, Phase
from tuuma.budgeting.errors import BudgetingError
from tuuma.budgeting.models import ProposalSupport
from tuuma.ideas.models import Idea, Support

pytestmark = pytest.mark.django_db


def _round(org, lead, **kwargs):
    return actions.round_create(
        organisation=org,
        by=lead,
        title="Kierros",
        total_budget=kwargs.pop("total_budget", 100),
        areas=kwargs.pop("areas", []),
        dates=kwargs.pop("dates", schedule(date(2026, 1, 1))),
        **kwargs,
    )


def test_a_round_without_areas_has_one_area_with_the_whole_budget(org, lead):
    budget_round = _round(org, lead)
    assert budget_round.areas.get().budget == 100
    assert AuditEntry.objects.filter(action="budgeting.round_created").exists()


@pytest.mark.parametrize(
    "areas",
    [[("A", 80), ("B", 30)], [("A", 0)], [("A", 10), ("a", 10)], [(" ", 10)]],
)
def test_bad_areas_are_refused_and_nothing_is_written(org, lead, areas):
    with pytest.raises(BudgetingError):
        _round(org, lead, areas=areas)
    assert not org.budgeting_rounds.exists()


def test_phase_dates_out_of_order_are_refused(org, lead):
    dates = schedule(date(2026, 1, 1))
    dates["voting_from"], dates["estimation_from"] = (
        dates["estimation_from"],
        dates["voting_from"],
    )
    with pytest.raises(BudgetingError, match="order"):
        _round(org, lead, dates=dates)


def test_a_round_moves_only_forward(org, lead):
    budget_round = _round(org, lead)
    actions.round_advance(budget_round=budget_round, to_phase=Phase.PROPOSALS, by=lead)
    with pytest.raises(BudgetingError):
        actions.round_advance(budget_round=budget_round, to_phase=Phase.DRAFT, by=lead)


def test_the_vote_cannot_open_before_every_proposal_is_estimated(proposals_round, lead):
    actions.round_advance(
        budget_round=proposals_round, to_phase=Phase.ESTIMATION, by=lead
    )
    with pytest.raises(BudgetingError, match="estimate"):
        actions.round_advance(
            budget_round=proposals_round, to_phase=Phase.VOTING, by=lead
        )


def test_proposals_are_refused_outside_the_proposal_phase(voting_round, cast):
    with pytest.raises(BudgetingError, match="not taking proposals"):
        actions.proposal_submit(
            budget_round=voting_round,
            area=voting_round.areas.first(),
            by=cast.resident,
            title="Myöhässä",
            description="x",
        )


def test_merging_keeps_every_author_and_supporter(proposals_round, lead, cast):
    actions.round_advance(
        budget_round=proposals_round, to_phase=Phase.COCREATION, by=lead
    )
    area = proposals_round.areas.get(name="Keskusta")
    other = area.proposals.get(title="Valot")
    target = area.proposals.get(title="Penkit")
    actions.proposal_support(proposal=other, by=cast.employee)
    actions.proposal_support(proposal=target, by=cast.employee)
    actions.proposal_support(proposal=other, by=cast.moderator)
    merged = actions.proposal_merge(source=other, target=target, by=lead)
    other.refresh_from_db()
    assert other.merged_into == merged
    supporters = set(merged.supports.values_list("user", flat=True))
    assert supporters == {cast.employee.pk, cast.moderator.pk}
    assert set(merged.authorships.values_list("user", flat=True)) == {cast.resident.pk}
    with pytest.raises(BudgetingError):
        actions.proposal_merge(source=other, target=target, by=lead)


def test_supporting_twice_counts_once(proposals_round, cast):
    proposal = proposals_round.proposals.first()
    assert actions.proposal_support(proposal=proposal, by=cast.employee)
    assert not actions.proposal_support(proposal=proposal, by=cast.employee)
    assert ProposalSupport.objects.filter(proposal=proposal).count() == 1


def test_an_idea_moves_in_with_its_author_and_supporters(proposals_round, lead, cast):
    idea = Idea.objects.create(
        organisation=proposals_round.organisation,
        title="Koirapuisto",
        body="Aidattu koirapuisto",
        author=cast.resident,
    )
    for person in (cast.employee, cast.moderator):
        Support.objects.create(organisation=idea.organisation, idea=idea, user=person)
    proposal = actions.proposal_from_idea(
        budget_round=proposals_round,
        area=proposals_round.areas.first(),
        idea=idea,
        by=lead,
    )
    assert proposal.source_idea == idea
    assert proposal.supports.count() == 2
    assert proposal.authorships.get().user == cast.resident
    with pytest.raises(BudgetingError, match="already"):
        actions.proposal_from_idea(
            budget_round=proposals_round,
            area=proposals_round.areas.first(),
            idea=idea,
            by=lead,
        )


def test_an_estimate_without_a_reason_or_cost_is_refused(proposals_round, lead):
    proposal = proposals_round.proposals.first()
    with pytest.raises(BudgetingError, match="reason"):
        actions.proposal_estimate(
            proposal=proposal, by=lead, cost=None, feasibility="unfeasible", reason=""
        )
    with pytest.raises(BudgetingError, match="whole budget"):
        actions.proposal_estimate(
            proposal=proposal, by=lead, cost=10_000, feasibility="feasible", reason="x"
        )
    with pytest.raises(BudgetingError, match="cost"):
        actions.proposal_estimate(
            proposal=proposal, by=lead, cost=None, feasibility="feasible", reason="x"
        )


def test_a_rejected_proposal_stays_visible_with_its_reason(
    proposals_round, lead, cast, run_jobs, django_capture_on_commit_callbacks
):
    proposal = proposals_round.proposals.first()
    with django_capture_on_commit_callbacks(execute=True):
        actions.proposal_estimate(
            proposal=proposal,
            by=lead,
            cost=None,
            feasibility=Feasibility.UNFEASIBLE,
            reason="Alue on yksityistä maata.",
        )
    run_jobs()
    assert [m.to for m in mail.outbox] == [[cast.resident.email]]
    assert "yksityistä" in mail.outbox[0].body
    assert proposals_round.proposals.filter(pk=proposal.pk).exists()
