import pytest
from django.urls import reverse

from tuuma.audit.actions import audit_record
from tuuma.audit.models import AuditEntry, PrivacySettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(org, other_org, cast, outsider):
    audit_record(organisation=org, actor=cast["administrator"], action="ideas.merged")
    audit_record(organisation=org, actor=cast["moderator"], action="ideas.hidden")
    audit_record(organisation=other_org, actor=outsider, action="secret.elsewhere")


def test_the_administrator_reads_the_log_filtered_by_person(client, cast, entries):
    client.force_login(cast["administrator"])
    response = client.get(reverse("audit:log"), {"person": cast["moderator"].pk})
    assert response.status_code == 200
    text = response.content.decode()
    assert "ideas.hidden" in text and "ideas.merged" not in text
    assert "secret.elsewhere" not in text


def test_the_log_filters_by_action_and_date(client, cast, entries):
    client.force_login(cast["administrator"])
    response = client.get(
        reverse("audit:log"), {"action": "merged", "since": "2000-01-01"}
    )
    text = response.content.decode()
    assert "ideas.merged" in text and "ideas.hidden" not in text


@pytest.mark.parametrize("key", ["manager", "moderator", "employee", "resident"])
def test_nobody_but_the_administrator_reads_the_logs(client, cast, key):
    client.force_login(cast[key])
    assert client.get(reverse("audit:log")).status_code == 403
    assert client.get(reverse("audit:access")).status_code == 403
    assert client.get("/api/v1/audit/entries").status_code == 403


def test_an_anonymous_caller_gets_401_from_the_api(client, org):
    assert client.get("/api/v1/audit/accesses").status_code == 401


def test_the_api_pages_the_log_of_the_own_organisation_only(client, cast, entries):
    client.force_login(cast["administrator"])
    response = client.get("/api/v1/audit/entries", {"page_size": 1})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2 and len(body["results"]) == 1 and body["next"]


def test_the_api_refuses_an_unknown_person_with_400(client, cast, outsider):
    client.force_login(cast["administrator"])
    response = client.get("/api/v1/audit/entries", {"person": outsider.pk})
    assert response.status_code == 400 and "person" in response.json()


def test_changing_the_retention_is_itself_audited(client, org, cast):
    client.force_login(cast["administrator"])
    response = client.post(
        reverse("audit:settings"),
        {
            "audit_retention_days": 1000,
            "access_log_retention_days": 400,
            "erasure_rule": "remove",
        },
    )
    assert response.status_code == 302
    assert PrivacySettings.for_organisation(org).erasure_rule == "remove"
    assert AuditEntry.objects.filter(action="audit.privacy_settings_changed").exists()


def test_a_retention_shorter_than_a_month_is_refused(client, org, cast):
    client.force_login(cast["administrator"])
    response = client.post(
        reverse("audit:settings"),
        {
            "audit_retention_days": 3,
            "access_log_retention_days": 400,
            "erasure_rule": "keep",
        },
    )
    assert response.status_code == 200
    assert PrivacySettings.for_organisation(org).audit_retention_days == 730


def test_a_detail_named_like_a_dict_method_is_shown_as_a_detail(client, org, cast):
    audit_record(
        organisation=org,
        actor=cast["administrator"],
        action="improvement.ranking_frozen",
        details={"items": 7, "decided_on": "2026-12-07"},
    )
    client.force_login(cast["administrator"])
    response = client.get(reverse("audit:log"))
    assert response.status_code == 200
    assert "items: 7" in response.content.decode()
