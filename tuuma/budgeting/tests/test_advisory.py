"""Advisory votes on a matter: actions, counting, pages and the API."""

import datetime

import pytest

from tuuma.audit.models import AuditEntry
from tuuma.budgeting import advisory
from tuuma.budgeting.errors import BudgetingError
from tuuma.budgeting.models import AdvisoryAnswer, AdvisoryVoter
from tuuma.hearings.models import Matter

pytestmark = pytest.mark.django_db

API = "/api/v1/budgeting/advisory-votes"


@pytest.fixture
def matter(org, cast):
    return Matter.objects.create(
        organisation=org,
        title="Koulujen verkko",
        description="Mihin kouluihin investoidaan?",
        phase="decision",
        is_published=True,
    )


def _vote(matter, by, kind="single", texts=("Ala-aste", "Yläaste", "Lukio")):
    vote = advisory.advisory_create(
        matter=matter,
        by=by,
        question="Mikä ensin?",
        options=list(texts),
        kind=kind,
        closes_on=datetime.date(2026, 12, 31),
        min_age=15,
    )
    return advisory.advisory_open(vote=vote, by=by)


@pytest.fixture
def single(matter, cast):
    return _vote(matter, cast.productivity_lead)


def _ids(vote) -> list[int]:
    return list(vote.options.values_list("pk", flat=True))


def _answer(vote, person, choices):
    return advisory.advisory_answer(
        vote=vote, by=person, choices=choices, age=30, is_resident=True
    )


def test_a_vote_needs_the_decision_phase_and_two_different_options(matter, cast):
    lead = cast.productivity_lead
    with pytest.raises(BudgetingError, match="two different"):
        _vote(matter, lead, texts=("Sama", "Sama"))
    matter.phase = "preparation"
    matter.save()
    with pytest.raises(BudgetingError, match="decision phase"):
        _vote(matter, lead)


def test_an_answer_is_changed_then_unlinked_at_the_close(single, cast):
    first, second, _third = _ids(single)
    _answer(single, cast.resident, {first: None})
    _answer(single, cast.resident, {second: None})
    assert advisory.own_answer(single, cast.resident) == {second: None}
    assert AdvisoryAnswer.objects.count() == 1
    advisory.advisory_close(vote=single, by=cast.productivity_lead)
    assert not AdvisoryVoter.objects.filter(answer__isnull=False).exists()
    assert advisory.own_answer(single, cast.resident) is None
    result = advisory.advisory_results(single)
    assert result["answers"] == 1
    assert result["options"][0]["id"] == second
    assert AuditEntry.objects.filter(action="budgeting.advisory_closed").exists()
    with pytest.raises(BudgetingError, match="vote is closed"):
        _answer(single, cast.resident, {first: None})


def test_bad_answers_are_refused_with_the_reason(single, matter, cast):
    first, second, _third = _ids(single)
    with pytest.raises(BudgetingError, match="exactly one"):
        _answer(single, cast.resident, {first: None, second: None})
    with pytest.raises(BudgetingError, match="not in this vote"):
        _answer(single, cast.resident, {first + 1000: None})
    with pytest.raises(BudgetingError, match="aged 15"):
        advisory.advisory_answer(
            vote=single, by=cast.resident, choices={first: None}, age=12
        )
    ranking = _vote(matter, cast.productivity_lead, kind="ranking")
    a, b, _c = _ids(ranking)
    with pytest.raises(BudgetingError, match="each number once"):
        _answer(ranking, cast.resident, {a: 1, b: 1})
    with pytest.raises(BudgetingError, match="each number once"):
        _answer(ranking, cast.resident, {a: 2})
    assert not AdvisoryVoter.objects.exists()


def test_ranking_is_counted_by_borda_points_on_a_hand_example(matter, cast, org):
    """Three options: [A B C], [B A], [C], [A] give A 3+2+3 = 8, B 2+3 = 5,
    C 1+3 = 4 points; first choices A 2, B 1, C 1."""
    from tuuma.accounts.models import User

    ranking = _vote(matter, cast.productivity_lead, kind="ranking")
    a, b, c = _ids(ranking)
    people = [
        User.objects.create_user(f"r{n}@example.fi", "x", organisation=org)
        for n in range(4)
    ]
    for person, choices in zip(
        people, [{a: 1, b: 2, c: 3}, {b: 1, a: 2}, {c: 1}, {a: 1}], strict=True
    ):
        _answer(ranking, person, choices)
    advisory.advisory_close(vote=ranking, by=cast.productivity_lead)
    rows = advisory.advisory_results(ranking)["options"]
    assert [(o["id"], o["points"], o["first"], o["votes"]) for o in rows] == [
        (a, 8, 2, 3),
        (b, 5, 1, 2),
        (c, 4, 1, 2),
    ]


def test_the_pages_answer_and_show_the_result_after_the_close(
    client, single, matter, cast
):
    first = _ids(single)[0]
    url = f"/en/osallistuva-budjetointi/neuvoa-antavat/{single.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Sign in to answer" in page.text
    assert single.question in client.get(f"/en/kuulemiset/asiat/{matter.pk}/").text
    client.force_login(cast.resident)
    refused = client.post(url, {"age": "30", "resident": "on"})
    assert refused.status_code == 400
    assert "Choose at least one option" in refused.text
    body = {"option": str(first), "age": "30", "resident": "on"}
    assert client.post(url, body).status_code == 302
    assert "You have answered" in client.get(url).text
    client.force_login(cast.productivity_lead)
    move = f"/en/osallistuva-budjetointi/neuvoa-antavat/{single.pk}/tila/"
    assert client.post(move).status_code == 302
    assert "1 answer" in client.get(url).text


def test_staff_create_a_draft_that_residents_cannot_see(client, matter, cast):
    client.force_login(cast.productivity_lead)
    url = "/en/osallistuva-budjetointi/neuvoa-antavat/uusi/"
    assert client.get(url, {"asia": matter.pk}).status_code == 200
    body = {
        "matter": matter.pk,
        "question": "Kumpi?",
        "kind": "multiple",
        "closes_on": "2026-12-31",
        "identity": "signed_in",
        "min_age": "15",
        "option_lines": "Tämä\nTuo",
    }
    created = client.post(url, body)
    assert created.status_code == 302
    client.force_login(cast.resident)
    assert client.get(created.url).status_code == 404
    body["option_lines"] = "Vain yksi"
    client.force_login(cast.productivity_lead)
    assert "two different" in client.post(url, body).text


def test_the_api_answers_reads_own_and_results(client, single, cast, other_org):
    first = _ids(single)[0]
    listed = client.get(API).json()
    assert listed["results"][0]["options"][0]["id"] == first
    client.force_login(cast.resident)
    url = f"{API}/{single.pk}/answer"
    body = {"choices": [{"option": first}], "age": 20, "resident": True}
    answer = client.post(url, body, content_type="application/json").json()
    assert answer == {"answered": True, "choices": [{"option": first, "rank": None}]}
    assert client.get(f"{API}/{single.pk}/result").json()["published"] is False
    advisory.advisory_close(vote=single, by=cast.productivity_lead)
    closed = client.post(url, body, content_type="application/json")
    assert closed.status_code == 400
    assert closed.json()["detail"]
    result = client.get(f"{API}/{single.pk}/result").json()
    assert result["answers"] == 1
    assert (
        client.get(f"{API}/{single.pk}", HTTP_HOST="pori.testserver").status_code == 404
    )
