import json

import pytest

from tuuma.accounts.models import ApiToken
from tuuma.programme import actions
from tuuma.programme.models import EventKind, Measure

pytestmark = pytest.mark.django_db


def token_for(user) -> dict:
    _token, key = ApiToken.issue(user=user, name="t")
    return {"HTTP_AUTHORIZATION": f"Token {key}"}


def new_measure(goal, area, owner, **overrides) -> dict:
    return {
        "goal": goal.pk,
        "title": "Sähköinen arkisto",
        "description": "Paperiarkisto sähköiseksi.",
        "measure_class": "technology_investment",
        "service_area": area.pk,
        "owner": owner.pk,
        "start_date": "2026-01-01",
        "due_date": "2026-09-30",
        **overrides,
    }


def test_schema_documents_the_programme_endpoints(client, org):
    schema = json.loads(client.get("/api/v1/openapi.json").content)
    operations = {
        operation["operationId"]: operation
        for path in schema["paths"].values()
        for operation in path.values()
    }
    for operation_id in [
        "goals_list",
        "measures_list",
        "measures_create",
        "measures_read",
        "measures_update",
        "measure_indicators_list",
        "measure_indicators_create",
        "measure_indicator_values_create",
    ]:
        assert operations[operation_id]["tags"] == ["programme"]
        assert operations[operation_id]["summary"]
    assert "/api/v1/measures/{id}/indicators" in schema["paths"]


def test_public_api_lists_published_measures_and_goals(
    client, cast, goal, make_measure
):
    public = make_measure(title="Julkinen", is_published=True)
    make_measure(title="Sisäinen")
    data = client.get("/api/v1/measures").json()
    assert [m["title"] for m in data["results"]] == ["Julkinen"]
    assert "description" not in data["results"][0]
    assert data["results"][0]["url"] == public.get_absolute_url()
    goals = client.get("/api/v1/goals").json()["results"]
    assert goals == [
        {
            "id": goal.pk,
            "title": goal.title,
            "description": "",
            "focus_area": "Uudistuva kunta",
        }
    ]


def test_staff_filter_measures_by_class_status_area_goal_and_owner(
    client, cast, goal, area, other_area, make_measure
):
    make_measure(title="A", measure_class="training_need", owner=cast.manager)
    b = make_measure(title="B", service_area=other_area)
    actions.measure_change_status(measure=b, to_status="in_progress", by=cast.manager)
    headers = token_for(cast.employee)

    def titles(**params) -> list[str]:
        response = client.get("/api/v1/measures", params, **headers)
        return sorted(m["title"] for m in response.json()["results"])

    assert titles() == ["A", "B"]
    assert titles(**{"class": "training_need"}) == ["A"]
    assert titles(status="in_progress") == ["B"]
    assert titles(area=other_area.pk) == ["B"]
    assert titles(goal=goal.pk) == ["A", "B"]
    assert titles(owner=cast.manager.pk) == ["A"]
    assert titles(q="B") == ["B"]
    assert client.get("/api/v1/measures", {"area": "x"}, **headers).status_code == 400


def test_lead_creates_and_updates_a_measure_with_history(client, cast, goal, area):
    headers = token_for(cast.productivity_lead)
    response = client.post(
        "/api/v1/measures",
        new_measure(goal, area, cast.process_owner),
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    response = client.patch(
        f"/api/v1/measures/{pk}",
        {"status": "in_progress", "due_date": "2026-12-31", "is_published": True},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "in_progress"
    measure = Measure.objects.get(pk=pk)
    assert measure.is_published
    kinds = set(measure.events.values_list("kind", flat=True))
    assert {
        EventKind.CREATED,
        EventKind.STATUS,
        EventKind.DATES,
        EventKind.PUBLISHED,
    } <= kinds


def test_bad_dates_through_the_api_get_a_translated_error_and_save_nothing(
    client, cast, goal, area
):
    headers = token_for(cast.productivity_lead)
    response = client.post(
        "/api/v1/measures",
        new_measure(goal, area, cast.process_owner, due_date="2025-01-01"),
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 400
    assert response.json()["due_date"] == [
        "Määräpäivä ei voi olla ennen aloituspäivää."
    ]
    assert not Measure.objects.exists()


def test_partial_update_checks_dates_against_the_stored_ones(client, cast, measure):
    response = client.patch(
        f"/api/v1/measures/{measure.pk}",
        {"due_date": "2025-06-01", "title": "Ei tallennu"},
        content_type="application/json",
        **token_for(cast.manager),
    )
    assert response.status_code == 400
    measure.refresh_from_db()
    assert measure.title == "Sähköinen rakennuslupa"


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("employee", 403),
        ("moderator", 403),
        ("process_owner", 200),  # the owner
        ("productivity_lead", 200),
        ("caselog_analyst", 403),
        ("manager", 200),
        ("administrator", 200),
    ],
)
def test_only_those_who_may_change_a_measure_update_it(
    client, cast, measure, role, expected
):
    response = client.patch(
        f"/api/v1/measures/{measure.pk}",
        {"priority": 1},
        content_type="application/json",
        **token_for(cast[role]),
    )
    assert response.status_code == expected


def test_employee_cannot_create_and_outsider_sees_nothing(
    client, cast, goal, area, outsider, measure
):
    response = client.post(
        "/api/v1/measures",
        new_measure(goal, area, cast.process_owner),
        content_type="application/json",
        **token_for(cast.employee),
    )
    assert response.status_code == 403
    response = client.get(f"/api/v1/measures/{measure.pk}", HTTP_HOST="pori.testserver")
    assert response.status_code == 404


def test_indicators_through_the_api_and_their_errors(client, cast, measure):
    headers = token_for(cast.process_owner)
    url = f"/api/v1/measures/{measure.pk}/indicators"
    wrong = {
        "name": "Odotusaika",
        "unit": "pv",
        "direction": "decrease",
        "baseline_value": 10,
        "baseline_date": "2026-01-01",
        "target_value": 12,
        "target_date": "2026-12-01",
    }
    response = client.post(
        url,
        wrong,
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 400
    assert response.json()["target_value"] == [
        "Kun pienempi on parempi, tavoitteen pitää olla lähtötasoa pienempi."
    ]
    response = client.post(
        url, {**wrong, "target_value": "5"}, content_type="application/json", **headers
    )
    assert response.status_code == 201
    indicator_id = response.json()["id"]
    values_url = f"{url}/{indicator_id}/values"
    response = client.post(
        values_url,
        {"date": "2026-03-01", "value": "kymmenen"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 400
    assert response.json()["value"] == ["Arvon pitää olla luku."]
    response = client.post(
        values_url,
        {"date": "2026-03-01", "value": 8.5},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 201
    data = client.get(url, **headers).json()
    assert data[0]["values"] == [
        {"date": "2026-03-01", "value": 8.5, "source_note": ""}
    ]
    assert data[0]["source"] == "manual"


def test_anonymous_cannot_create_or_change(client, goal, area, cast, measure):
    response = client.post(
        "/api/v1/measures",
        new_measure(goal, area, cast.process_owner),
        content_type="application/json",
    )
    assert response.status_code in (401, 403)
    response = client.patch(
        f"/api/v1/measures/{measure.pk}",
        {"title": "X"},
        content_type="application/json",
    )
    # Refused before the measure is looked up, so its existence is not revealed.
    assert response.status_code == 401
    assert Measure.objects.count() == 1


@pytest.mark.parametrize(("role", "refused"), [(None, 401), ("resident", 403)])
@pytest.mark.parametrize("body", [{}, {"title": ""}])
def test_creating_is_refused_before_the_body_is_read(client, cast, role, refused, body):
    """Issue 22: anonymous callers and residents got 400 with field details."""
    if role:
        client.force_login(cast[role])
    response = client.post("/api/v1/measures", body, content_type="application/json")
    assert response.status_code == refused
    assert "title" not in response.json()
    assert not Measure.objects.exists()


def test_a_missing_indicator_is_a_translated_404_without_a_model_name(
    client, cast, measure
):
    from django.utils import translation

    response = client.post(
        f"/api/v1/measures/{measure.pk}/indicators/999999/values",
        {"date": "2026-03-01", "value": 1},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="fi",
        **token_for(cast.manager),
    )
    assert response.status_code == 404
    detail = response.json()["detail"]
    # Not Django's "No Indicator matches the given query.", and in Finnish.
    assert "matches the given query" not in detail
    with translation.override("fi"):
        assert detail == translation.gettext("The measure has no such indicator.")
    assert detail != "The measure has no such indicator."
