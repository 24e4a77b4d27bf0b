"""The pages for each role: residents vote without JavaScript, staff run the
round, another organisation sees nothing."""

import pytest

from tuuma.budgeting import voting
from tuuma.budgeting.models import Ballot, PaperBatch, VoterRecord

pytestmark = pytest.mark.django_db

BASE = "/osallistuva-budjetointi"


def test_anyone_reads_the_round_and_its_proposals(client, voting_round, titles):
    page = client.get(f"{BASE}/{voting_round.pk}/")
    assert page.status_code == 200
    assert "Penkit" in page.text
    proposal = client.get(f"{BASE}/ehdotus/{titles['Penkit']}/")
    assert proposal.status_code == 200
    assert client.get(f"{BASE}/").status_code == 200


def test_a_resident_votes_without_javascript(
    client, voting_round, centre, titles, cast
):
    client.force_login(cast.resident)
    url = f"{BASE}/{voting_round.pk}/aanesta/"
    assert client.get(url).status_code == 200
    chosen = [titles["Penkit"], titles["Kiipeilyteline"]]
    check = client.post(url, {"area": centre.pk, "proposal": chosen, "action": "check"})
    assert "0 €" in check.text  # 100 € minus 60 € and 40 €
    cast_it = client.post(
        url,
        {
            "area": centre.pk,
            "proposal": chosen,
            "age": "33",
            "resident": "on",
            "action": "vote",
        },
    )
    assert cast_it.status_code == 302
    assert sorted(voting.own_ballot(centre, cast.resident)) == sorted(chosen)


def test_the_remaining_budget_comes_back_as_a_fragment_for_htmx(
    client, voting_round, centre, titles, cast
):
    client.force_login(cast.resident)
    response = client.post(
        f"{BASE}/{voting_round.pk}/aanesta/",
        {"area": centre.pk, "proposal": [titles["Penkit"], titles["Valot"]]},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert 'id="remaining"' in response.text and "<html" not in response.text
    assert "-10 €" in response.text


def test_a_refused_vote_shows_the_reason_and_keeps_the_choice(
    client, voting_round, centre, titles, cast
):
    client.force_login(cast.resident)
    response = client.post(
        f"{BASE}/{voting_round.pk}/aanesta/",
        {"area": centre.pk, "proposal": [titles["Penkit"]], "action": "vote"},
    )
    assert response.status_code == 400
    assert "15" in response.text and "checked" in response.text
    assert not Ballot.objects.exists()


def test_an_anonymous_voter_is_sent_to_log_in(client, voting_round):
    response = client.get(f"{BASE}/{voting_round.pk}/aanesta/")
    assert (
        response.status_code == 302
        and "login" in response["Location"]
        or ("kirjaudu" in response["Location"])
    )


def test_paper_ballots_need_a_second_person(client, voting_round, centre, titles, cast):
    url = f"{BASE}/{voting_round.pk}/paperiliput/"
    client.force_login(cast.employee)
    lines = f"{titles['Penkit']}\n{titles['Valot']}, {titles['Kiipeilyteline']}"
    response = client.post(
        url, {"area": centre.pk, "station": "Kirjasto", "ballots": lines}
    )
    assert response.status_code == 302
    batch = PaperBatch.objects.get()
    assert batch.ballots.count() == 2
    client.force_login(cast.moderator)
    assert client.post(url, {"confirm": batch.pk}).status_code == 302
    batch.refresh_from_db()
    assert batch.confirmed_by == cast.moderator


def test_staff_close_the_vote_and_everyone_sees_results_and_export(
    client, voting_round, centre, titles, cast
):
    voting.ballot_cast(
        area=centre,
        by=cast.resident,
        proposal_ids=[titles["Valot"]],
        age=40,
        is_resident=True,
    )
    client.force_login(cast.productivity_lead)
    assert client.get(f"{BASE}/{voting_round.pk}/hallinta/").status_code == 200
    assert client.post(f"{BASE}/{voting_round.pk}/hallinta/").status_code == 302
    assert not VoterRecord.objects.filter(ballot__isnull=False).exists()
    client.logout()
    results = client.get(f"{BASE}/{voting_round.pk}/tulokset/")
    assert results.status_code == 200 and "Valot" in results.text
    export = client.get(f"{BASE}/{voting_round.pk}/aanestysliput.json")
    assert export.status_code == 200
    assert export.json()["areas"][0]["ballots"] == [[titles["Valot"]]]


def test_the_export_waits_for_the_close(client, voting_round):
    response = client.get(f"{BASE}/{voting_round.pk}/aanestysliput.json")
    assert response.status_code == 409


def test_a_resident_proposes_and_supports(client, proposals_round, cast):
    client.force_login(cast.employee)
    area = proposals_round.areas.first()
    response = client.post(
        f"{BASE}/{proposals_round.pk}/ehdota/",
        {"area": area.pk, "title": "Uimaranta", "description": "Laituri rantaan"},
    )
    assert response.status_code == 302
    proposal = proposals_round.proposals.get(title="Uimaranta")
    client.post(f"{BASE}/ehdotus/{proposal.pk}/kannata/")
    assert proposal.supports.count() == 1


def test_staff_pages_refuse_residents(client, voting_round, cast):
    client.force_login(cast.resident)
    assert client.get(f"{BASE}/{voting_round.pk}/hallinta/").status_code == 403
    assert client.get(f"{BASE}/{voting_round.pk}/paperiliput/").status_code == 403
    assert client.get(f"{BASE}/uusi/").status_code == 403


def test_a_lead_creates_a_round_with_areas(client, cast, org):
    client.force_login(cast.productivity_lead)
    data = {
        "title": "Budjetti 2027",
        "total_budget": "300000",
        "ballot_kind": "knapsack",
        "result_rule": "equal_shares",
        "min_age": "12",
        "residents_only": "on",
        "identity": "signed_in",
        "area_lines": "Keskusta; 150000\nKylät; 150 000",
        "proposals_from": "2027-01-01",
        "cocreation_from": "2027-02-01",
        "estimation_from": "2027-03-01",
        "voting_from": "2027-04-01",
        "voting_until": "2027-04-30",
        "implementation_from": "2027-05-01",
    }
    response = client.post(f"{BASE}/uusi/", data)
    assert response.status_code == 302
    created = org.budgeting_rounds.get()
    assert [a.budget for a in created.areas.all()] == [150000, 150000]
    data["area_lines"] = "Keskusta; paljon"
    again = client.post(f"{BASE}/uusi/", data)
    assert again.status_code == 200 and "errorlist" in again.text


def test_another_organisation_sees_nothing(client, voting_round, titles, outsider):
    client.force_login(outsider)
    for path in (
        f"{BASE}/{voting_round.pk}/",
        f"{BASE}/{voting_round.pk}/tulokset/",
        f"{BASE}/ehdotus/{titles['Penkit']}/",
        f"/api/v1/budgeting/rounds/{voting_round.pk}",
    ):
        assert client.get(path, HTTP_HOST="pori.testserver").status_code == 404


def test_a_draft_round_is_hidden_from_residents(client, org, cast, lead):
    from tuuma.budgeting.builders import round_with_proposals

    draft = round_with_proposals(
        organisation=org,
        lead=lead,
        author=cast.resident,
        areas=[("A", 10)],
        proposals={},
        to_phase="draft",
    )
    client.force_login(cast.resident)
    assert client.get(f"{BASE}/{draft.pk}/").status_code == 404
    client.force_login(lead)
    assert client.get(f"{BASE}/{draft.pk}/").status_code == 200
