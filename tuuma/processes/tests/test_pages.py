"""The pages: tree and search, a process with its VSM, forms, compare, exports."""

import io

import pytest
from openpyxl import load_workbook

from tuuma.processes import actions
from tuuma.processes.models import Step
from tuuma.processes.tests.conftest import add_worked_example

pytestmark = pytest.mark.django_db


def test_the_catalogue_is_a_tree_by_service_area_and_searchable(client, process):
    page = client.get("/prosessit/").content.decode()
    assert "Tekniset palvelut" in page
    assert 'class="tree"' in page
    assert process.name in page
    found = client.get("/prosessit/", {"q": "asianhall"}).content.decode()
    assert process.get_absolute_url() in found
    none = client.get("/prosessit/", {"q": "olematon"}).content.decode()
    assert process.get_absolute_url() not in none


def test_the_process_page_shows_sipoc_steps_and_an_accessible_timeline(
    client, process, version
):
    actions.process_update(process=process, by=None, customers="Kuntalaiset")
    page = client.get(process.get_absolute_url()).content.decode()
    assert "Kuntalaiset" in page
    assert 'role="img"' in page and "<title id=" in page
    assert "Kirjaaminen" in page and "TiHL 25 §" in page
    # DOMAIN's worked example: 33 working days, 2,47 %, 58,1 %.
    assert "33,0" in page
    assert "2,47 %" in page
    assert "58,1 %" in page


def test_an_owner_adds_edits_and_reorders_steps(client, cast, process, version):
    client.force_login(cast.process_owner)
    url = f"/prosessit/{process.pk}/versiot/{version.pk}/vaiheet/uusi/"
    response = client.post(
        url,
        {
            "name": "Arkistointi",
            "performer_role": "arkisto",
            "value_class": "NNVA",
            "legal_basis": "Arkistolaki",
            "pt_minutes": "5",
            "lt_days": "1",
            "handoffs": "0",
            "wastes": ["I"],
            "activities": "arkistointi",
            "is_estimate": "on",
        },
    )
    assert response.status_code == 302
    step = version.steps.get(name="Arkistointi")
    assert step.lt_minutes == 435
    assert step.position == 6 and step.wastes == ["I"]
    client.post(
        f"/prosessit/{process.pk}/versiot/{version.pk}/vaiheet/{step.pk}/siirra/",
        {"up": "1"},
    )
    step.refresh_from_db()
    assert step.position == 5


def test_a_necessary_step_needs_its_legal_basis(client, cast, process, version):
    client.force_login(cast.process_owner)
    response = client.post(
        f"/prosessit/{process.pk}/versiot/{version.pk}/vaiheet/uusi/",
        {
            "name": "x",
            "performer_role": "r",
            "value_class": "NNVA",
            "pt_minutes": "1",
            "lt_days": "1",
            "handoffs": "0",
        },
    )
    assert response.status_code == 200
    assert not Step.objects.filter(name="x").exists()


def test_versions_compare_side_by_side(client, process, version):
    future = actions.version_create(
        process=process, by=None, name="Tavoitetila", state="to_be", copy_from=version
    )
    step = future.steps.get(name="Valmistelu")
    actions.step_save(version=future, step=step, lt_minutes=2 * 435)
    page = client.get(f"/prosessit/{process.pk}/vertailu/").content.decode()
    assert "Nykytila" in page and "Tavoitetila" in page
    assert "33,0" in page and "25,0" in page


def test_raci_and_the_catalogue_export_to_xlsx_and_csv(client, process, version):
    response = client.get(f"/prosessit/{process.pk}/versiot/{version.pk}/raci.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("#", "Vaihe") or rows[0][:2] == ("#", "Step")
    header = list(rows[0])
    assert rows[1][header.index("kirjaamo")] == "R"
    assert rows[1][header.index("päällikkö")] == "A"
    catalogue = client.get("/prosessit/luettelo.xlsx")
    names = [
        r[2]
        for r in load_workbook(io.BytesIO(catalogue.content)).active.iter_rows(
            values_only=True
        )
    ]
    assert process.name in names
    assert process.name in client.get("/prosessit/luettelo.csv").content.decode(
        "utf-8-sig"
    )


def test_a_version_comment_is_kept(client, cast, process, version):
    client.force_login(cast.employee)
    client.post(
        f"/prosessit/{process.pk}/versiot/{version.pk}/kommentit/",
        {"text": "Lausunnot viipyvät"},
    )
    assert (
        "Lausunnot viipyvät" in client.get(version.get_absolute_url()).content.decode()
    )


def test_linked_ideas_and_measures_show_on_the_process_page(
    client, cast, process, measure
):
    client.force_login(cast.process_owner)
    response = client.post(f"/prosessit/{process.pk}/linkit/", {"measure": measure.pk})
    assert response.status_code == 302
    actions.process_update(process=process, by=None)
    page = client.get(process.get_absolute_url()).content.decode()
    assert measure.title in page


def test_a_parallel_branch_group_counts_its_longest_branch_on_the_page(client, process):
    version = add_worked_example(process)
    for step in version.steps.filter(name__in=["Lausuntokierros", "Päätös"]):
        actions.step_save(version=version, step=step, parallel_group="A")
    page = client.get(version.get_absolute_url()).content.decode()
    assert "28,0" in page  # 33 - 5: the decision runs alongside the statements
