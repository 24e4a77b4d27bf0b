"""An A3 on a process step: it takes the process's service area and shows the
step's value stream map with the current state."""

import pytest
from django.urls import reverse

from tuuma.improvement import a3_actions as actions
from tuuma.improvement.errors import ImprovementError
from tuuma.improvement.models import A3
from tuuma.processes.tests.conftest import add_worked_example, make_process

pytestmark = pytest.mark.django_db


@pytest.fixture
def foreign_area(other_org):
    from tuuma.organisation.models import ServiceArea

    return ServiceArea.objects.create(organisation=other_org, name="Tekniset", slug="t")


@pytest.fixture
def step(org, area, cast):
    process = make_process(org, area, owner=cast.process_owner)
    return add_worked_example(process).steps.get(name="Lausuntokierros")


def test_an_a3_on_a_step_shows_the_value_stream_map_of_its_version(
    client, org, area, cast, step
):
    a3 = actions.a3_create(
        organisation=org,
        owner=cast.process_owner,
        title="Lausunnot viipyvät",
        process_step=step,
        current_state="Lausuntoja odotetaan 15 päivää.",
    )
    assert a3.service_area == area
    client.force_login(cast.employee)
    page = client.get(a3.get_absolute_url()).content.decode()
    assert f"#step-{step.pk}" in page
    assert "Lausuntoja odotetaan 15 päivää." in page
    # DOMAIN's worked example in the embedded map: 33 working days, 2,47 %.
    assert "2,47 %" in page and "33,0" in page
    assert 'role="img"' in page and "/static/processes/processes." in page
    # The embedded table is for reading: no step editing from the A3.
    assert "/poista/" not in page


def test_a_step_of_another_organisation_is_refused(
    org, other_org, foreign_area, outsider, cast
):
    foreign = make_process(other_org, foreign_area, owner=outsider)
    step = add_worked_example(foreign).steps.first()
    with pytest.raises(ImprovementError):
        actions.a3_create(
            organisation=org, owner=cast.process_owner, title="X", process_step=step
        )
    a3 = actions.a3_create(organisation=org, owner=cast.process_owner, title="Y")
    with pytest.raises(ImprovementError):
        actions.a3_update(a3=a3, process_step=step)


def test_the_a3_form_offers_the_organisations_steps_and_saves_one(
    client, org, area, cast, step, other_org, foreign_area, outsider
):
    foreign = add_worked_example(make_process(other_org, foreign_area, owner=outsider))
    client.force_login(cast.process_owner)
    form = client.get(reverse("improvement:a3-create")).content.decode()
    assert f'<option value="{step.pk}"' in form
    assert f'<option value="{foreign.steps.first().pk}"' not in form
    response = client.post(
        reverse("improvement:a3-create"),
        {
            "title": "Lausunnot viipyvät",
            "process_step": step.pk,
            "service_area": area.pk,
            "fishbone_set": "public_service",
        },
    )
    assert response.status_code == 302
    assert A3.objects.get().process_step == step


def test_deleting_the_step_keeps_the_a3(org, cast, step):
    from tuuma.processes import actions as processes

    a3 = actions.a3_create(
        organisation=org, owner=cast.process_owner, title="Z", process_step=step
    )
    processes.step_delete(step=step, by=cast.process_owner)
    a3.refresh_from_db()
    assert a3.process_step is None


def test_the_process_map_lists_the_a3s_on_its_steps_for_staff(client, org, cast, step):
    a3 = actions.a3_create(
        organisation=org, owner=cast.process_owner, title="Lausunnot", process_step=step
    )
    url = step.version.get_absolute_url()
    client.force_login(cast.employee)
    assert a3.get_absolute_url() in client.get(url).content.decode()
    client.force_login(cast.resident)
    assert a3.get_absolute_url() not in client.get(url).content.decode()


def test_a_cause_cites_a_kano_result_and_the_sheet_links_to_it(
    client, org, cast, survey, other_org, outsider
):
    from tuuma.improvement import survey_actions

    feature = survey.features.first()
    a3 = actions.a3_create(organisation=org, owner=cast.process_owner, title="Asiointi")
    client.force_login(cast.process_owner)
    response = client.post(
        reverse("improvement:cause-add", args=[a3.pk]),
        {"text": "Asiakas ei näe käsittelyn tilaa", "evidence_feature": feature.pk},
    )
    assert response.status_code == 302
    assert a3.causes.get().evidence_feature == feature
    page = client.get(a3.get_absolute_url()).content.decode()
    assert reverse("improvement:survey-results", args=[survey.pk]) in page
    foreign = survey_actions.survey_create(
        organisation=other_org, by=outsider, title_fi="Muu kysely"
    )
    foreign_feature = survey_actions.feature_add(survey=foreign, name_fi="X")
    with pytest.raises(ImprovementError):
        actions.cause_add(
            a3=a3, by=cast.process_owner, text="Y", evidence_feature=foreign_feature
        )
