"""The admin site: superusers see all; an organisation's administrators only theirs."""

import pytest

from conftest import make_user
from tuuma.accounts.models import User
from tuuma.organisation.models import Membership, ServiceArea
from tuuma.organisation.roles import Role

pytestmark = pytest.mark.django_db


def test_organisation_administrator_manages_own_people_only(client, cast, outsider):
    client.force_login(cast.administrator)
    response = client.get("/hallinta/accounts/user/")
    assert response.status_code == 200
    body = response.content.decode()
    assert cast.resident.email in body
    assert outsider.email not in body
    assert (
        client.get(f"/hallinta/accounts/user/{outsider.pk}/change/").status_code == 302
    )


def test_organisation_administrator_cannot_grant_superuser_rights(client, cast):
    client.force_login(cast.administrator)
    page = client.get(f"/hallinta/accounts/user/{cast.resident.pk}/change/")
    assert b"is_superuser" not in page.content
    assert b"is_staff" not in page.content


def test_organisation_administrator_adds_a_person_into_own_organisation(
    client, cast, org
):
    client.force_login(cast.administrator)
    response = client.post(
        "/hallinta/accounts/user/add/",
        {
            "email": "uusi@kemi.example",
            "password1": "a long enough passphrase",
            "password2": "a long enough passphrase",
            "usable_password": "true",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(email="uusi@kemi.example").organisation == org


def test_organisation_administrator_sees_own_service_areas_only(
    client, cast, other_org
):
    ServiceArea.objects.create(
        organisation=other_org, name="Porin satama", slug="satama"
    )
    client.force_login(cast.administrator)
    body = client.get("/hallinta/organisation/servicearea/").content.decode()
    assert "Tekniset palvelut" in body
    assert "Porin satama" not in body


def test_organisations_and_hosts_are_for_platform_superusers(client, cast):
    client.force_login(cast.administrator)
    assert client.get("/hallinta/organisation/organisation/").status_code == 403


@pytest.mark.parametrize("role_key", ["resident", "employee", "manager", "moderator"])
def test_other_roles_get_no_admin(client, cast, role_key):
    client.force_login(cast[role_key])
    response = client.get("/hallinta/")
    assert response.status_code == 302
    assert "/hallinta/login/" in response["Location"]


def test_superuser_sees_every_organisation(client, org, other_org, outsider):
    root = User.objects.create_superuser("root@tuuma.example", "a long root passphrase")
    client.force_login(root)
    body = client.get("/hallinta/accounts/user/").content.decode()
    assert outsider.email in body


def test_membership_inline_offers_only_own_areas(client, cast, other_org):
    ServiceArea.objects.create(
        organisation=other_org, name="Porin satama", slug="satama"
    )
    person = make_user(cast.administrator.organisation, "x", Role.EMPLOYEE)
    assert Membership.objects.filter(user=person).exists()
    client.force_login(cast.administrator)
    body = client.get(f"/hallinta/accounts/user/{person.pk}/change/").content.decode()
    assert "Porin satama" not in body
