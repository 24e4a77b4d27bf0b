"""The case-log figures of the metric registry against a hand count.

Six cases (local times), rule "Saapui → Päätös within 10 days"; the log's last
event is c6's on 25.2. (the moment of the export):

    case  started  throughput  rule
    c1    1.1.     2 days      met
    c2    2.1.     20 days     late (answered in 20 days)
    c3    5.1.     4 days      met
    c4    1.2.     6 days      met
    c5    20.2.    0 days      open (waited 5 days of 10)
    c6    10.2.    15 days     late (not answered, 15 days waited)

Throughput times 0, 2, 4, 6, 15, 20: median 5, p90 (linear) 15 + 0.5 × 5 = 17.5.
"""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from tuuma.caselog import actions
from tuuma.caselog.models import Figure, LogIndicator, RuleKind
from tuuma.caselog.tests.conftest import import_now
from tuuma.lib.metrics import Filters, measure
from tuuma.programme import actions as programme
from tuuma.programme.models import Measure, MeasureClass, MeasureStatus

pytestmark = pytest.mark.django_db

LOG = """case:concept:name,concept:name,time:timestamp
c1,Saapui,2024-01-01 10:00:00
c1,Päätös,2024-01-03 10:00:00
c2,Saapui,2024-01-02 10:00:00
c2,Päätös,2024-01-22 10:00:00
c3,Saapui,2024-01-05 10:00:00
c3,Päätös,2024-01-09 10:00:00
c4,Saapui,2024-02-01 10:00:00
c4,Päätös,2024-02-07 10:00:00
c5,Saapui,2024-02-20 10:00:00
c6,Saapui,2024-02-10 10:00:00
c6,Käsittely,2024-02-25 10:00:00
"""


@pytest.fixture
def caselog(org, area, cast, tmp_path):
    source = tmp_path / "luvat.csv"
    source.write_text(LOG, encoding="utf-8")
    log = import_now(org, cast.caselog_analyst, source, name="Luvat")
    log.service_area = area
    log.save(update_fields=["service_area"])
    actions.deadline_rule_create(
        caselog=log, name="Päätös 10 päivässä", kind=RuleKind.ACTIVITY,
        from_activity="Saapui", to_activity="Päätös", days=Decimal(10),
    )  # fmt: skip
    return log


def value(metric_id, org, **filters):
    return measure(metric_id, org, Filters(**filters)).value


def test_process_figures_match_the_hand_count(caselog, org):
    assert value("caselog.throughput_median_days", org) == 5.0
    assert value("caselog.throughput_p90_days", org) == 17.5
    assert value("caselog.backlog", org) == 1
    assert value("caselog.deadline_misses", org) == 2
    assert measure("caselog.throughput_median_days", org).n == 6


def test_a_period_counts_the_cases_started_in_it(caselog, org):
    february = {"start": date(2024, 2, 1), "end": date(2024, 2, 29)}
    # c4, c5 and c6: 6, 0 and 15 days; c6 late, c5 open.
    assert value("caselog.throughput_median_days", org, **february) == 6.0
    assert value("caselog.deadline_misses", org, **february) == 1
    assert value("caselog.backlog", org, **february) == 1
    # The last day of the period is included: c1 and c2 started on 1.–2.1.
    early = {"start": date(2024, 1, 1), "end": date(2024, 1, 2)}
    assert value("caselog.throughput_median_days", org, **early) == 11.0


def test_a_service_area_counts_only_its_logs(caselog, org, other_area):
    assert (
        value("caselog.throughput_median_days", org, service_area=other_area.pk) is None
    )
    assert value("caselog.deadline_misses", org, service_area=other_area.pk) == 0


def test_deadline_misses_break_down_per_log_and_rule(caselog, org):
    from tuuma.lib.metrics import metric

    rows = metric("caselog.deadline_misses").measure_breakdown(org)
    assert [(label, m.value, m.n) for label, m in rows] == [
        ("Luvat: Päätös 10 päivässä", 2, 6)  # all six cases have "Saapui"
    ]


def test_before_and_after_a_done_measure(caselog, org, area, cast):
    """Done on 15.1.: before c1, c2, c3 (median 4 days), after c4, c5, c6
    (median 6 days): slower, so no measure went faster, out of one compared."""
    focus = programme.focus_area_create(organisation=org, name="Sujuvat luvat")
    goal = programme.goal_create(focus_area=focus, title="Nopeammin")
    done = programme.measure_create(
        organisation=org, by=cast.productivity_lead, goal=goal, title="Lomake",
        description="-", measure_class=MeasureClass.DEVELOPMENT_PROJECT,
        service_area=area, owner=cast.process_owner,
        start_date=date(2023, 12, 1), due_date=date(2024, 1, 15),
    )  # fmt: skip
    indicator = programme.indicator_create(
        measure=done, name="Läpimenoaika", unit="pv", direction="decrease",
        baseline_value=Decimal(5), baseline_date=date(2023, 12, 1),
        target_value=Decimal(3), target_date=date(2024, 6, 1),
    )  # fmt: skip
    LogIndicator.objects.create(
        organisation=org, indicator=indicator, caselog=caselog,
        figure=Figure.MEDIAN_DAYS,
    )  # fmt: skip
    programme.measure_change_status(
        measure=done, to_status=MeasureStatus.DONE, by=cast.productivity_lead
    )
    Measure.objects.filter(pk=done.pk).update(
        done_at=datetime(2024, 1, 15, 12, tzinfo=UTC)
    )
    faster = measure("caselog.measures_faster", org)
    assert (faster.value, faster.n) == (0, 1)
    # Done outside the period: not compared.
    later = Filters(start=date(2024, 2, 1))
    assert measure("caselog.measures_faster", org, later).n == 0


def test_the_dashboard_and_the_risk_view_show_the_same_figures(
    client, caselog, org, cast
):
    client.force_login(cast.manager)
    page = client.get("/en/tilannekuva/").content.decode()
    assert "Processes and case logs" in page
    assert measure("caselog.throughput_p90_days", org).text == "17.5 days"
    assert "17.5 days" in page
    assert "chart-misses-by-rule" in page and "Luvat: Päätös 10 päivässä" in page
    risks = client.get("/en/tilannekuva/riskit/").content.decode()
    assert "Deadline misses" in risks and "Tasks only one person can do" in risks
