"""Who may see, change and comment on a measure, for every role of the cast."""

import pytest

from conftest import ROLE_KEYS
from tuuma.programme import actions
from tuuma.programme.models import MeasureStatus

pytestmark = pytest.mark.django_db

ROLES = [key for key, _role, _scoped in ROLE_KEYS]
# In the measure's own area: its owner (the process owner) and these roles.
MAY_CHANGE = {"process_owner", "productivity_lead", "manager", "administrator"}
# For a measure of another area the area-scoped lead and non-owners lose the right.
MAY_CHANGE_OTHER_AREA = {"manager", "administrator"}
STAFF = set(ROLES) - {"resident"}


@pytest.mark.parametrize("role", ROLES)
def test_only_owner_leads_and_managers_of_the_area_change_a_measure(
    client, cast, measure, role
):
    client.force_login(cast[role])
    response = client.post(
        f"/ohjelma/toimenpiteet/{measure.pk}/tila/", {"status": "in_progress"}
    )
    measure.refresh_from_db()
    if role in MAY_CHANGE:
        assert response.status_code == 302
        assert measure.status == MeasureStatus.IN_PROGRESS
    else:
        assert response.status_code == (404 if role == "resident" else 403)
        assert measure.status == MeasureStatus.PLANNED


@pytest.mark.parametrize("role", ROLES)
def test_in_another_area_only_organisation_wide_leads_change_it(
    client, cast, make_measure, other_area, role
):
    measure = make_measure(service_area=other_area, owner=cast.manager)
    actions.measure_set_published(measure=measure, published=True, by=cast.manager)
    client.force_login(cast[role])
    page = client.get(f"/ohjelma/toimenpiteet/{measure.pk}/muokkaa/")
    assert page.status_code == (200 if role in MAY_CHANGE_OTHER_AREA else 403)
    assert measure.can_be_changed_by(cast[role]) == (role in MAY_CHANGE_OTHER_AREA)


@pytest.mark.parametrize("role", ROLES)
def test_unpublished_measures_are_for_staff_and_published_for_everyone(
    client, cast, measure, role
):
    client.force_login(cast[role])
    url = f"/ohjelma/toimenpiteet/{measure.pk}/"
    assert client.get(url).status_code == (200 if role in STAFF else 404)
    actions.measure_set_published(measure=measure, published=True, by=cast.manager)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_every_staff_member_may_comment(client, cast, measure, role):
    actions.measure_set_published(measure=measure, published=True, by=cast.manager)
    client.force_login(cast[role])
    response = client.post(
        f"/ohjelma/toimenpiteet/{measure.pk}/kommentit/", {"text": "Kommentti"}
    )
    assert response.status_code == (302 if role in STAFF else 403)
    assert measure.comments.exists() == (role in STAFF)


@pytest.mark.parametrize("role", ROLES)
def test_creating_needs_a_process_owner_or_lead(client, cast, role):
    client.force_login(cast[role])
    response = client.get("/ohjelma/toimenpiteet/uusi/")
    allowed = {"process_owner", "productivity_lead", "manager", "administrator"}
    assert response.status_code == (200 if role in allowed else 403)


def test_process_owner_may_create_only_in_their_own_area(
    client, cast, goal, area, other_area
):
    client.force_login(cast.process_owner)
    page = client.get("/ohjelma/toimenpiteet/uusi/").content.decode()
    assert f'<option value="{area.pk}">Tekniset palvelut</option>' in page
    assert "Sivistyspalvelut" not in page


def test_staff_of_another_organisation_get_404_everywhere(client, outsider, measure):
    actions.measure_set_published(
        measure=measure, published=True, by=measure.created_by
    )
    client.force_login(outsider)
    for url in [
        f"/ohjelma/toimenpiteet/{measure.pk}/",
        f"/ohjelma/toimenpiteet/{measure.pk}/muokkaa/",
    ]:
        response = client.get(url, HTTP_HOST="pori.testserver")
        assert response.status_code == 404
    response = client.post(
        f"/ohjelma/toimenpiteet/{measure.pk}/tila/",
        {"status": "done"},
        HTTP_HOST="pori.testserver",
    )
    assert response.status_code == 404
    listing = client.get("/ohjelma/", HTTP_HOST="pori.testserver").content.decode()
    assert measure.title not in listing


def test_indicator_and_milestone_of_another_organisation_are_404(
    client, outsider, measure
):
    from datetime import date

    indicator = actions.indicator_create(
        measure=measure,
        name="N",
        unit="kpl",
        direction="increase",
        baseline_value=1,
        baseline_date=date(2026, 1, 1),
        target_value=2,
        target_date=date(2026, 12, 1),
    )
    milestone = actions.milestone_add(
        measure=measure, title="M", due_date=date(2026, 3, 1)
    )
    client.force_login(outsider)
    response = client.post(
        f"/ohjelma/mittarit/{indicator.pk}/arvot/",
        {"date": "2026-02-01", "value": "1"},
        HTTP_HOST="pori.testserver",
    )
    assert response.status_code == 404
    response = client.post(
        f"/ohjelma/valitavoitteet/{milestone.pk}/saavutettu/",
        HTTP_HOST="pori.testserver",
    )
    assert response.status_code == 404
