"""``/api/v1/processes``: list, tree, detail, a version with its figures, reviews."""

from datetime import date

import pytest

from tuuma.processes import actions, review_actions
from tuuma.processes.tests.conftest import make_process

pytestmark = pytest.mark.django_db


def test_the_list_and_tree_show_published_processes_to_visitors(
    client, org, area, process
):
    hidden = make_process(org, area, group_name="Sisäinen", is_published=False)
    listed = client.get("/api/v1/processes").json()
    ids = [p["id"] for p in listed["results"]]
    assert process.pk in ids and hidden.pk not in ids
    assert listed["results"][0]["owner_name"] is not None
    tree = client.get("/api/v1/processes/tree").json()
    (area_node,) = tree
    assert area_node["name"] == "Tekniset palvelut"
    groups = {g["id"]: g for g in area_node["processes"]}
    assert [c["id"] for c in groups[process.parent_id]["children"]] == [process.pk]
    found = client.get("/api/v1/processes", {"q": "asianhallinta"}).json()
    assert [p["id"] for p in found["results"]] == [process.pk]


def test_a_version_answers_its_steps_and_vsm_figures(client, process, version):
    detail = client.get(f"/api/v1/processes/{process.pk}").json()
    assert detail["versions"][0]["id"] == version.pk
    data = client.get(f"/api/v1/processes/{process.pk}/versions/{version.pk}").json()
    figures = data["figures"]
    assert figures["total_pt_minutes"] == 355
    assert figures["total_lt_working_days"] == 33
    assert round(figures["activity_ratio"], 2) == 2.47
    assert round(figures["rolled_pct_ca"], 1) == 58.1
    assert [s["name"] for s in data["steps"]][0] == "Kirjaaminen"
    assert data["steps"][0]["legal_basis"] == "TiHL 25 §"
    assert data["steps"][0]["log"] is None and data["steps"][0]["estimate"]
    assert (
        client.get(f"/api/v1/processes/{process.pk}/versions/999999").status_code == 404
    )


def test_reviews_list_for_staff(client, cast, process):
    review_actions.review_create(
        process=process, year=2026, due_date=date(2026, 11, 30)
    )
    client.force_login(cast.employee)
    data = client.get("/api/v1/processes/reviews", {"status": "scheduled"}).json()
    assert [r["process"] for r in data["results"]] == [process.pk]


def test_other_versions_of_other_processes_are_404(client, org, area, process, version):
    other = make_process(org, area, group_name="Toinen")
    assert (
        client.get(f"/api/v1/processes/{other.pk}/versions/{version.pk}").status_code
        == 404
    )
    actions.process_update(process=process, by=None, is_published=False)
    assert (
        client.get(f"/api/v1/processes/{process.pk}/versions/{version.pk}").status_code
        == 404
    )
