"""The ideas API: create (anonymously where allowed), read, support, comments,
staff status changes and answers; public fields only for the public."""

import pytest

from tuuma.accounts.models import ApiToken
from tuuma.ideas.models import Idea, IdeaSettings, IdeaStatus
from tuuma.ideas.tests.factories import make_idea

pytestmark = pytest.mark.django_db


def test_signed_in_resident_creates_an_idea_and_gets_its_page_url(client, cast, area):
    client.force_login(cast.resident)
    response = client.post(
        "/api/v1/ideas",
        {
            "title": "Penkkejä torille",
            "body": "Lisää penkkejä.",
            "service_area": area.pk,
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    data = response.json()
    idea = Idea.objects.get()
    assert data["url"] == f"http://testserver/ideat/{idea.pk}/"
    assert data["status"] == "published" and data["service_area"] == area.pk
    assert data["author_name"] == cast.resident.get_full_name()
    assert "responsible" not in data and "contact_email" not in data


def test_anonymous_api_create_only_where_allowed(client, org):
    payload = {"title": "Nimetön idea", "body": "Kuvaus", "contact_email": "a@b.fi"}
    response = client.post("/api/v1/ideas", payload, content_type="application/json")
    assert response.status_code == 401
    IdeaSettings.objects.create(organisation=org, allow_anonymous=True)
    response = client.post("/api/v1/ideas", payload, content_type="application/json")
    assert response.status_code == 201
    assert Idea.objects.get().contact_email == "a@b.fi"
    assert "a@b.fi" not in response.content.decode()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"title": "abc", "body": "x"}, "title"),
        ({"title": "Hyvä otsikko", "body": "   "}, "body"),
        ({"title": "Hyvä otsikko", "body": "x" * 10_200}, "body"),
        ({"title": "Hyvä otsikko", "body": "x", "kind": "staff_initiative"}, "kind"),
        ({"title": "Hyvä otsikko", "body": "x", "service_area": 99999}, "service_area"),
        ({"title": "Hyvä otsikko", "body": "x", "status": "implemented"}, None),
    ],
)
def test_bad_api_input_is_refused_with_the_field_named(client, cast, payload, field):
    client.force_login(cast.resident)
    response = client.post(
        "/api/v1/ideas",
        payload,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    if field is None:
        assert response.json()["status"] == "published"
        return
    assert response.status_code == 400
    assert field in response.json()
    assert not Idea.objects.exists()


def test_staff_token_moves_an_idea_through_review_and_answer(client, org, cast, area):
    idea = make_idea(org, cast.resident, service_area=area)
    _token, key = ApiToken.issue(user=cast.productivity_lead, name="skripti")
    auth = {"HTTP_AUTHORIZATION": f"Token {key}"}
    response = client.post(
        f"/api/v1/ideas/{idea.pk}/status",
        {"to_status": "under_review", "public_text": "Selvitämme."},
        content_type="application/json",
        **auth,
    )
    assert response.status_code == 200 and response.json()["status"] == "under_review"
    response = client.post(
        f"/api/v1/ideas/{idea.pk}/answer",
        {"outcome": "accepted", "text": "Tehdään.", "publish": True},
        content_type="application/json",
        **auth,
    )
    data = response.json()
    assert data["status"] == "answered" and data["answer"]["text"] == "Tehdään."
    response = client.post(
        f"/api/v1/ideas/{idea.pk}/status",
        {"to_status": "implemented"},
        content_type="application/json",
        **auth,
    )
    assert response.json()["status"] == "implemented"
    response = client.post(
        f"/api/v1/ideas/{idea.pk}/status",
        {"to_status": "under_review"},
        content_type="application/json",
        **auth,
    )
    assert response.status_code == 400 and "detail" in response.json()
    assert list(idea.events.values_list("to_status", flat=True)) == [
        "submitted",
        "published",
        "under_review",
        "answered",
        "implemented",
    ]


def test_forwarded_answer_without_a_recipient_saves_nothing(client, org, cast):
    idea = make_idea(org, cast.resident)
    client.force_login(cast.manager)
    response = client.post(
        f"/api/v1/ideas/{idea.pk}/answer",
        {"outcome": "forwarded", "text": "Välitetty.", "publish": True},
        content_type="application/json",
    )
    assert response.status_code == 400
    idea.refresh_from_db()
    assert idea.answer_text == "" and idea.status == IdeaStatus.PUBLISHED


def test_support_and_comments_through_the_api(client, org, cast):
    idea = make_idea(org, cast.employee)
    client.force_login(cast.resident)
    for _ in range(2):
        response = client.post(f"/api/v1/ideas/{idea.pk}/support")
    assert response.json() == {"supported": True, "support_count": 1}
    response = client.delete(f"/api/v1/ideas/{idea.pk}/support")
    assert response.json() == {"supported": False, "support_count": 0}
    response = client.post(
        f"/api/v1/ideas/{idea.pk}/comments",
        {"body": "<script>alert(1)</script>"},
        content_type="application/json",
    )
    assert response.status_code == 201
    top = response.json()["id"]
    client.post(
        f"/api/v1/ideas/{idea.pk}/comments",
        {"body": "Vastaus", "parent": top},
        content_type="application/json",
    )
    rows = client.get(f"/api/v1/ideas/{idea.pk}/comments").json()["results"]
    assert [(r["body"], r["parent"]) for r in rows] == [
        ("<script>alert(1)</script>", None),
        ("Vastaus", top),
    ]
    assert (
        client.get(f"/api/v1/ideas/{idea.pk}/comments")
        .headers["Content-Type"]
        .startswith("application/json")
    )


def test_openapi_schema_documents_every_ideas_endpoint(client, org):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/v1/ideas",
        "/api/v1/ideas/{id}",
        "/api/v1/ideas/{id}/support",
        "/api/v1/ideas/{id}/comments",
        "/api/v1/ideas/{id}/status",
        "/api/v1/ideas/{id}/answer",
        "/api/v1/ideas/{id}/answer/publish",
    ):
        assert path in paths, path
        for operation in paths[path].values():
            assert operation["operationId"].startswith("ideas_")
            assert operation["tags"] == ["ideas"]


def test_a_blank_api_comment_gets_a_translated_error(client, org, cast):
    idea = make_idea(org, cast.employee)
    client.force_login(cast.resident)
    response = client.post(
        f"/api/v1/ideas/{idea.pk}/comments",
        {"body": "   "},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert response.status_code == 400
    assert "body" in response.json() and not idea.comments.exists()


@pytest.mark.parametrize(("role", "refused"), [(None, 401), ("resident", 403)])
@pytest.mark.parametrize("body", [{}, {"to_status": "nonsense"}])
def test_a_status_change_is_refused_before_its_body_is_read(
    client, cast, role, refused, body
):
    """Issue 22: anonymous callers and residents got 400 with field details."""
    idea = make_idea(cast.resident.organisation, cast.resident)
    if role:
        client.force_login(cast[role])
    response = client.post(
        f"/api/v1/ideas/{idea.pk}/status", body, content_type="application/json"
    )
    assert response.status_code == refused
    assert "to_status" not in response.json()
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.PUBLISHED


def test_not_found_answers_are_translated_and_name_no_model(client, cast):
    from django.utils import translation
    from rest_framework.exceptions import NotFound

    idea = make_idea(cast.resident.organisation, cast.resident)
    client.force_login(cast.resident)
    with translation.override("fi"):
        not_found = str(NotFound.default_detail)
    response = client.get("/api/v1/ideas/999999", HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 404
    assert response.json()["detail"] == not_found != "Not found."
    response = client.post(
        f"/api/v1/ideas/{idea.pk}/comments",
        {"body": "Vastaus", "parent": 999999},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert response.status_code == 404
    detail = response.json()["detail"]
    # Not Django's "No Comment matches the given query.", and in Finnish.
    assert "matches the given query" not in detail
    with translation.override("fi"):
        assert detail == translation.gettext("There is no such comment on this idea.")
    assert detail != "There is no such comment on this idea."
