import json

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tuuma.hearings import actions

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_hearings_are_read_publicly_without_drafts(api, hearing, org, preparer):
    from tuuma.hearings.tests.conftest import make_hearing

    make_hearing(org, preparer, title="Salainen luonnos")
    body = api.get(reverse("api-hearings")).json()
    assert [h["title"] for h in body["results"]] == [hearing.title]
    detail = api.get(reverse("api-hearing", args=[hearing.pk])).json()
    assert detail["sections"][0]["title"] == "Lähikirjastot"


def test_a_resident_comments_through_the_api(api, hearing, section, cast):
    url = reverse("api-hearing-comments", args=[hearing.pk])
    assert api.post(url, {"body": "Hei"}, format="json").status_code in (400, 401)
    api.force_authenticate(cast.resident)
    created = api.post(url, {"body": "Hyvä", "section": section.pk}, format="json")
    assert created.status_code == 201 and created.json()["section_version"] == 1
    listed = api.get(url).json()
    assert listed["count"] == 1 and listed["results"][0]["body"] == "Hyvä"


def test_a_bad_section_and_a_closed_hearing_are_refused_with_400(api, ended, cast):
    api.force_authenticate(cast.resident)
    url = reverse("api-hearing-comments", args=[ended.pk])
    refused = api.post(url, {"body": "Myöhässä"}, format="json")
    assert refused.status_code == 400 and "päättynyt" in refused.json()["detail"]
    bad = api.post(url, {"body": "x", "section": 999999}, format="json")
    assert bad.status_code == 400 and "section" in bad.json()


def test_the_report_is_public_once_published(api, ended, preparer):
    url = reverse("api-hearing-report", args=[ended.pk])
    assert api.get(url).status_code in (401, 404)
    theme = actions.theme_create(hearing=ended, section=None, title="Kaikki")
    actions.theme_respond(theme=theme, response="adopted", reason="Hyvä.")
    actions.report_publish(hearing=ended, by=preparer, summary="Kiitos")
    body = api.get(url).json()
    assert body["summary"] == "Kiitos"
    assert body["sections"][-1]["themes"][0]["response"] == "adopted"


def test_matters_are_listed_once_published(api, org, preparer):
    from datetime import date

    matter = actions.matter_create(
        organisation=org,
        by=preparer,
        title="Asia",
        description="Kuvaus",
        started_on=date(2026, 1, 1),
    )
    assert api.get(reverse("api-matters")).json()["count"] == 0
    actions.matter_publish(matter=matter, by=preparer)
    assert api.get(reverse("api-matter", args=[matter.pk])).json()["phase"] == (
        "preparation"
    )


def test_every_endpoint_is_in_the_schema(api, org):
    schema = json.loads(api.get("/api/v1/openapi.json").content)
    operations = {
        op["operationId"]
        for path in schema["paths"].values()
        for op in path.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert {
        "hearings_list",
        "hearings_retrieve",
        "hearings_comments_list",
        "hearings_comments_create",
        "hearings_report_retrieve",
        "matters_list",
        "matters_retrieve",
    } <= operations
