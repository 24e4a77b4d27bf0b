"""The improvement block on idea and measure pages: Kano category, A3 links and
the priority score, for staff only."""

import pytest

from tuuma.ideas.tests.factories import answered_idea
from tuuma.improvement import a3_actions, priority_actions
from tuuma.improvement import survey_actions as actions
from tuuma.improvement.tests.test_surveys import _answers

pytestmark = pytest.mark.django_db


def test_staff_see_the_kano_category_on_the_idea_and_residents_do_not(
    client, survey, cast
):
    idea = answered_idea(survey.organisation, cast.resident, cast.moderator)
    feature = survey.features.first()
    actions.feature_link(feature=feature, idea=idea)
    actions.survey_answer(
        survey=survey, user=None, browser_token="x", answers=_answers(survey, 1, 3)
    )
    client.force_login(cast.employee)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Kano: A" in page and feature.name in page
    client.force_login(cast.resident)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Kano: A" not in page and "improvement-idea" not in page


def test_the_measure_page_shows_its_kano_category_a3_cause_and_score(
    client, survey, cast, measure, a3
):
    cause = a3_actions.cause_add(a3=a3, by=cast.process_owner, text="Allekirjoitus")
    measure = a3_actions.cause_to_measure(
        cause=cause,
        by=cast.process_owner,
        goal=measure.goal,
        measure_class=measure.measure_class,
        due_date=measure.due_date,
    )
    actions.feature_link(feature=survey.features.first(), measure=measure)
    actions.survey_answer(
        survey=survey, user=None, browser_token="x", answers=_answers(survey, 4, 5)
    )
    priority_actions.item_score(
        target=measure,
        by=cast.productivity_lead,
        impact=5,
        effort=2,
        impact_reason="Paljon hakemuksia",
        effort_reason="Valmis järjestelmä",
    )
    client.force_login(cast.manager)
    page = client.get(measure.get_absolute_url()).content.decode()
    assert "Kano: M" in page
    assert "Allekirjoitus" in page and a3.get_absolute_url() in page
    assert "5/5" in page and "2/5" in page


def test_an_a3_on_a_problem_shows_on_the_problem(client, cast, a3, problem):
    client.force_login(cast.employee)
    page = client.get(problem.get_absolute_url()).content.decode()
    assert a3.get_absolute_url() in page


def test_nothing_to_show_adds_no_block(client, cast, measure):
    client.force_login(cast.productivity_lead)
    page = client.get(measure.get_absolute_url()).content.decode()
    assert "improvement-measure" not in page
