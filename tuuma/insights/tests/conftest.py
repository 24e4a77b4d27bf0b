"""A fixed dataset whose figures are counted by hand in test_metrics.py.

Ideas (answer-time target 10 days), all published:
- A (area, by the employee): answered in 2 days, accepted; published 30 days ago;
  linked to measure M1.
- B (area): answered in 20 days, not taken forward.
- C (area): waiting for 15 days (past the target).
- D (other area): answered in 5 days, accepted.
Measures: M1 (area, development project) done, its indicator (10 → target 5,
decreasing) measured at 4; M2 (area, development project) open, started in
2025 and due in the past, no progress: late and at risk; M3 (other area,
training need) open, started last week, due next year.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from tuuma.ideas.models import Idea, IdeaOutcome, IdeaSettings
from tuuma.ideas.tests.factories import answered_idea, make_idea
from tuuma.programme import actions
from tuuma.programme.models import MeasureClass, MeasureStatus


@pytest.fixture(autouse=True)
def _english():
    """Figures are asserted in English (the pack and the pages in fi/sv apart)."""
    with translation.override("en"):
        yield


def _timed(idea: Idea, *, published_days_ago: int, answered_after: int | None):
    now = timezone.now()
    published = now - timedelta(days=published_days_ago)
    Idea.objects.filter(pk=idea.pk).update(
        published_at=published,
        answer_published_at=(
            published + timedelta(days=answered_after) if answered_after else None
        ),
    )
    idea.refresh_from_db()
    return idea


@pytest.fixture
def dataset(org, area, other_area, cast):
    IdeaSettings.objects.create(organisation=org, answer_target_days=10)
    a = answered_idea(org, cast.employee, cast.manager, service_area=area, title="A")
    b = answered_idea(
        org, cast.resident, cast.manager, service_area=area, title="B",
        outcome=IdeaOutcome.NOT_TAKEN_FORWARD,
    )  # fmt: skip
    c = make_idea(org, cast.resident, service_area=area, title="C")
    d = answered_idea(org, cast.resident, cast.manager, service_area=other_area)
    _timed(a, published_days_ago=30, answered_after=2)
    _timed(b, published_days_ago=25, answered_after=20)
    _timed(c, published_days_ago=15, answered_after=None)
    _timed(d, published_days_ago=9, answered_after=5)
    focus = actions.focus_area_create(organisation=org, name="Uudistuva kunta")
    goal = actions.goal_create(focus_area=focus, title="Prosessit")
    today = timezone.localdate()

    def measure(title, measure_class, service_area, start, due):
        return actions.measure_create(
            organisation=org, by=cast.productivity_lead, goal=goal, title=title,
            description="-", measure_class=measure_class, service_area=service_area,
            owner=cast.process_owner, start_date=start, due_date=due,
        )  # fmt: skip

    dev, training = MeasureClass.DEVELOPMENT_PROJECT, MeasureClass.TRAINING_NEED
    m1 = measure("M1", dev, area, today - timedelta(days=40), today)
    m2 = measure("M2", dev, area, date(2025, 1, 1), today - timedelta(days=1))
    m3 = measure(
        "M3", training, other_area, today - timedelta(days=7), today.replace(year=today.year + 1)
    )  # fmt: skip
    actions.measure_link_idea(measure=m1, idea=a, by=cast.productivity_lead)
    indicator = actions.indicator_create(
        measure=m1, name="Käsittelyaika", unit="pv", direction="decrease",
        baseline_value=Decimal(10), baseline_date=today - timedelta(days=40),
        target_value=Decimal(5), target_date=today,
    )  # fmt: skip
    actions.indicator_record_value(indicator=indicator, date=today, value=4, by=None)
    actions.measure_change_status(
        measure=m1, to_status=MeasureStatus.DONE, by=cast.productivity_lead
    )
    return {"ideas": (a, b, c, d), "measures": (m1, m2, m3)}


@pytest.fixture
def productivity(org, area, cast):
    """The area's product A: 40 outputs by e-service and 10 by post in 2025 and
    a direct cost of 400 € (unit cost 8.00 €, digital share 80 %); this year's
    pulse survey answered by five people in Kirjasto (all 4 of 5, index 75) and
    by three in Nuoriso (hidden)."""
    from conftest import make_user
    from tuuma.organisation.models import Unit
    from tuuma.productivity import actions as productivity
    from tuuma.productivity.models import CostCentre, Driver, Product, ProductGroup

    group = ProductGroup.objects.create(organisation=org, service_area=area, name="G")
    product = Product.objects.create(
        organisation=org, service_area=area, group=group, code="A",
        name="Rakennuslupa", output_unit="päätös", is_published=True,
    )  # fmt: skip
    CostCentre.objects.create(
        organisation=org, service_area=area, code="KA", name="A",
        driver=Driver.DIRECT, product=product,
    )  # fmt: skip
    lead = cast.productivity_lead
    productivity.figures_import(
        organisation=org, by=lead, kind="volumes", filename="v.csv",
        data=b"kuukausi;tuote;kanava;m\xc3\xa4\xc3\xa4r\xc3\xa4\n"
        b"1.2025;A;verkko;40\n1.2025;A;posti;10\n",
    )  # fmt: skip
    productivity.figures_import(
        organisation=org, by=lead, kind="ledger", filename="l.csv",
        data=b"kausi;kustannuspaikka;tili;summa\n1.2025;KA;4000;400\n",
    )  # fmt: skip
    today = timezone.localdate()
    survey = productivity.survey_create(
        organisation=org, by=lead, title="Pulssi",
        opens_on=today - timedelta(days=5), closes_on=today,
        statements=[("Työ on mielekästä.", "", "")],
    )  # fmt: skip
    statement = survey.statements.get()
    units = {}
    for name, answers in (("Kirjasto", 5), ("Nuoriso", 3)):
        units[name] = Unit.objects.create(
            organisation=org, service_area=area, name=name
        )
        for n in range(answers):
            productivity.survey_answer(
                survey=survey, person=make_user(org, f"{name.lower()}{n}"),
                unit=units[name], values={statement.pk: 4}, recommendation=9,
            )  # fmt: skip
    return units
