"""Two-factor for staff, with real TOTP codes computed as the phone would."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD
from tuuma.accounts.models import ApiToken

pytestmark = pytest.mark.django_db


def _log_in(client, user):
    return client.post("/tili/kirjaudu/", {"email": user.email, "password": PASSWORD})


def _code(device: TOTPDevice, offset: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


def _enrol(client, user) -> list[str]:
    _log_in(client, user)
    client.get("/tili/profiili/kaksivaiheinen/")
    device = TOTPDevice.objects.get(user=user)
    response = client.post("/tili/profiili/kaksivaiheinen/", {"code": _code(device)})
    assert response.status_code == 200
    return re.findall(r"<li><code>(\w+)</code></li>", response.content.decode())


def test_staff_without_a_device_are_sent_to_enrolment_and_can_go_nowhere_else(
    client, cast
):
    response = _log_in(client, cast.caselog_analyst)
    assert response["Location"].startswith("/tili/profiili/kaksivaiheinen/?next=")
    response = client.get("/tapahtumalokit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/tili/profiili/kaksivaiheinen/")
    assert client.get("/api/v1/me").status_code == 403


def test_enrolment_shows_a_qr_code_and_a_real_code_turns_it_on(client, cast, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no wait after the wrong code below
    _log_in(client, cast.manager)
    page = client.get("/tili/profiili/kaksivaiheinen/").content.decode()
    assert 'src="data:image/svg+xml' in page
    device = TOTPDevice.objects.get(user=cast.manager)
    wrong = client.post("/tili/profiili/kaksivaiheinen/", {"code": "000000"})
    assert (
        "The code is wrong" in wrong.content.decode()
        or "väärä" in wrong.content.decode()
    )
    response = client.post("/tili/profiili/kaksivaiheinen/", {"code": _code(device)})
    codes = re.findall(r"<li><code>(\w+)</code></li>", response.content.decode())
    assert len(codes) == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/tili/profiili/").status_code == 200


def test_next_log_in_asks_for_the_code_and_a_recovery_code_works_once(client, cast):
    codes = _enrol(client, cast.administrator)
    client.post("/tili/kirjaudu-ulos/")
    response = _log_in(client, cast.administrator)
    assert response["Location"].startswith("/tili/vahvista/")
    assert client.get("/tili/profiili/").status_code == 302
    response = client.post("/tili/vahvista/", {"code": codes[0]})
    assert response.status_code == 302
    assert client.get("/tili/profiili/").status_code == 200

    client.post("/tili/kirjaudu-ulos/")
    _log_in(client, cast.administrator)
    response = client.post("/tili/vahvista/", {"code": codes[0]})
    assert response.status_code == 200  # used already
    assert client.get("/tili/profiili/").status_code == 302


def test_a_fresh_totp_code_confirms_the_log_in(client, cast):
    _enrol(client, cast.productivity_lead)
    client.post("/tili/kirjaudu-ulos/")
    _log_in(client, cast.productivity_lead)
    device = TOTPDevice.objects.get(user=cast.productivity_lead)
    # The enrolment used this step's code; the app's next code is accepted too.
    response = client.post("/tili/vahvista/", {"code": _code(device, offset=1)})
    assert response.status_code == 302
    assert client.get("/tili/profiili/").status_code == 200


def test_residents_and_roles_not_configured_log_in_with_a_password_only(
    client, org, cast
):
    assert _log_in(client, cast.resident)["Location"] == "/"
    assert _log_in(client, cast.employee)["Location"] == "/"
    org.two_factor_roles = ["employee"]
    org.save()
    client.post("/tili/kirjaudu-ulos/")
    assert "kaksivaiheinen" in _log_in(client, cast.employee)["Location"]


def test_api_tokens_of_staff_need_no_second_factor(client, cast):
    _token, key = ApiToken.issue(user=cast.manager, name="t")
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
