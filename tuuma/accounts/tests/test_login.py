import pytest

from conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_person_logs_in_with_email_and_lands_in_their_language(client, cast):
    cast.moderator.preferred_language = "sv"
    cast.moderator.save()
    response = client.post(
        "/tili/kirjaudu/", {"email": cast.moderator.email.upper(), "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/sv/"
    assert client.session["_auth_user_id"] == str(cast.moderator.pk)


@pytest.mark.parametrize(
    ("prefix", "text"),
    [
        ("", "Sähköpostiosoite tai salasana on väärin."),
        ("/sv", "E-postadressen eller lösenordet är fel."),
        ("/en", "The e-mail address or password is wrong."),
    ],
)
def test_bad_login_gets_a_translated_error(client, cast, prefix, text):
    response = client.post(
        f"{prefix}/tili/kirjaudu/", {"email": cast.resident.email, "password": "wrong"}
    )
    assert response.status_code == 200
    assert text in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_account_of_another_organisation_cannot_log_in_here(client, org, outsider):
    response = client.post(
        "/tili/kirjaudu/", {"email": outsider.email, "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_session_from_another_organisation_counts_for_nothing(client, org, outsider):
    client.force_login(outsider)
    response = client.get("/tili/profiili/")
    assert response.status_code == 302
    assert "/tili/kirjaudu/" in response["Location"]


def test_repeated_failures_lock_even_the_right_password_for_a_while(client, cast):
    for _ in range(10):
        client.post(
            "/tili/kirjaudu/", {"email": cast.resident.email, "password": "wrong"}
        )
    response = client.post(
        "/tili/kirjaudu/", {"email": cast.resident.email, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not locked out.
    response = client.post(
        "/tili/kirjaudu/", {"email": cast.employee.email, "password": PASSWORD}
    )
    assert response.status_code == 302


def test_logout_needs_post_and_ends_the_session(client, cast):
    client.force_login(cast.resident)
    assert client.get("/tili/kirjaudu-ulos/").status_code == 405
    client.post("/tili/kirjaudu-ulos/")
    assert "_auth_user_id" not in client.session


def test_open_redirect_after_login_is_refused(client, cast):
    response = client.post(
        "/tili/kirjaudu/",
        {
            "email": cast.resident.email,
            "password": PASSWORD,
            "next": "https://evil.example/",
        },
    )
    assert response["Location"] == "/"


def test_profile_changes_name_and_language(client, cast):
    client.force_login(cast.resident)
    response = client.post(
        "/tili/profiili/", {"full_name": "Riikka R", "preferred_language": "en"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/tili/profiili/"
    cast.resident.refresh_from_db()
    assert cast.resident.full_name == "Riikka R"
    assert cast.resident.preferred_language == "en"
