from tuuma.audit.models import AccessLogEntry


def test_coverage_api_gives_counts_to_a_manager_and_no_names(client, cast, team):
    client.force_login(cast.manager)
    response = client.get(f"/api/v1/competence/units/{team.unit.pk}/coverage")
    assert response.status_code == 200
    body = response.json()
    assert body["people"] == 6 and body["single_points_of_failure"] == 1
    assert "Worker1" not in response.content.decode()


def test_coverage_api_shows_an_employee_no_figures_and_hides_other_organisations(
    client, cast, team, outsider
):
    client.force_login(cast.employee)
    url = f"/api/v1/competence/units/{team.unit.pk}/coverage"
    body = client.get(url).json()
    assert body["shown"] is False and body["people"] is None and body["tasks"] == []
    client.force_login(outsider)
    assert client.get(url, HTTP_HOST="pori.testserver").status_code == 404
    client.logout()
    assert client.get(url).status_code in (401, 403)


def test_levels_api_shows_a_supervisor_their_team_and_records_it(client, team):
    client.force_login(team.boss)
    rows = client.get(f"/api/v1/competence/units/{team.unit.pk}/levels").json()
    assert rows["count"] == 4
    assert AccessLogEntry.objects.filter(
        viewer=team.boss, view_name="api-competence-levels"
    ).exists()
    client.force_login(team.other_boss)
    rows = client.get(f"/api/v1/competence/units/{team.unit.pk}/levels").json()
    assert rows["count"] == 0


def test_my_levels_api_lists_only_ones_own(client, team):
    client.force_login(team.workers[1])
    rows = client.get("/api/v1/competence/me/levels").json()["results"]
    assert {r["person"] for r in rows} == {team.workers[1].pk}
    assert len(rows) == 2
