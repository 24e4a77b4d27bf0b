"""OIDC log-in end to end against a real provider process (oidc-provider-mock)."""

import json
import socket
import subprocess
import sys
import time
from urllib.parse import urlsplit

import pytest
import requests

from tuuma.accounts.models import IdentityLevel, OidcProvider, User

pytestmark = pytest.mark.django_db


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def provider_url():
    port = _free_port()
    claims = {"sub": "aino", "email": "Aino.Virtanen@kemi.example", "name": "Aino"}
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "oidc_provider_mock",
            "--port",
            str(port),
            "--user-claims",
            json.dumps(claims),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                requests.get(f"{url}/.well-known/openid-configuration", timeout=1)
                break
            except requests.ConnectionError:
                if process.poll() is not None:
                    pytest.fail("oidc-provider-mock did not start")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(10)


def _provider(org, url: str, **extra) -> OidcProvider:
    discovery = requests.get(f"{url}/.well-known/openid-configuration", timeout=5)
    config = discovery.json()
    return OidcProvider.objects.create(
        organisation=org,
        slug="tunnistamo",
        label="Kirjaudu Tunnistamolla",
        issuer=config["issuer"],
        authorization_endpoint=config["authorization_endpoint"],
        token_endpoint=config["token_endpoint"],
        userinfo_endpoint=config["userinfo_endpoint"],
        jwks_uri=config["jwks_uri"],
        client_id="tuuma-kemi",
        client_secret="not-a-real-secret",  # noqa: S106
        **extra,
    )


def _log_in_at_the_provider(client, sub: str = "aino"):
    page = client.get("/tili/kirjaudu/").content.decode()
    assert "Kirjaudu Tunnistamolla" in page
    start = client.get("/tili/oidc/tunnistamo/")
    assert start.status_code == 302
    # The person picks their account on the provider's own page.
    answer = requests.post(
        start["Location"], data={"sub": sub}, allow_redirects=False, timeout=10
    )
    assert answer.status_code == 302, answer.text
    back = urlsplit(answer.headers["Location"])
    assert back.netloc == "testserver"  # the organisation's origin, not a Host header
    return client.get(f"{back.path}?{back.query}")


def test_a_resident_logs_in_through_the_organisations_provider(
    client, org, provider_url
):
    _provider(org, provider_url)
    response = _log_in_at_the_provider(client)
    assert response.status_code == 302
    user = User.objects.get(organisation=org, email="aino.virtanen@kemi.example")
    assert user.full_name == "Aino"
    assert user.identity_level == IdentityLevel.OIDC
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.session["tuuma_identity"]["level"] == "oidc"
    assert not user.has_usable_password()


def test_a_forged_state_logs_nobody_in(client, org, provider_url):
    _provider(org, provider_url)
    client.get("/tili/oidc/tunnistamo/")
    response = client.get("/tili/oidc/paluu/?code=x&state=forged")
    assert response.status_code == 302 and "/tili/kirjaudu/" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_another_organisations_provider_is_not_offered_here(
    client, org, other_org, provider_url
):
    _provider(other_org, provider_url)
    assert client.get("/tili/oidc/tunnistamo/").status_code == 404
