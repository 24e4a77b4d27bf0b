"""A second organisation on another host sees none of the first one's data."""

import pytest

from conftest import PASSWORD, make_user
from tuuma.accounts.models import ApiToken
from tuuma.jobs.models import Job
from tuuma.organisation.models import ServiceArea
from tuuma.organisation.roles import Role

pytestmark = pytest.mark.django_db

OTHER = {"HTTP_HOST": "pori.testserver"}


def test_front_pages_show_only_their_own_organisation(client, org, other_org, area):
    ServiceArea.objects.create(
        organisation=other_org, name="Porin satama", slug="satama"
    )
    here = client.get("/").content.decode()
    there = client.get("/", **OTHER).content.decode()
    assert org.name in here and "Tekniset palvelut" in here
    assert "Porin satama" not in here
    assert other_org.name in there and "Porin satama" in there
    assert "Tekniset palvelut" not in there


def test_api_organisation_is_the_hosts_own(client, org, other_org, area):
    data = client.get("/api/v1/organisation", **OTHER).json()
    assert data["slug"] == other_org.slug
    assert data["service_areas"] == []


def test_a_token_works_only_on_its_own_host(client, org, other_org, cast):
    _token, key = ApiToken.issue(user=cast.administrator, name="script")
    auth = {"HTTP_AUTHORIZATION": f"Token {key}"}
    assert client.get("/api/v1/me", **auth).status_code == 200
    assert client.get("/api/v1/me", **auth, **OTHER).status_code == 401


def test_a_job_of_another_organisation_is_404(client, org, other_org, cast):
    stranger = make_user(other_org, "stranger", Role.ADMINISTRATOR)
    job = Job.objects.create(
        organisation=other_org, created_by=stranger, kind="x", label="x"
    )
    client.force_login(cast.administrator)
    assert client.get(f"/tyot/{job.pk}/").status_code == 404
    assert client.get(f"/api/v1/jobs/{job.pk}").status_code == 404


def test_login_on_the_other_host_does_not_find_this_hosts_people(
    client, org, other_org, cast
):
    response = client.post(
        "/tili/kirjaudu/",
        {"email": cast.administrator.email, "password": PASSWORD},
        **OTHER,
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
