"""Publishing, the export, the recount and winners into the programme."""

import json
from datetime import date

import pytest

from tuuma.budgeting import results, voting, winners
from tuuma.budgeting.errors import BudgetingError
from tuuma.budgeting.models import ResultRow
from tuuma.programme.actions import focus_area_create, goal_create
from tuuma.programme.models import Measure

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(voting_round, centre, titles, cast):
    """Keskusta 100 €: Penkit (60) 3 votes, Valot (50) 2, Kiipeilyteline (40) 2."""
    picks = {
        "resident": ["Penkit", "Kiipeilyteline"],
        "employee": ["Penkit"],
        "moderator": ["Penkit"],
        "manager": ["Valot"],
        "administrator": ["Valot", "Kiipeilyteline"],
    }
    for key, chosen in picks.items():
        voting.ballot_cast(
            area=centre,
            by=cast[key],
            proposal_ids=[titles[t] for t in chosen],
            age=20,
            is_resident=True,
        )
    return voting.round_close_vote(budget_round=voting_round, by=cast.manager)


def test_the_published_result_follows_the_rules(closed, centre, titles):
    rows = {r.proposal.title: r for r in ResultRow.objects.filter(area=centre)}
    assert {t: r.votes for t, r in rows.items()} == {
        "Penkit": 3,
        "Valot": 2,
        "Kiipeilyteline": 2,
    }
    # Greedy: Penkit (60), Valot (50) no longer fits, Kiipeilyteline (40) does.
    assert {t for t, r in rows.items() if r.greedy_selected} == {
        "Penkit",
        "Kiipeilyteline",
    }
    assert {t for t, r in rows.items() if r.is_winner} == {"Penkit", "Kiipeilyteline"}


def test_recounting_the_export_gives_the_published_result(closed):
    exported = results.export(closed)
    recounted = results.recount(exported)
    published = results.published(closed)
    for area_id, area_result in recounted.items():
        assert area_result["votes"] == published[area_id]["votes"]
        for rule in ("greedy", "equal_shares"):
            assert sorted(area_result[rule]) == published[area_id][rule]


def test_the_export_names_nobody(closed, cast):
    exported = results.export(closed)
    text = json.dumps(exported, ensure_ascii=False)
    assert not any(person.email in text for person in cast.values())
    ballots = [b for area in exported["areas"] for b in area["ballots"]]
    assert len(ballots) == 5
    assert all(isinstance(pk, int) for ballot in ballots for pk in ballot)


def test_turnout_hides_a_group_under_five(closed, centre):
    (row,) = [t for t in results.turnout(closed) if t["area"] == centre]
    assert dict(row["bands"])["18-29"] == 5
    assert dict(row["bands"])["30-44"] is None
    assert row["total"] == 5


def test_winners_become_published_measures_once(closed, cast, area, org, client):
    goal = goal_create(
        focus_area=focus_area_create(organisation=org, name="Asukkaat"),
        title="Osallisuus",
    )
    carried = winners.winners_to_programme(
        budget_round=closed,
        by=cast.manager,
        goal=goal,
        owner=cast.process_owner,
        service_area=area,
        start_date=date(2026, 6, 1),
        due_date=date(2026, 12, 31),
    )
    assert {p.title for p in carried} == {"Penkit", "Kiipeilyteline"}
    measures = Measure.objects.filter(budgeting_proposals__round=closed)
    assert measures.count() == 2 and all(m.is_published for m in measures)
    with pytest.raises(BudgetingError, match="already"):
        winners.winners_to_programme(
            budget_round=closed,
            by=cast.manager,
            goal=goal,
            owner=cast.process_owner,
            service_area=area,
            start_date=date(2026, 6, 1),
            due_date=date(2026, 12, 31),
        )
    page = client.get(f"/ohjelma/toimenpiteet/{carried[0].measure_id}/")
    assert page.status_code == 200
    assert f"/osallistuva-budjetointi/ehdotus/{carried[0].pk}/" in page.text


def test_winners_wait_for_the_count(voting_round, cast, area, org):
    goal = goal_create(
        focus_area=focus_area_create(organisation=org, name="A"), title="B"
    )
    with pytest.raises(BudgetingError, match="closed"):
        winners.winners_to_programme(
            budget_round=voting_round,
            by=cast.manager,
            goal=goal,
            owner=cast.process_owner,
            service_area=area,
            start_date=date(2026, 6, 1),
            due_date=date(2026, 12, 31),
        )
