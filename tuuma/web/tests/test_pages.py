import pytest
from django.core import mail

from conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [("/", "fi", "Etusivu"), ("/sv/", "sv", "Startsida"), ("/en/", "en", "Front page")],
)
def test_home_page_speaks_each_language(client, org, path, lang, text):
    response = client.get(path)
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<html lang="{lang}">' in body
    assert text in body
    assert org.name in body


def test_finnish_stays_at_root_whatever_the_browser_prefers(client, org):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sv")
    assert '<html lang="fi">' in response.content.decode()


def test_unknown_host_gets_404_not_another_municipality(client, org):
    response = client.get("/", HTTP_HOST="unknown.testserver")
    assert response.status_code == 404
    assert org.name not in response.content.decode()


def test_missing_page_is_translated_404(client, org):
    response = client.get("/sv/ei-ole/")
    assert response.status_code == 404
    assert "Sidan hittades inte" in response.content.decode()


def test_security_headers_are_on_every_page(client, org):
    response = client.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_finnish_number_and_date_formats(client, org):
    from django.utils import formats, translation

    with translation.override("fi"):
        assert formats.number_format(1234.5, 1, use_l10n=True, force_grouping=True) == (
            "1\xa0234,5"
        )
        assert formats.get_format("DATE_INPUT_FORMATS")[0] == "%d.%m.%Y"


def test_csrf_is_enforced(org, cast):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/tili/kirjaudu/", {"email": cast.resident.email, "password": PASSWORD}
    )
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    assert not mail.outbox
