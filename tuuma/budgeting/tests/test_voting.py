"""Casting, changing and refusing ballots; paper batches; secrecy after the close."""

import pytest

from tuuma.audit.models import AuditEntry
from tuuma.budgeting import results, voting
from tuuma.budgeting.errors import BudgetingError
from tuuma.budgeting.models import Ballot, BallotChoice, VoterRecord

pytestmark = pytest.mark.django_db


def _cast(area, person, ids, age=30):
    return voting.ballot_cast(
        area=area, by=person, proposal_ids=ids, age=age, is_resident=True
    )


def test_a_knapsack_ballot_over_the_budget_is_refused_and_nothing_is_written(
    centre, titles, cast
):
    with pytest.raises(BudgetingError, match="over the budget"):
        _cast(centre, cast.resident, [titles["Penkit"], titles["Valot"]])
    assert not Ballot.objects.exists() and not VoterRecord.objects.exists()


def test_a_changed_vote_replaces_the_old_one(centre, titles, cast):
    _cast(centre, cast.resident, [titles["Penkit"]])
    _cast(centre, cast.resident, [titles["Valot"], titles["Kiipeilyteline"]])
    assert Ballot.objects.count() == 1
    assert VoterRecord.objects.count() == 1
    assert sorted(voting.own_ballot(centre, cast.resident)) == sorted(
        [titles["Valot"], titles["Kiipeilyteline"]]
    )


def test_one_ballot_per_person_per_area_but_one_in_each_area(
    voting_round, centre, titles, cast
):
    villages = voting_round.areas.get(name="Kylät")
    _cast(centre, cast.resident, [titles["Penkit"]])
    _cast(villages, cast.resident, [titles["Laavu"]])
    assert VoterRecord.objects.filter(user=cast.resident).count() == 2


def test_a_proposal_of_another_area_is_not_on_the_ballot(centre, titles, cast):
    with pytest.raises(BudgetingError, match="not on this area"):
        _cast(centre, cast.resident, [titles["Laavu"]])


@pytest.mark.parametrize(
    ("age", "resident", "message"),
    [(14, True, "aged 15"), (None, True, "aged 15"), (40, False, "residents")],
)
def test_ineligible_voters_are_told_why(centre, titles, cast, age, resident, message):
    with pytest.raises(BudgetingError, match=message):
        voting.ballot_cast(
            area=centre,
            by=cast.resident,
            proposal_ids=[titles["Penkit"]],
            age=age,
            is_resident=resident,
        )


def test_strong_identification_is_required_when_the_round_says_so(
    voting_round, centre, titles, cast
):
    voting_round.identity = "strong"
    voting_round.save()
    with pytest.raises(BudgetingError, match="stronger"):
        _cast(centre, cast.resident, [titles["Penkit"]])
    cast.resident.identity_level = "strong"
    cast.resident.save()
    _cast(centre, cast.resident, [titles["Penkit"]])


def test_a_closed_vote_refuses_ballots_clearly(voting_round, centre, titles, cast):
    voting.round_close_vote(budget_round=voting_round, by=cast.productivity_lead)
    with pytest.raises(BudgetingError, match="vote is closed"):
        _cast(centre, cast.resident, [titles["Penkit"]])


def test_after_the_close_nothing_joins_a_person_to_their_choice(
    voting_round, centre, titles, cast
):
    _cast(centre, cast.resident, [titles["Penkit"]])
    _cast(centre, cast.employee, [titles["Valot"]])
    voting.round_close_vote(budget_round=voting_round, by=cast.productivity_lead)
    assert VoterRecord.objects.filter(area=centre).count() == 2
    assert not VoterRecord.objects.filter(ballot__isnull=False).exists()
    assert voting.own_ballot(centre, cast.resident) is None
    ballot_fields = {f.name for f in Ballot._meta.get_fields()}
    assert not ballot_fields & {"user", "created_at", "voter"}
    assert BallotChoice.objects.count() == 2
    assert AuditEntry.objects.filter(action="budgeting.vote_closed").exists()


def test_paper_ballots_count_only_after_a_second_person_confirms(
    voting_round, centre, titles, cast
):
    batch = voting.paper_batch_enter(
        area=centre,
        by=cast.employee,
        station="Kirjasto",
        ballots=[[titles["Penkit"]], [titles["Penkit"], titles["Kiipeilyteline"]]],
    )
    assert results.count_area(centre)["counts"][titles["Penkit"]] == 0
    with pytest.raises(BudgetingError, match="Another person"):
        voting.paper_batch_confirm(batch=batch, by=cast.employee)
    with pytest.raises(BudgetingError, match="wait for confirmation"):
        voting.round_close_vote(budget_round=voting_round, by=cast.productivity_lead)
    voting.paper_batch_confirm(batch=batch, by=cast.manager)
    assert results.count_area(centre)["counts"][titles["Penkit"]] == 2


def test_a_bad_paper_ballot_refuses_the_whole_batch_naming_the_line(
    centre, titles, cast
):
    with pytest.raises(BudgetingError, match="Ballot 2"):
        voting.paper_batch_enter(
            area=centre,
            by=cast.employee,
            station="Kirjasto",
            ballots=[[titles["Penkit"]], [titles["Penkit"], titles["Valot"]]],
        )
    assert not Ballot.objects.exists()
