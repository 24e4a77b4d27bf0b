import json

import pytest

from tuuma.accounts.models import ApiToken

pytestmark = pytest.mark.django_db


def test_openapi_schema_is_served_and_valid(client, org):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/organisation" in schema["paths"]
    assert "tokenAuth" in schema["components"]["securitySchemes"]
    operation_ids = [
        operation["operationId"]
        for path in schema["paths"].values()
        for operation in path.values()
    ]
    assert len(operation_ids) == len(set(operation_ids))


def test_interactive_docs_are_served_without_a_cdn(client, org):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "cdn" not in body.lower()
    assert "/static/drf_spectacular_sidecar/" in body


def test_me_needs_authentication(client, org):
    assert client.get("/api/v1/me").status_code in (401, 403)


def test_me_with_a_token_lists_roles(client, cast, area):
    _token, key = ApiToken.issue(user=cast.productivity_lead, name="t")
    data = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Token {key}").json()
    assert data["email"] == cast.productivity_lead.email
    assert data["roles"] == [{"role": "productivity_lead", "service_area": area.pk}]


def test_revoked_or_wrong_token_is_refused_with_a_translated_error(client, cast):
    from django.utils import timezone

    token, key = ApiToken.issue(user=cast.manager, name="t")
    token.revoked_at = timezone.now()
    token.save()
    response = client.get(
        "/api/v1/me", HTTP_AUTHORIZATION=f"Token {key}", HTTP_ACCEPT_LANGUAGE="fi"
    )
    assert response.status_code == 401
    assert response.json()["detail"] == "Virheellinen tai peruttu avain."
    assert (
        client.get("/api/v1/me", HTTP_AUTHORIZATION="Token nonsense").status_code == 401
    )


def test_only_the_hash_of_a_token_is_stored(cast):
    token, key = ApiToken.issue(user=cast.manager, name="t")
    assert key not in token.key_hash
    assert len(key) >= 40  # >= 128 random bits


def test_staff_create_and_revoke_tokens_in_the_profile(client, cast):
    client.force_login(cast.manager)
    response = client.post("/tili/profiili/avaimet/", {"name": "raportit"})
    assert response.status_code == 200
    assert cast.manager.api_tokens.count() == 1
    token = cast.manager.api_tokens.get()
    client.post(f"/tili/profiili/avaimet/{token.pk}/peru/")
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_residents_get_no_tokens(client, cast):
    client.force_login(cast.resident)
    assert client.post("/tili/profiili/avaimet/", {"name": "x"}).status_code == 403
    assert not ApiToken.objects.exists()


def test_schema_generates_without_warnings_and_validates(tmp_path):
    from django.core.management import call_command

    call_command(
        "spectacular",
        "--fail-on-warn",
        "--validate",
        "--file",
        str(tmp_path / "s.yaml"),
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [("fi", "Virheellinen"), ("sv", "Ogiltig"), ("en", "Invalid")],
)
def test_api_errors_follow_accept_language(client, org, language, text):
    response = client.get(
        "/api/v1/me", HTTP_AUTHORIZATION="Token nope", HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.json()["detail"].startswith(text)
    assert response["Content-Language"] == language
