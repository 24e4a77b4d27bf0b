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
