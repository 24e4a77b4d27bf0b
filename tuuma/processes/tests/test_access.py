"""Who reads and edits processes: every role, residents, visitors, outsiders."""

import pytest

from conftest import make_user
from tuuma.organisation.roles import Role
from tuuma.processes import actions
from tuuma.processes.models import Process, Status
from tuuma.processes.tests.conftest import make_process

pytestmark = pytest.mark.django_db

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
# The process owner owns it, the employee is its deputy, the lead works in its area.
EDITORS = {"process_owner", "employee", "productivity_lead", "administrator"}
STAFF = set(ROLES) - {"resident"}


def urls(process, version) -> dict[str, str]:
    base = f"/prosessit/{process.pk}/"
    v = f"{base}versiot/{version.pk}/"
    return {
        "detail": base,
        "version": v,
        "compare": f"{base}vertailu/",
        "bpmn": f"{v}prosessi.bpmn",
        "raci": f"{v}raci.xlsx",
        "edit": f"{base}muokkaa/",
        "version-edit": f"{v}muokkaa/",
        "step-create": f"{v}vaiheet/uusi/",
        "bpmn-import": f"{base}bpmn-tuonti/",
        "version-create": f"{base}versiot/uusi/",
        "link": f"{base}linkit/",
    }


READ = ("detail", "version", "compare", "bpmn", "raci")
EDIT = ("edit", "version-edit", "step-create", "bpmn-import", "version-create", "link")


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reads_a_published_process_and_only_editors_edit_it(
    client, cast, process, version, role
):
    client.force_login(cast[role])
    pages = urls(process, version)
    for name in READ:
        assert client.get(pages[name]).status_code == 200, name
    for name in EDIT:
        expected = 200 if role in EDITORS else 403
        assert client.get(pages[name]).status_code == expected, name
    api = client.get(f"/api/v1/processes/{process.pk}")
    assert api.status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_unpublished_processes_are_for_staff_only(client, cast, process, version, role):
    actions.process_update(process=process, by=None, is_published=False)
    client.force_login(cast[role])
    expected = 200 if role in STAFF else 404
    assert client.get(f"/prosessit/{process.pk}/").status_code == expected
    assert client.get(f"/api/v1/processes/{process.pk}").status_code == expected
    listed = client.get("/api/v1/processes").json()["results"]
    assert (process.pk in [p["id"] for p in listed]) == (role in STAFF)


def test_visitors_read_published_processes_in_use_only(client, process, version):
    assert client.get(f"/prosessit/{process.pk}/").status_code == 200
    actions.process_update(process=process, by=None, status=Status.DRAFT)
    assert client.get(f"/prosessit/{process.pk}/").status_code == 404
    # A visitor is sent to log in before anything is looked up (learns nothing).
    assert client.get(f"/prosessit/{process.pk}/muokkaa/").status_code == 302


def test_visitors_are_sent_to_log_in_before_editing(client, process):
    response = client.get("/prosessit/uusi/")
    assert response.status_code == 302
    assert "/tili/kirjaudu/" in response["Location"]


def test_a_productivity_lead_of_another_area_cannot_edit(
    client, org, other_area, process
):
    lead = make_user(org, "other_lead", Role.PRODUCTIVITY_LEAD, other_area)
    client.force_login(lead)
    assert client.get(f"/prosessit/{process.pk}/muokkaa/").status_code == 403
    mine = make_process(org, other_area, group_name="Oma")
    assert client.get(f"/prosessit/{mine.pk}/muokkaa/").status_code == 200


def test_a_process_owner_role_alone_does_not_give_other_processes(
    client, org, area, cast
):
    someone_elses = make_process(org, area)
    client.force_login(cast.process_owner)
    assert client.get(f"/prosessit/{someone_elses.pk}/muokkaa/").status_code == 403


def test_a_retired_process_cannot_be_edited(client, cast, process):
    actions.process_update(process=process, by=None, status=Status.RETIRED)
    client.force_login(cast.productivity_lead)
    assert client.get(f"/prosessit/{process.pk}/").status_code == 200
    assert client.get(f"/prosessit/{process.pk}/muokkaa/").status_code == 403


def test_another_organisation_sees_nothing(client, outsider, process, version):
    client.force_login(outsider)
    host = {"HTTP_HOST": "pori.testserver"}
    for name, url in urls(process, version).items():
        assert client.get(url, **host).status_code == 404, name
    assert client.get(f"/api/v1/processes/{process.pk}", **host).status_code == 404
    assert client.get("/api/v1/processes", **host).json()["count"] == 0


def test_only_leads_create_processes_and_only_in_their_area(
    client, cast, area, other_area
):
    client.force_login(cast.employee)
    assert client.get("/prosessit/uusi/").status_code == 403
    client.force_login(cast.productivity_lead)
    response = client.post(
        "/prosessit/uusi/",
        {
            "service_area": other_area.pk,
            "level": "group",
            "name": "Vieras",
            "status": "draft",
        },
    )
    assert response.status_code == 200
    assert not Process.objects.filter(name="Vieras").exists()
    response = client.post(
        "/prosessit/uusi/",
        {"service_area": area.pk, "level": "group", "name": "Oma", "status": "draft"},
    )
    assert response.status_code == 302


def test_reviews_are_for_staff(client, cast, process):
    client.force_login(cast.resident)
    assert client.get("/prosessit/katselmoinnit/").status_code == 403
    assert client.get("/api/v1/processes/reviews").status_code == 403
    client.force_login(cast.employee)
    assert client.get("/prosessit/katselmoinnit/").status_code == 200
    assert client.post("/prosessit/katselmoinnit/ajoita/").status_code == 403
    client.logout()
    assert client.get("/api/v1/processes/reviews").status_code == 401
