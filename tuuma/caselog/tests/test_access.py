"""Logs are personal data: only case-log staff of the organisation see them."""

import pytest

ALLOWED = {"caselog_analyst", "productivity_lead", "manager", "administrator"}
ROLES = [
    "resident",
    "employee",
    "moderator",
    "process_owner",
    "productivity_lead",
    "caselog_analyst",
    "manager",
    "administrator",
]
PAGES = ["", "prosessikartta/", "maaraajat/", "laatu/", "vertailu/", "luvut.csv"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_only_case_log_roles_see_logs_and_others_get_403(client, cast, wabo_log, role):
    client.force_login(cast[role])
    expected = 200 if role in ALLOWED else 403
    assert client.get("/tapahtumalokit/").status_code == expected
    assert client.get("/tapahtumalokit/uusi/").status_code == expected
    for suffix in PAGES:
        response = client.get(f"/tapahtumalokit/{wabo_log.pk}/{suffix}")
        assert response.status_code == expected, suffix
    nav = client.get("/").content.decode()
    assert ('href="/tapahtumalokit/"' in nav) == (role in ALLOWED)
    assert ("1 asianhallinnan tapahtumaloki" in nav) == (role in ALLOWED)


@pytest.mark.django_db
def test_another_organisations_log_is_404(client, wabo_log, outsider):
    client.force_login(outsider)
    response = client.get(
        f"/tapahtumalokit/{wabo_log.pk}/", HTTP_HOST="pori.testserver"
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_anonymous_people_are_sent_to_log_in(client, wabo_log):
    response = client.get(f"/tapahtumalokit/{wabo_log.pk}/")
    assert response.status_code == 302
    assert "/tili/kirjaudu/" in response["Location"]


@pytest.mark.django_db
def test_a_rule_cannot_be_created_without_the_upload_permission(
    client, cast, wabo_log, settings
):
    from tuuma.organisation import permissions

    settings.DEBUG = False
    rule = permissions.rules()["caselog.upload"]
    permissions.rules()["caselog.upload"] = permissions.Rule(frozenset())
    try:
        client.force_login(cast.caselog_analyst)
        response = client.post(
            f"/tapahtumalokit/{wabo_log.pk}/maaraajat/",
            {"name": "x", "kind": "attribute", "attribute": "x"},
        )
    finally:
        permissions.rules()["caselog.upload"] = rule
    assert response.status_code == 403
    assert not wabo_log.deadline_rules.exists()
