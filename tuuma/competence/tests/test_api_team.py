from datetime import date

from tuuma.audit.models import AccessLogEntry
from tuuma.competence.actions import assessment_record
from tuuma.competence.models import AbsencePlan
from tuuma.competence.planning_actions import (
    absence_add,
    absence_plan_create,
    training_need_create,
)


def _summer(team) -> AbsencePlan:
    plan = absence_plan_create(unit=team.unit, name="Kesä 2026")
    # The only registrar away for three weeks of July.
    absence_add(
        plan=plan, person=team.workers[0], start=date(2026, 7, 6), end=date(2026, 7, 24)
    )
    absence_add(
        plan=plan, person=team.workers[2], start=date(2026, 6, 1), end=date(2026, 6, 5)
    )
    return plan


def test_a_supervisor_reads_their_teams_ratings_and_each_read_is_logged(client, team):
    assessment_record(
        task=team.registry, person=team.workers[1], by=team.workers[1], level=3
    )
    client.force_login(team.boss)
    url = f"/api/v1/competence/units/{team.unit.pk}/team-assessments"
    body = client.get(url).json()
    kinds = {(r["person"], r["kind"]) for r in body["results"]}
    assert (team.workers[1].pk, "self") in kinds
    assert (team.workers[0].pk, "agreed") in kinds
    logged = AccessLogEntry.objects.filter(
        viewer=team.boss, view_name="api-competence-team-assessments"
    )
    assert {e.subject_id for e in logged} == {w.pk for w in team.workers[:3]}
    one = client.get(url, {"person": team.workers[1].pk}).json()["results"]
    assert {r["person"] for r in one} == {team.workers[1].pk}
    assert client.get(url, {"person": "x"}).status_code == 400


def test_team_ratings_are_empty_for_an_employee_and_a_supervisor_of_another_unit(
    client, team
):
    url = f"/api/v1/competence/units/{team.unit.pk}/team-assessments"
    for reader in (team.workers[1], team.other_boss):
        client.force_login(reader)
        assert client.get(url).json()["count"] == 0
        assert client.get(url, {"person": team.workers[0].pk}).json()["count"] == 0


def test_own_ratings_come_newest_first(client, team):
    assessment_record(
        task=team.archive, person=team.workers[1], by=team.workers[1], level=4
    )
    client.force_login(team.workers[1])
    rows = client.get("/api/v1/competence/me/assessments").json()["results"]
    assert rows[0]["kind"] == "self" and rows[0]["level"] == 4
    assert {r["person"] for r in rows} == {team.workers[1].pk}


def test_absence_plans_show_names_to_the_supervisor_and_only_counts_to_a_manager(
    client, cast, team
):
    plan = _summer(team)
    url = f"/api/v1/competence/units/{team.unit.pk}/absence-plans"
    client.force_login(team.boss)
    [row] = client.get(url).json()["results"]
    assert row["id"] == plan.pk and row["absence_count"] == 2
    assert {a["person"] for a in row["absences"]} == {
        team.workers[0].pk,
        team.workers[2].pk,
    }
    client.force_login(cast.manager)
    [row] = client.get(url).json()["results"]
    assert row["absence_count"] == 2 and row["absences"] == []
    client.force_login(team.workers[2])
    [row] = client.get(url).json()["results"]
    assert row["absence_count"] is None
    assert [a["person"] for a in row["absences"]] == [team.workers[2].pk]


def test_plan_weeks_show_when_registering_is_uncovered_and_the_queue(
    client, cast, team, outsider
):
    plan = _summer(team)
    url = f"/api/v1/competence/absence-plans/{plan.pk}/weeks"
    client.force_login(cast.manager)
    body = client.get(url).json()
    assert body["shown"] is True
    assert (body["start"], body["end"]) == ("2026-06-01", "2026-08-31")
    uncovered = [
        w["monday"] for w in body["weeks"] if team.registry.pk in w["uncovered"]
    ]
    assert uncovered == ["2026-07-06", "2026-07-13", "2026-07-20"]
    [queue] = body["extra_queue"]
    assert queue["task"] == team.registry.pk and round(queue["cases"]) == 173
    assert "Worker" not in str(body)
    assert (
        client.get(url, {"start": "2026-09-01", "end": "2026-06-01"}).status_code == 400
    )
    assert client.get(url, {"start": "kesä"}).status_code == 400
    client.force_login(team.workers[1])
    body = client.get(url).json()
    assert body["shown"] is False and body["weeks"] == []
    client.force_login(outsider)
    assert client.get(url, HTTP_HOST="pori.testserver").status_code == 404


def test_unit_training_needs_show_the_team_to_the_supervisor_only(client, team):
    training_need_create(task=team.registry, person=team.workers[1], reason="spof")
    training_need_create(task=team.registry, person=team.workers[2], reason="spof")
    url = f"/api/v1/competence/units/{team.unit.pk}/training-needs"
    client.force_login(team.boss)
    rows = client.get(url).json()["results"]
    assert {r["person"] for r in rows} == {team.workers[1].pk, team.workers[2].pk}
    client.force_login(team.workers[1])
    rows = client.get(url).json()["results"]
    assert [r["person"] for r in rows] == [team.workers[1].pk]
    client.force_login(team.other_boss)
    assert client.get(url).json()["count"] == 0
