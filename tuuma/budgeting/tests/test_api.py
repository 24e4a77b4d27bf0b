"""The API: rounds, proposals, one's own ballot and the results."""

import pytest

from tuuma.budgeting import privacy, voting
from tuuma.budgeting.home import home_section
from tuuma.budgeting.models import VoterRecord

pytestmark = pytest.mark.django_db

API = "/api/v1/budgeting/rounds"


def test_anyone_lists_rounds_and_proposals(client, voting_round):
    rounds = client.get(API).json()
    assert rounds["count"] == 1
    assert rounds["results"][0]["phase"] == "voting"
    assert len(rounds["results"][0]["areas"]) == 2
    proposals = client.get(f"{API}/{voting_round.pk}/proposals").json()
    assert proposals["count"] == 5


def test_a_resident_casts_changes_and_reads_their_ballot(
    client, voting_round, centre, titles, cast
):
    client.force_login(cast.resident)
    url = f"{API}/{voting_round.pk}/ballot"
    body = {"area": centre.pk, "proposals": [titles["Penkit"]], "age": 20}
    body["resident"] = True
    assert client.post(url, body, content_type="application/json").status_code == 200
    body["proposals"] = [titles["Valot"]]
    answer = client.post(url, body, content_type="application/json").json()
    assert answer == {"area": centre.pk, "voted": True, "proposals": [titles["Valot"]]}
    assert client.get(url, {"area": centre.pk}).json()["proposals"] == [titles["Valot"]]
    assert client.get(url).status_code == 400  # the area is required


def test_an_over_budget_or_closed_ballot_is_a_clear_400(
    client, voting_round, centre, titles, cast
):
    client.force_login(cast.resident)
    url = f"{API}/{voting_round.pk}/ballot"
    body = {
        "area": centre.pk,
        "proposals": [titles["Penkit"], titles["Valot"]],
        "age": 20,
        "resident": True,
    }
    over = client.post(url, body, content_type="application/json")
    assert over.status_code == 400 and "budjetin" in over.json()["detail"]
    voting.round_close_vote(budget_round=voting_round, by=cast.manager)
    body["proposals"] = [titles["Penkit"]]
    closed = client.post(url, body, content_type="application/json")
    assert closed.status_code == 400 and "päättynyt" in closed.json()["detail"]


def test_results_are_published_with_the_export_after_the_close(
    client, voting_round, centre, titles, cast
):
    url = f"{API}/{voting_round.pk}/results"
    assert client.get(url).json() == {"published": False, "rows": [], "export": None}
    voting.ballot_cast(
        area=centre,
        by=cast.resident,
        proposal_ids=[titles["Penkit"]],
        age=20,
        is_resident=True,
    )
    voting.round_close_vote(budget_round=voting_round, by=cast.manager)
    published = client.get(url).json()
    assert published["published"] is True
    assert published["export"]["areas"][0]["ballots"] == [[titles["Penkit"]]]
    winner = [r for r in published["rows"] if r["proposal"] == titles["Penkit"]]
    assert winner[0]["votes"] == 1 and winner[0]["is_winner"]


def test_anonymous_callers_cannot_vote(client, voting_round):
    assert client.post(f"{API}/{voting_round.pk}/ballot").status_code == 401


def test_the_front_page_invites_to_vote(rf, voting_round, org):
    request = rf.get("/")
    request.organisation = org
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    section = home_section(request)
    assert section["title"] == voting_round.title


def test_personal_data_and_erasure_keep_the_vote_counted(
    voting_round, centre, titles, cast
):
    voting.ballot_cast(
        area=centre,
        by=cast.resident,
        proposal_ids=[titles["Penkit"]],
        age=20,
        is_resident=True,
    )
    data = privacy.personal_data(cast.resident)
    assert len(data["budgeting_proposals"]) == 5
    assert data["budgeting_votes"][0]["open_ballot"] == [titles["Penkit"]]
    privacy.erase_person(cast.resident, remove_public_texts=True)
    assert privacy.personal_data(cast.resident)["budgeting_votes"] == []
    assert VoterRecord.objects.filter(area=centre).count() == 1
    assert voting_round.proposals.count() == 5
