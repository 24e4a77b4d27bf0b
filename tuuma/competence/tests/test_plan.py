"""The personnel and training plan (page, PDF, XLSX) and the rotation page."""

import io

import polars as pl
from django.urls import reverse
from django.utils import translation

from tuuma.competence.actions import task_create
from tuuma.competence.models import NeedReason, TrainingNeed
from tuuma.competence.planning_actions import training_need_create
from tuuma.competence.tests.conftest import member
from tuuma.organisation.models import Unit

NAMES = ["Worker1", "Worker2", "Worker3", "Worker4", "Worker5", "Boss"]


def en_url(name: str, args) -> str:
    """The English page, whatever language the last request left active."""
    with translation.override("en"):
        return reverse(name, args=args)


def get(client, user, name, unit_id, query=""):
    client.force_login(user)
    url = en_url(f"competence:{name}", args=[unit_id]) + query
    return client.get(url, HTTP_ACCEPT_LANGUAGE="en")


def test_the_plan_shows_counts_and_training_but_no_names(client, cast, team):
    training_need_create(task=team.archive, person=team.workers[4], reason="gap")
    response = get(client, cast.manager, "plan", team.unit.pk)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Registering" in html and "1 / 2" in html
    assert "Training plan" in html and "0 → 3" in html
    assert not any(name in html for name in NAMES)


def test_the_plan_is_a_pdf_and_a_workbook(client, cast, team):
    pdf = get(client, cast.manager, "plan-pdf", team.unit.pk)
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    xlsx = get(client, cast.manager, "plan-xlsx", team.unit.pk)
    sheets = pl.read_excel(io.BytesIO(xlsx.content), engine="calamine", sheet_id=0)
    coverage = next(iter(sheets.values()))
    assert "Registering" in coverage.to_series(0).to_list()


def test_the_plan_of_a_unit_under_five_people_shows_no_figures(client, cast, org, area):
    small = Unit.objects.create(organisation=org, service_area=area, name="Pieni")
    member(org, area, small, "solo")
    task_create(unit=small, name="Yksin tehty")
    response = get(client, cast.productivity_lead, "plan", small.pk)
    assert response.context["suppressed"]
    assert "Yksin tehty" not in response.content.decode()


def test_employees_and_residents_get_no_plan(client, cast, team):
    for role in ("employee", "resident"):
        assert get(client, cast[role], "plan", team.unit.pk).status_code == 403


def test_rotation_keeps_critical_cover_and_reduces_single_points(client, cast, team):
    response = get(
        client,
        cast.productivity_lead,
        "rotation",
        team.unit.pk,
        "?start=2026-09-01&end=2026-11-30&mentor_load=2",
    )
    plan = response.context["plan"]
    assert response.status_code == 200
    assert plan.spof_before == 1 and plan.spof_after == 0
    slots = response.context["slots"]
    assert {s["person"] for s in slots}.isdisjoint({s["mentor"] for s in slots})
    assert team.workers[0] not in {s["person"] for s in slots}  # sole holder stays


def test_rotations_are_saved_as_training_needs_with_mentor_and_date(client, cast, team):
    client.force_login(cast.productivity_lead)
    url = reverse("competence:rotation", args=[team.unit.pk])
    data = {"start": "2026-09-01", "end": "2026-11-30", "mentor_load": 2}
    assert client.post(url, data).status_code == 302
    needs = TrainingNeed.objects.filter(task__unit=team.unit)
    assert needs.exists()
    assert all(n.mentor and n.due.isoformat() == "2026-11-30" for n in needs)
    assert needs.filter(task=team.registry, reason=NeedReason.SPOF).exists()


def test_the_rotation_page_names_people_so_managers_are_refused(client, cast, team):
    assert get(client, cast.manager, "rotation", team.unit.pk).status_code == 403


def test_picking_people_away_shows_the_weeks_a_task_is_left_uncovered(client, team):
    sole = team.workers[0]
    query = f"?start=2026-06-01&end=2026-06-28&away={sole.pk}&away={team.stranger.pk}"
    response = get(client, team.boss, "absences", team.unit.pk, query)
    (result,) = response.context["results"]
    assert result["key"] == "away" and "Worker1" in result["name"]
    assert "Stranger" not in result["name"]  # not a person of this unit
    assert result["uncovered_weeks"] == 4
    assert all(team.registry in week["uncovered"] for week in result["weeks"])


def test_two_holiday_plans_are_compared_side_by_side(client, cast, team):
    from datetime import date

    from tuuma.competence.planning_actions import absence_add, absence_plan_create

    together = absence_plan_create(unit=team.unit, name="Kaikki heinäkuussa")
    apart = absence_plan_create(unit=team.unit, name="Porrastettu")
    sole = team.workers[0]
    absence_add(
        plan=together, person=sole, start=date(2027, 7, 5), end=date(2027, 7, 25)
    )
    absence_add(
        plan=apart,
        person=team.workers[2],
        start=date(2027, 7, 5),
        end=date(2027, 7, 25),
    )
    query = f"?plan={together.pk}&plan={apart.pk}&start=2027-06-28&end=2027-08-01"
    response = get(client, cast.manager, "absences", team.unit.pk, query)
    results = {r["name"]: r for r in response.context["results"]}
    assert set(results) == {"Kaikki heinäkuussa", "Porrastettu"}
    assert results["Kaikki heinäkuussa"]["uncovered_weeks"] == 3
    assert results["Porrastettu"]["uncovered_weeks"] == 0
    queue = results["Kaikki heinäkuussa"]["queue"]
    assert queue and queue[0][0] == team.registry
