"""Staff pages that show another person's personal data write an access-log row:
who looked, at whom, from which page."""

import pytest
from django.urls import reverse

from tuuma.audit.models import AccessLogEntry

pytestmark = pytest.mark.django_db


def test_the_administrators_person_page_is_logged(client, cast):
    client.force_login(cast.administrator)
    response = client.get(f"/hallinta/accounts/user/{cast.resident.pk}/change/")
    assert response.status_code == 200
    entry = AccessLogEntry.objects.get()
    assert (entry.viewer, entry.subject) == (cast.administrator, cast.resident)
    assert entry.view_name == "admin:accounts_user_change"
    assert entry.path == f"/hallinta/accounts/user/{cast.resident.pk}/change/"


def test_saving_the_person_page_is_not_a_second_viewing(client, cast):
    client.force_login(cast.administrator)
    client.post(f"/hallinta/accounts/user/{cast.resident.pk}/change/", {})
    assert not AccessLogEntry.objects.exists()


def test_the_erasure_page_is_logged(client, cast):
    client.force_login(cast.administrator)
    response = client.get(reverse("audit:erase", args=[cast.employee.pk]))
    assert response.status_code == 200, response
    entry = AccessLogEntry.objects.get()
    assert entry.subject == cast.employee
    assert entry.what == "henkilön tietojen poistosivu"  # in the viewer's language


def test_looking_at_ones_own_page_is_not_logged(client, cast):
    client.force_login(cast.administrator)
    client.get(f"/hallinta/accounts/user/{cast.administrator.pk}/change/")
    assert not AccessLogEntry.objects.exists()


def test_another_organisations_person_is_not_shown_nor_logged(client, cast, outsider):
    client.force_login(cast.administrator)
    response = client.get(f"/hallinta/accounts/user/{outsider.pk}/change/")
    assert response.status_code in (302, 404)
    assert not AccessLogEntry.objects.exists()
