"""Phases and advisory votes move on their dates (the worker's periodic hook),
with a fixed ``now``: once, audited, in the organisation's local days."""

import datetime

import pytest

from tuuma.audit.models import AuditEntry
from tuuma.budgeting import advisory, periodic, schedule, voting
from tuuma.budgeting.builders import round_with_proposals
from tuuma.budgeting.choices import Phase
from tuuma.budgeting.models import AdvisoryVote, Round
from tuuma.hearings.models import Matter

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def at(day: str, hour: int = 12) -> datetime.datetime:
    """Noon (or ``hour``) UTC of an ISO day."""
    return datetime.datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


def _round(org, cast, to_phase, proposals=None) -> Round:
    # builders.schedule(2026-01-01): co-creation 29.1., estimate 26.2., vote
    # 26.3.–9.4., implementation 23.4.
    return round_with_proposals(
        organisation=org,
        lead=cast.productivity_lead,
        author=cast.resident,
        areas=[("Keskusta", 100)],
        proposals=proposals if proposals is not None else {"Keskusta": [("A", 60)]},
        to_phase=to_phase,
    )


def _phase_entries(budget_round):
    return AuditEntry.objects.filter(
        action__in=["budgeting.phase_changed", "budgeting.vote_closed"],
        target_id=str(budget_round.pk),
        actor=None,
    )


def test_a_round_moves_on_its_dates_once_and_the_move_is_audited(org, cast):
    budget_round = _round(org, cast, Phase.PROPOSALS)
    periodic.run(at("2026-01-28"))
    budget_round.refresh_from_db()
    assert budget_round.phase == Phase.PROPOSALS
    periodic.run(at("2026-01-29"))
    periodic.run(at("2026-01-29", 13))
    budget_round.refresh_from_db()
    assert budget_round.phase == Phase.COCREATION
    assert _phase_entries(budget_round).count() == 1


def test_the_local_day_decides_not_utcs(org, cast):
    budget_round = _round(org, cast, Phase.PROPOSALS)
    # 28.1. 22.30 UTC is already 29.1. 00.30 in Helsinki.
    periodic.run(at("2026-01-28", 22).replace(minute=30))
    budget_round.refresh_from_db()
    assert budget_round.phase == Phase.COCREATION


def test_past_phases_are_skipped_but_the_vote_waits_for_every_estimate(org, cast):
    budget_round = _round(org, cast, Phase.PROPOSALS)
    periodic.run(at("2026-03-30"))  # the vote's dates, nothing estimated yet
    budget_round.refresh_from_db()
    assert budget_round.phase == Phase.ESTIMATION
    periodic.run(at("2026-03-31"))
    budget_round.refresh_from_db()
    assert budget_round.phase == Phase.ESTIMATION
    assert _phase_entries(budget_round).count() == 1


def test_the_vote_opens_and_closes_on_its_dates_and_is_counted(org, cast):
    budget_round = _round(org, cast, Phase.ESTIMATION)
    proposal = budget_round.proposals.get()
    from tuuma.budgeting import actions

    actions.proposal_estimate(
        proposal=proposal,
        by=cast.productivity_lead,
        cost=60,
        feasibility="feasible",
        reason="Toteutettavissa.",
    )
    periodic.run(at("2026-03-26"))
    budget_round.refresh_from_db()
    assert budget_round.phase == Phase.VOTING
    voting.ballot_cast(
        area=budget_round.areas.get(),
        by=cast.resident,
        proposal_ids=[proposal.pk],
        age=30,
        is_resident=True,
    )
    periodic.run(at("2026-04-09"))  # the last day of the vote
    budget_round.refresh_from_db()
    assert budget_round.phase == Phase.VOTING
    periodic.run(at("2026-04-10"))
    periodic.run(at("2026-04-10", 13))
    budget_round.refresh_from_db()
    assert budget_round.phase == Phase.IMPLEMENTATION
    assert budget_round.results_published
    assert (
        _phase_entries(budget_round).filter(action="budgeting.vote_closed").count() == 1
    )


def test_unconfirmed_paper_ballots_keep_the_vote_open_for_staff(org, cast):
    budget_round = _round(org, cast, Phase.VOTING)
    area = budget_round.areas.get()
    voting.paper_batch_enter(
        area=area,
        by=cast.employee,
        station="Kirjasto",
        ballots=[[budget_round.proposals.get().pk]],
    )
    moved = schedule.rounds_move_due(now=at("2026-04-20"))
    budget_round.refresh_from_db()
    assert moved == 0 and budget_round.phase == Phase.VOTING


def test_drafts_and_rounds_that_missed_their_whole_vote_stay_for_staff(org, cast):
    draft = _round(org, cast, Phase.DRAFT, proposals={})
    late = _round(org, cast, Phase.PROPOSALS)
    assert schedule.rounds_move_due(now=at("2026-05-01")) == 0
    draft.refresh_from_db()
    late.refresh_from_db()
    assert draft.phase == Phase.DRAFT and late.phase == Phase.PROPOSALS


def test_an_inactive_organisations_rounds_do_not_move(org, cast):
    budget_round = _round(org, cast, Phase.PROPOSALS)
    org.is_active = False
    org.save(update_fields=["is_active"])
    periodic.run(at("2026-02-01"))
    budget_round.refresh_from_db()
    assert budget_round.phase == Phase.PROPOSALS


@pytest.fixture
def matter(org):
    return Matter.objects.create(
        organisation=org,
        title="Koulujen verkko",
        description="-",
        phase="decision",
        is_published=True,
    )


def _poll(matter, cast, opens_on) -> AdvisoryVote:
    return advisory.advisory_create(
        matter=matter,
        by=cast.productivity_lead,
        question="Mikä ensin?",
        options=["Ala-aste", "Lukio"],
        opens_on=opens_on,
        closes_on=datetime.date(2026, 3, 15),
    )


def test_an_advisory_vote_opens_and_closes_on_its_dates_once(matter, cast):
    poll = _poll(matter, cast, datetime.date(2026, 3, 1))
    periodic.run(at("2026-02-28"))
    poll.refresh_from_db()
    assert poll.status == "draft"
    periodic.run(at("2026-03-01"))
    periodic.run(at("2026-03-01", 13))
    poll.refresh_from_db()
    assert poll.status == "open"
    periodic.run(at("2026-03-15"))
    poll.refresh_from_db()
    assert poll.status == "open"
    periodic.run(at("2026-03-16"))
    periodic.run(at("2026-03-16", 13))
    poll.refresh_from_db()
    assert poll.status == "closed" and poll.closed_at is not None
    entries = AuditEntry.objects.filter(target_id=str(poll.pk), actor=None)
    assert sorted(entries.values_list("action", flat=True)) == [
        "budgeting.advisory_closed",
        "budgeting.advisory_opened",
    ]


def test_an_advisory_vote_without_an_opening_day_waits_for_staff(matter, cast):
    poll = _poll(matter, cast, None)
    periodic.run(at("2026-03-05"))
    poll.refresh_from_db()
    assert poll.status == "draft"


def test_an_advisory_vote_cannot_open_after_it_closes(matter, cast):
    from tuuma.budgeting.errors import BudgetingError

    with pytest.raises(BudgetingError, match="open before"):
        _poll(matter, cast, datetime.date(2026, 4, 1))


def test_the_worker_calls_the_hook(org, cast):
    from tuuma.jobs.scheduler import run_periodic_hooks

    budget_round = _round(org, cast, Phase.PROPOSALS)
    run_periodic_hooks(at("2026-02-01"))
    budget_round.refresh_from_db()
    assert budget_round.phase == Phase.COCREATION
