"""The improvement API: A3s and causes, Kano surveys and answers, priorities."""

import pytest
from rest_framework.test import APIClient

from tuuma.improvement import a3_actions
from tuuma.improvement.models import KanoResponse, PriorityScore

pytestmark = pytest.mark.django_db


def _client(user=None, host="testserver") -> APIClient:
    client = APIClient(HTTP_HOST=host)
    if user is not None:
        client.force_authenticate(user)
    return client


def test_the_schema_documents_the_improvement_endpoints(tmp_path):
    from django.core.management import call_command

    out = tmp_path / "s.yaml"
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(out))
    text = out.read_text()
    for operation in (
        "improvement_a3_list",
        "improvement_kano_results",
        "improvement_priority_list",
    ):
        assert operation in text


def test_staff_read_an_a3_with_its_causes_and_add_one(a3, cast):
    a3_actions.cause_add(a3=a3, by=cast.process_owner, text="Syy 1", category="it")
    client = _client(cast.process_owner)
    assert client.get("/api/v1/improvement/a3s").json()["count"] == 1
    detail = client.get(f"/api/v1/improvement/a3s/{a3.pk}").json()
    assert detail["causes"][0]["category"] == "it"
    created = client.post(
        f"/api/v1/improvement/a3s/{a3.pk}/causes",
        {"text": "Syy 2", "is_root": True},
        format="json",
    )
    assert created.status_code == 400  # a root cause must be verified first
    created = client.post(
        f"/api/v1/improvement/a3s/{a3.pk}/causes",
        {"text": "Syy 2", "verified": True, "is_root": True},
        format="json",
    )
    assert created.status_code == 201


def test_an_api_answer_counts_once(survey, cast):
    body = {
        "answers": [
            {"feature": f.pk, "functional": 1, "dysfunctional": 5}
            for f in survey.features.all()
        ]
    }
    client = _client(cast.resident)
    url = f"/api/v1/improvement/kano-surveys/{survey.pk}/answers"
    assert client.post(url, body, format="json").status_code == 201
    assert client.post(url, body, format="json").status_code == 400
    assert KanoResponse.objects.count() == 1
    results = _client(cast.employee).get(
        f"/api/v1/improvement/kano-surveys/{survey.pk}/results"
    )
    assert results.json()[0]["mode"] == "O"
    bad = _client(cast.employee).get(
        f"/api/v1/improvement/kano-surveys/{survey.pk}/results?segment=x"
    )
    assert bad.status_code == 400


def test_scores_through_the_api_join_the_ranking(problem, cast):
    body = {
        "idea": problem.pk,
        "impact": 5,
        "effort": 1,
        "impact_reason": "Paljon",
        "effort_reason": "Vähän",
    }
    assert (
        _client(cast.employee)
        .post("/api/v1/improvement/priorities/scores", body, format="json")
        .status_code
        == 403
    )
    response = _client(cast.manager).post(
        "/api/v1/improvement/priorities/scores", body, format="json"
    )
    assert response.status_code == 201 and response.json()["quadrant"] == "quick_win"
    ranking = _client(cast.employee).get("/api/v1/improvement/priorities").json()
    assert ranking[0]["target_id"] == problem.pk
    assert PriorityScore.objects.count() == 1


def test_the_api_answers_401_403_and_404_as_the_rules_say(a3, survey, cast, outsider):
    assert _client().get("/api/v1/improvement/a3s").status_code == 401
    assert _client(cast.resident).get("/api/v1/improvement/a3s").status_code == 403
    other = _client(outsider, host="pori.testserver")
    assert other.get(f"/api/v1/improvement/a3s/{a3.pk}").status_code == 404
    assert (
        other.get(f"/api/v1/improvement/kano-surveys/{survey.pk}/results").status_code
        == 404
    )
