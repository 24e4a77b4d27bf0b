"""The working-life survey: anonymous, once per person, and nothing under five."""

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from tuuma.organisation.models import Unit
from tuuma.productivity import actions
from tuuma.productivity.models import SurveyParticipation, SurveyResponse
from tuuma.productivity.survey_results import survey_results

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(org, area):
    return Unit.objects.create(organisation=org, service_area=area, name="Kirjasto")


def _answer(survey, person, unit, value=4, recommendation=9):
    values = {s.pk: value for s in survey.statements.all()}
    return actions.survey_answer(
        survey=survey, person=person, unit=unit, values=values,
        recommendation=recommendation,
    )  # fmt: skip


def test_an_answer_is_stored_without_anything_that_leads_to_the_person(
    open_survey, cast, unit
):
    response = _answer(open_survey, cast.employee, unit)
    columns = {f.column for f in SurveyResponse._meta.concrete_fields}
    assert columns == {
        "id",
        "organisation_id",
        "survey_id",
        "unit_id",
        "recommendation",
    }
    assert len(str(response.pk)) == 36  # a random key, not a sequence
    assert SurveyParticipation.objects.filter(person=cast.employee).count() == 1


def test_a_person_answers_once_and_a_closed_survey_refuses(open_survey, cast, unit):
    _answer(open_survey, cast.employee, unit)
    with pytest.raises(actions.SurveyAnswerError, match="already answered"):
        _answer(open_survey, cast.employee, unit)
    open_survey.closes_on = timezone.localdate() - timedelta(days=1)
    open_survey.save()
    with pytest.raises(actions.SurveyAnswerError, match="not open"):
        _answer(open_survey, cast.manager, unit)
    assert SurveyResponse.objects.count() == 1


def test_every_statement_must_be_answered_on_the_scale(open_survey, cast, unit):
    with pytest.raises(actions.SurveyAnswerError):
        _answer(open_survey, cast.employee, unit, value=6)
    with pytest.raises(actions.SurveyAnswerError):
        actions.survey_answer(
            survey=open_survey, person=cast.employee, unit=unit, values={},
            recommendation=None,
        )  # fmt: skip
    assert not SurveyParticipation.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_parallel_double_submits_count_once(open_survey, cast, unit):
    def submit(_):
        try:
            _answer(open_survey, cast.employee, unit)
            return "ok"
        except actions.SurveyAnswerError:
            return "refused"
        finally:
            connection.close()

    with ThreadPoolExecutor(4) as pool:
        outcomes = list(pool.map(submit, range(8)))
    assert outcomes.count("ok") == 1
    assert SurveyResponse.objects.count() == 1


def test_a_unit_with_four_answers_is_hidden_and_five_are_shown(
    open_survey, org, cast, unit, area
):
    from conftest import make_user

    people = [make_user(org, f"staff{n}") for n in range(9)]
    small = Unit.objects.create(organisation=org, service_area=area, name="Pieni")
    for person in people[:5]:
        _answer(open_survey, person, unit, value=5, recommendation=10)
    for person in people[5:]:
        _answer(open_survey, person, small, value=1, recommendation=0)
    overall, units = survey_results(open_survey)
    by_name = {group.name: group.figures for group in units}
    assert by_name["Pieni"].suppressed and by_name["Pieni"].index is None
    assert by_name["Kirjasto"].index == 100.0
    assert by_name["Kirjasto"].recommendation_score == 100.0
    assert overall.figures.responses == 9
    assert overall.figures.index == pytest.approx(5 * 100 / 9)
