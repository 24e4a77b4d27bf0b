"""The productivity figures in the metric registry and the area's time line."""

from datetime import date

import pytest

from tuuma.lib.metrics import Filters, measure, registry
from tuuma.organisation.models import Unit
from tuuma.productivity import actions
from tuuma.productivity.chart import time_line

pytestmark = pytest.mark.django_db


def _answer(survey, person, unit, value, recommendation):
    values = {s.pk: value for s in survey.statements.all()}
    actions.survey_answer(
        survey=survey, person=person, unit=unit, values=values,
        recommendation=recommendation,
    )  # fmt: skip


def test_the_figures_are_registered_with_their_filters():
    found = registry()
    assert found["productivity.unit_cost"].unit == "euros"
    assert found["productivity.working_life_index"].staff_data
    assert not found["productivity.productivity_index"].staff_data
    assert {"period", "service_area"} <= found["productivity.digital_share"].filters


def test_unit_cost_and_digital_share_of_an_area_by_hand(org, area, figures):
    # A: 40 e-service outputs and 400 € direct cost; B: 10 by post, no cost.
    in_area = Filters(service_area=area.pk)
    assert measure("productivity.unit_cost", org, in_area).value == 10.0
    assert measure("productivity.unit_cost", org, in_area).text == "10.00 €"
    assert measure("productivity.digital_share", org, in_area).value == 80.0
    assert measure("productivity.volume_index", org, in_area).value == 100.0
    # No price index entered: the input and productivity indices are not counted.
    assert measure("productivity.productivity_index", org, in_area).value is None
    breakdown = dict(
        (label, found.value)
        for label, found in registry()["productivity.unit_cost"].measure_breakdown(
            org, in_area
        )
    )
    assert list(breakdown.values()) == [10.0]


def test_a_period_without_figures_counts_nothing(org, area, figures):
    earlier = Filters(start=date(2020, 1, 1), end=date(2020, 12, 31))
    assert measure("productivity.digital_share", org, earlier).value is None
    assert measure("productivity.digital_share", org).value == 80.0


def test_working_life_is_hidden_under_five_answers(org, cast, open_survey, area):
    from conftest import make_user

    unit = Unit.objects.create(organisation=org, service_area=area, name="Kirjasto")
    people = [make_user(org, f"staff{n}") for n in range(5)]
    for person in people[:4]:
        _answer(open_survey, person, unit, value=5, recommendation=10)
    small = measure("productivity.working_life_index", org, Filters(unit=unit.pk))
    assert small.suppressed and small.value is None
    _answer(open_survey, people[4], unit, value=1, recommendation=0)
    shown = measure("productivity.working_life_index", org, Filters(unit=unit.pk))
    assert shown.value == 80.0 and not shown.suppressed
    score = measure("productivity.recommendation_score", org, Filters(unit=unit.pk))
    assert score.value == 60  # 4 of 5 promoters, 1 of 5 detractors


def test_the_time_line_breaks_where_working_life_is_hidden():
    chart = time_line(
        "t", [(2023, 100.0, 60.0), (2024, 104.0, None), (2025, 108.0, 70.0)], {2024}
    )
    assert chart.productivity_path.count("L") == 2
    assert chart.working_life_path.count("M") == 2  # a gap at 2024
    assert chart.marked == [200.0]
    assert "from 100.0 (2023) to 108.0 (2025)" in chart.summary
    assert "from 60.0 (2023) to 70.0 (2025)" in chart.summary


def test_the_area_page_shows_definitions_and_the_time_line(client, cast, area, figures):
    client.force_login(cast.employee)
    page = client.get(f"/en/tuottavuus/alueet/{area.pk}/").content.decode()
    assert "How is this counted?" in page
    assert "allocated cost (direct costs and shares" in page
    assert 'class="chart time-line"' in page and "<desc" in page
