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
