"""XLSX exports (suppressed stays suppressed) and survey remarks made ideas."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from conftest import make_user
from tuuma.audit.models import AuditEntry
from tuuma.ideas.models import Idea, IdeaKind
from tuuma.organisation.models import Unit
from tuuma.productivity import actions
from tuuma.productivity.models import SurveyRemark

pytestmark = pytest.mark.django_db


def _sheets(response) -> dict[str, list[tuple]]:
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    return {sheet.title: list(sheet.values) for sheet in book.worksheets}


@pytest.fixture
def units(org, area):
    return [
        Unit.objects.create(organisation=org, service_area=area, name=name)
        for name in ("Kirjasto", "Tekninen")
    ]


def _answer(survey, person, unit, **remark):
    actions.survey_answer(
        survey=survey, person=person, unit=unit,
        values={s.pk: 4 for s in survey.statements.all()}, recommendation=10,
        **remark,
    )  # fmt: skip


def test_a_resident_downloads_the_published_products_only(client, figures):
    sheets = _sheets(client.get("/en/tuottavuus/tuotteet.xlsx"))
    assert list(sheets) == ["Products"]
    header, *rows = sheets["Products"]
    assert "Costs (€)" not in header
    assert [row[2] for row in rows] == ["Tuote A"]
    assert rows[0][4:8] == (2025, 40, 10, 100)  # year, volume, 400 € / 40, e-service


def test_staff_download_the_area_with_indices_and_it_is_audited(
    client, cast, area, figures
):
    client.force_login(cast.employee)
    sheets = _sheets(client.get(f"/en/tuottavuus/alueet/{area.pk}/luvut.xlsx"))
    assert set(sheets) == {
        "Products",
        "Productivity indices",
        "Working hours by unit",
        "Working life",
    }
    assert [row[2] for row in sheets["Products"][1:]] == ["Tuote A", "Tuote B"]
    assert sheets["Productivity indices"][1][2] == 100  # volume index, base year
    assert AuditEntry.objects.filter(action="productivity.exported").count() == 1


def test_a_unit_under_five_answers_stays_suppressed_in_the_export(
    client, cast, open_survey, units, org
):
    people = [make_user(org, f"p{i}", "employee") for i in range(6)]
    for person in people[:5]:
        _answer(open_survey, person, units[0])
    _answer(open_survey, people[5], units[1])
    client.force_login(cast.employee)
    rows = _sheets(client.get(f"/en/tuottavuus/kyselyt/{open_survey.pk}/tulokset.xlsx"))
    by_group = {row[0]: row[1:] for row in rows["Results"][1:]}
    assert by_group["Kirjasto"][:3] == (5, 75, 100)
    assert by_group["Tekninen"] == ("Fewer than five answers: not shown",) + (None,) * (
        len(by_group["Tekninen"]) - 1
    )


def test_a_remark_is_kept_apart_and_a_lead_makes_an_allowed_one_an_idea(
    client, cast, open_survey, units, org
):
    people = [make_user(org, f"p{i}", "employee") for i in range(5)]
    _answer(
        open_survey, people[0], units[0],
        remark="Kokoukset voisi lyhentää.", remark_may_become_idea=True,
    )  # fmt: skip
    _answer(open_survey, people[1], units[0], remark="Vain johdolle.")
    for person in people[2:]:
        _answer(open_survey, person, units[0])
    allowed = SurveyRemark.objects.get(may_become_idea=True)
    columns = {f.column for f in SurveyRemark._meta.concrete_fields}
    assert columns == {
        "id", "organisation_id", "survey_id", "text", "may_become_idea", "idea_id",
    }  # fmt: skip
    client.force_login(cast.productivity_lead)
    remarks_url = f"/en/tuottavuus/kyselyt/{open_survey.pk}/huomiot/"
    assert "Kokoukset" not in client.get(remarks_url).content.decode()  # still open
    idea_url = f"/en/tuottavuus/huomiot/{allowed.pk}/ideaksi/"
    client.post(idea_url, {"title": "Lyhyemmät kokoukset"})
    assert not Idea.objects.exists()
    open_survey.closes_on = timezone.localdate() - timedelta(days=1)
    open_survey.save()
    page = client.get(remarks_url).content.decode()
    assert "Kokoukset voisi lyhentää." in page and "Vain johdolle." in page
    response = client.post(idea_url, {"title": "Lyhyemmät kokoukset"})
    idea = Idea.objects.get()
    assert response.url == idea.get_absolute_url()
    assert idea.author == cast.productivity_lead
    assert idea.kind == IdeaKind.STAFF_INITIATIVE and idea.is_staff_only is False
    assert "working-life survey" in client.get(idea.get_absolute_url()).content.decode()
    client.post(idea_url, {"title": "Toinen kerta"})
    refused = SurveyRemark.objects.get(may_become_idea=False)
    client.post(f"/en/tuottavuus/huomiot/{refused.pk}/ideaksi/", {"title": "Ei"})
    assert Idea.objects.count() == 1
