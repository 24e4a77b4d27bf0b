"""Pages and API answers for a signed-in person are not kept by caches
(ASVS 14.3.2): ``Cache-Control: private, no-store``; public pages may be cached."""

import pytest
from django.test import RequestFactory

from tuuma.accounts.models import ApiToken
from tuuma.web.middleware import SecurityHeadersMiddleware, may_be_cached

pytestmark = pytest.mark.django_db


def _directives(response) -> set[str]:
    return {d.strip() for d in response.get("Cache-Control", "").split(",") if d}


def test_a_signed_in_persons_pages_are_private_and_not_stored(client, cast):
    client.force_login(cast.employee)
    for path in ("/", "/tili/profiili/", "/loki/omat-tiedot/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert {"private", "no-store"} <= _directives(response), path


def test_the_api_with_a_token_is_private_and_not_stored(client, cast):
    _token, key = ApiToken.issue(user=cast.administrator, name="t")
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    assert {"private", "no-store"} <= _directives(response)


def test_an_api_answer_for_a_signed_in_person_is_not_stored(client, cast):
    client.force_login(cast.administrator)
    response = client.get("/api/v1/audit/entries")
    assert response.status_code == 200
    assert {"private", "no-store"} <= _directives(response)


def test_public_pages_for_anonymous_visitors_may_be_cached(client, org):
    response = client.get("/")
    assert response.status_code == 200
    assert "no-store" not in _directives(response)


def test_a_view_may_opt_out_for_an_answer_with_nothing_personal(cast):
    from django.http import HttpResponse

    @may_be_cached
    def logo(request):
        return HttpResponse(b"png", headers={"Cache-Control": "max-age=3600"})

    request = RequestFactory().get("/logo.png")
    request.user = cast.employee
    response = SecurityHeadersMiddleware(logo)(request)
    assert _directives(response) == {"max-age=3600"}
