"""Absolute links come from the organisation's origin; tokens obey the role rule
on every call."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tuuma.accounts.models import ApiToken
from tuuma.ideas.tests.factories import make_idea
from tuuma.organisation.models import Membership

pytestmark = pytest.mark.django_db


def test_a_residents_token_is_refused_on_every_call(client, cast):
    # Issued directly: the profile page would not even offer one to a resident.
    _token, key = ApiToken.issue(user=cast.resident, name="t")
    response = client.get(
        "/api/v1/me", HTTP_AUTHORIZATION=f"Token {key}", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 401
    assert response.json()["detail"] == "Your role no longer allows API tokens."


def test_a_token_stops_working_when_its_owner_loses_the_staff_role(client, cast):
    _token, key = ApiToken.issue(user=cast.employee, name="t")
    assert (
        client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    )
    Membership.objects.filter(user=cast.employee).delete()
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 401


def test_api_url_fields_use_the_configured_origin_not_the_host_header(
    client, org, cast
):
    org.public_origin = "https://tuuma.kemi.example:8443"
    org.save()
    idea = make_idea(org, cast.resident)
    response = client.get(f"/api/v1/ideas/{idea.pk}", HTTP_HOST="localhost:6666")
    assert response.json()["url"] == f"https://tuuma.kemi.example:8443/ideat/{idea.pk}/"


def test_without_a_configured_origin_links_use_the_first_host_name(org):
    assert org.absolute_url("/tili/") == "http://testserver/tili/"


def test_a_404_names_no_model_and_speaks_the_callers_language(client, cast):
    client.force_login(cast.caselog_analyst)
    csv = SimpleUploadedFile("loki.csv", b"case;activity;time\n1;a;2024-01-01\n")
    response = client.post(
        "/api/v1/caselogs",
        {"file": csv, "name": "x", "caselog": 999_999},
        headers={"accept-language": "fi"},
    )
    assert response.status_code == 404
    assert "CaseLog" not in response.content.decode()
    assert response.json()["detail"] == "Ei löydy."
