"""Whose levels each role sees on a unit's page, and the record of reads."""

import pytest
from django.urls import reverse

from tuuma.audit.models import AccessLogEntry
from tuuma.competence.tests.conftest import member

NAMES = ["Worker1", "Worker2", "Worker3", "Worker4", "Worker5"]


def unit_page(client, user, team):
    client.force_login(user)
    return client.get(reverse("competence:unit", args=[team.unit.pk]))


def names_in(response):
    html = response.content.decode()
    return [n for n in NAMES if f'<th scope="col">{n}</th>' in html]


@pytest.mark.parametrize(
    ("role", "names", "figures"),
    [
        ("employee", [], False),
        ("moderator", [], False),
        ("process_owner", [], False),
        ("caselog_analyst", [], False),
        ("manager", [], True),
        ("productivity_lead", NAMES, True),
        ("administrator", NAMES, True),
    ],
)
def test_each_role_sees_names_only_where_allowed(
    client, cast, team, role, names, figures
):
    response = unit_page(client, cast[role], team)
    assert response.status_code == 200
    assert names_in(response) == names
    assert (response.context["figures"] is not None) is figures


def test_a_resident_is_refused(client, cast, team):
    assert unit_page(client, cast.resident, team).status_code == 403


def test_another_organisation_gets_not_found(client, outsider, team):
    client.force_login(outsider)
    url = reverse("competence:unit", args=[team.unit.pk])
    assert client.get(url, HTTP_HOST="pori.testserver").status_code == 404


def test_the_supervisor_sees_their_team_and_the_figures(client, team):
    response = unit_page(client, team.boss, team)
    assert names_in(response) == NAMES
    assert response.context["figures"] is not None


def test_the_supervisor_of_another_unit_sees_no_names_here(client, team):
    response = unit_page(client, team.other_boss, team)
    assert names_in(response) == []
    assert response.context["figures"] is None


def test_an_employee_sees_only_their_own_row(client, team):
    response = unit_page(client, team.workers[2], team)
    assert names_in(response) == ["Worker3"]


def test_managers_see_no_figures_for_a_unit_under_five_people(
    client, cast, team, org, area
):
    from tuuma.competence.actions import task_create
    from tuuma.organisation.models import Unit

    small = Unit.objects.create(organisation=org, service_area=area, name="Pieni")
    member(org, area, small, "solo")
    task_create(unit=small, name="Yksin")
    client.force_login(cast.manager)
    response = client.get(reverse("competence:unit", args=[small.pk]))
    assert response.context["figures"] is None
    index = client.get(reverse("competence:index"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Pieni" in index.content.decode()
    assert index.context["rows"][-1]["figures"] is None


def test_every_read_by_someone_else_is_recorded_and_shown_to_the_person(client, team):
    unit_page(client, team.boss, team)
    worker = team.workers[0]
    entry = AccessLogEntry.objects.get(subject=worker, viewer=team.boss)
    assert entry.view_name == "competence:unit" and "Kirjaamo" in entry.what
    client.force_login(worker)
    html = client.get(reverse("competence:mine")).content.decode()
    assert "Boss" in html and "Kirjaamo" in html


def test_reading_ones_own_levels_is_not_recorded(client, team):
    unit_page(client, team.workers[0], team)
    assert not AccessLogEntry.objects.filter(viewer=team.workers[0]).exists()


def test_absence_comparison_needs_figures(client, cast, team):
    client.force_login(cast.employee)
    url = reverse("competence:absences", args=[team.unit.pk])
    response = client.get(url)
    assert response.status_code == 200 and response.context["hidden"]
    client.force_login(cast.manager)
    response = client.get(url)
    assert response.status_code == 200 and "hidden" not in response.context


def test_expert_finder_is_for_staff_and_names_qualified_people(client, cast, team):
    url = reverse("competence:experts") + f"?task={team.registry.pk}&level=3"
    client.force_login(cast.resident)
    assert client.get(url).status_code == 403
    client.force_login(cast.employee)
    html = client.get(url).content.decode()
    assert "Worker1" in html and "Worker2" not in html


def test_a_self_assessment_is_saved_from_my_page(client, team):
    client.force_login(team.workers[3])
    client.post(reverse("competence:mine"), {"task": team.registry.pk, "level": 2})
    assert team.workers[3].competence_assessments.get().kind == "self"
