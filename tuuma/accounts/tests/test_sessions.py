"""Staff sessions end after idle time and at an absolute age; log out everywhere."""

import pytest
from django.test import Client

from conftest import PASSWORD
from tuuma.accounts.middleware import LOGIN_AT_KEY, SEEN_AT_KEY

pytestmark = pytest.mark.django_db


def _age(client, **keys):
    session = client.session
    for key, seconds in keys.items():
        session[key] = session[key] - seconds
    session.save()


def test_a_staff_session_ends_after_the_idle_timeout(client, cast, settings):
    client.force_login(cast.employee)
    assert client.get("/tili/profiili/").status_code == 200
    _age(client, **{SEEN_AT_KEY: settings.SESSION_IDLE_TIMEOUT + 5})
    response = client.get("/tili/profiili/")
    assert response.status_code == 302 and "/tili/kirjaudu/" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_a_busy_staff_session_still_ends_at_its_absolute_lifetime(
    client, cast, settings
):
    client.force_login(cast.manager)
    client.get("/tili/profiili/")
    _age(client, **{LOGIN_AT_KEY: settings.SESSION_STAFF_MAX_AGE + 5})
    assert client.get("/tili/profiili/").status_code == 302


def test_a_residents_session_has_no_idle_timeout(client, cast, settings):
    client.force_login(cast.resident)
    client.get("/tili/profiili/")
    session = client.session
    session[SEEN_AT_KEY] = 0
    session.save()
    assert client.get("/tili/profiili/").status_code == 200


def test_log_out_everywhere_ends_the_sessions_on_other_devices(cast):
    phone, laptop = Client(), Client()
    for device in (phone, laptop):
        device.post(
            "/tili/kirjaudu/", {"email": cast.resident.email, "password": PASSWORD}
        )
        assert device.get("/tili/profiili/").status_code == 200
    response = laptop.post("/tili/profiili/kirjaudu-ulos-kaikkialta/")
    assert response.status_code == 302
    assert laptop.get("/tili/profiili/").status_code == 302
    assert phone.get("/tili/profiili/").status_code == 302
    # Logging in again works as before.
    phone.post("/tili/kirjaudu/", {"email": cast.resident.email, "password": PASSWORD})
    assert phone.get("/tili/profiili/").status_code == 200
