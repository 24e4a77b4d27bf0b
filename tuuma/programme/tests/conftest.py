"""Programme test data, built with the real actions."""

from datetime import date

import pytest

from tuuma.programme import actions
from tuuma.programme.models import Goal, Measure, MeasureClass


@pytest.fixture
def goal(org) -> Goal:
    focus = actions.focus_area_create(organisation=org, name="Uudistuva kunta")
    return actions.goal_create(
        focus_area=focus, title="Oman toiminnan ja prosessien uudistaminen"
    )


@pytest.fixture
def make_measure(org, area, goal, cast):
    def make(**overrides) -> Measure:
        fields = {
            "organisation": org,
            "by": cast.productivity_lead,
            "goal": goal,
            "title": "Sähköinen rakennuslupa",
            "description": "Lupahakemukset sähköisiksi.",
            "measure_class": MeasureClass.DEVELOPMENT_PROJECT,
            "service_area": area,
            "owner": cast.process_owner,
            "start_date": date(2026, 1, 1),
            "due_date": date(2026, 12, 31),
            **overrides,
        }
        return actions.measure_create(**fields)

    return make


@pytest.fixture
def measure(make_measure) -> Measure:
    return make_measure()


@pytest.fixture
def published_idea(org, area, cast):
    """A resident's published idea, not answered yet."""
    from tuuma.ideas import actions as idea_actions

    return idea_actions.idea_create(
        organisation=org,
        author=cast.resident,
        kind="idea",
        title="Rakennuslupa verkossa",
        body="Haluaisin hakea lupaa verkossa.",
        service_area=area,
    )


@pytest.fixture
def accepted_idea(published_idea, cast):
    """The resident's idea with a published "accepted" answer."""
    from tuuma.ideas import actions as idea_actions

    idea = published_idea
    idea_actions.idea_answer(
        idea=idea, by=cast.manager, outcome="accepted", text="Hyvä idea, toteutetaan."
    )
    idea_actions.idea_publish_answer(idea=idea, by=cast.manager)
    idea.refresh_from_db()
    return idea
