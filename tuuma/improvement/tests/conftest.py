"""Fixtures of the improvement tests, built with the real actions."""

import pytest


@pytest.fixture
def survey(org, area, cast):
    """An open Kano survey of ``area`` with two features, anonymous answers allowed."""
    from tuuma.improvement import survey_actions as actions

    survey = actions.survey_create(
        organisation=org,
        by=cast.productivity_lead,
        title_fi="Palvelun ominaisuudet",
        title_en="Service features",
        service_area=area,
        allow_anonymous=True,
        ask_importance=True,
    )
    actions.feature_add(survey=survey, name_fi="Käsittelyn seuranta verkossa")
    actions.feature_add(survey=survey, name_fi="Tekstiviesti päätöksestä")
    return actions.survey_open(survey=survey)


def answer_data(survey, functional=1, dysfunctional=5, importance=None) -> dict:
    data = {}
    for feature in survey.features.all():
        data[f"f{feature.pk}"] = functional
        data[f"d{feature.pk}"] = dysfunctional
        if importance is not None:
            data[f"i{feature.pk}"] = importance
    return data


@pytest.fixture
def measure(org, area, cast):
    """A planned measure of ``area`` (programme's own action)."""
    from datetime import date

    from tuuma.programme import actions
    from tuuma.programme.models import MeasureClass

    focus = actions.focus_area_create(organisation=org, name="Uudistuva kunta")
    goal = actions.goal_create(focus_area=focus, title="Prosessien uudistaminen")
    return actions.measure_create(
        organisation=org,
        by=cast.productivity_lead,
        goal=goal,
        title="Sähköinen rakennuslupa",
        description="Lupahakemukset sähköisiksi.",
        measure_class=MeasureClass.DEVELOPMENT_PROJECT,
        service_area=area,
        owner=cast.process_owner,
        start_date=date(2026, 1, 1),
        due_date=date(2026, 12, 31),
    )


@pytest.fixture
def problem(org, area, cast):
    from tuuma.ideas.tests.factories import make_idea

    return make_idea(
        org,
        cast.employee,
        title="Lupakäsittely jumittaa",
        kind="problem",
        service_area=area,
    )


@pytest.fixture
def caselog(org, area, cast):
    """A case log with one version of 730 cases over two years.

    Rows are written directly: a real import needs an event-log file and the
    engine, and the priority list reads only the version's size and span.
    """
    from datetime import UTC, datetime

    from tuuma.caselog.models import CaseLog, CaseLogVersion

    log = CaseLog.objects.create(
        organisation=org,
        name="Rakennusluvat",
        service_area=area,
        created_by=cast.caselog_analyst,
    )
    version = CaseLogVersion.objects.create(
        caselog=log,
        number=1,
        import_key="k1",
        directory="x",
        source_name="luvat.csv",
        source_format="csv",
        cases=730,
        events=5000,
        first_event_at=datetime(2024, 1, 1, tzinfo=UTC),
        last_event_at=datetime(2025, 12, 31, 12, tzinfo=UTC),
        imported_by=cast.caselog_analyst,
    )
    log.current_version = version
    log.save(update_fields=["current_version"])
    return log


@pytest.fixture
def a3(org, area, cast, problem):
    from tuuma.improvement import a3_actions

    return a3_actions.a3_create(
        organisation=org,
        owner=cast.process_owner,
        title="Lupakäsittelyn pullonkaula",
        problem=problem,
        background="Jonot kasvavat.",
    )
