from rest_framework.test import APIClient

from tuuma.workshops import actions
from tuuma.workshops.models import Vote


def test_a_participant_joins_and_votes_through_the_api(live, ideate, dots, facilitator):
    phone = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    token = phone.post(
        "/api/v1/workshops/join", {"code": live.code, "nickname": "A"}
    ).json()["token"]
    headers = {"HTTP_X_WORKSHOP_TOKEN": token}
    assert (
        phone.post(
            "/api/v1/workshops/participant/act",
            {"action": "note", "text": "Jonot"},
            **headers,
        ).status_code
        == 200
    )
    actions.step_open(step=dots, by=facilitator)
    step = phone.get("/api/v1/workshops/participant/step", **headers).json()
    assert step["step"]["kind"] == "dots" and step["dots_left"] == 3
    item = step["items"][0]["key"]
    for _n in range(2):
        assert (
            phone.post(
                "/api/v1/workshops/participant/act",
                {"action": "dot", "item": item},
                **headers,
            ).status_code
            == 200
        )
    refused = phone.post(
        "/api/v1/workshops/participant/act", {"action": "dot", "item": item}, **headers
    )
    assert refused.status_code == 400 and "maximum" in refused.json()["detail"]
    assert Vote.objects.filter(step=dots).count() == 2


def test_an_unknown_token_is_not_found(live):
    response = APIClient().get(
        "/api/v1/workshops/participant/step", HTTP_X_WORKSHOP_TOKEN="nope"
    )
    assert response.status_code == 404


def test_the_facilitator_controls_steps_and_reads_results(
    live, dots, facilitator, cast
):
    client = APIClient()
    assert client.get("/api/v1/workshops").status_code == 401
    client.force_authenticate(cast.employee)
    assert (
        client.post(
            f"/api/v1/workshops/{live.pk}/steps/{dots.pk}/control", {"action": "open"}
        ).status_code
        == 403
    )
    client.force_authenticate(facilitator)
    opened = client.post(
        f"/api/v1/workshops/{live.pk}/steps/{dots.pk}/control", {"action": "open"}
    )
    assert opened.json()["state"] == "open"
    results = client.get(f"/api/v1/workshops/{live.pk}/steps/{dots.pk}/results").json()
    assert results["counts"]["votes"] == 0
    assert client.get("/api/v1/workshops").json()["count"] == 1
