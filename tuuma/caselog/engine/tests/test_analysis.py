"""Analyses and filters on the small hand-made log (see conftest.SMALL_CSV)."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from tuuma.caselog.engine.analysis.bottlenecks import bottlenecks, rework
from tuuma.caselog.engine.analysis.compare import before_after
from tuuma.caselog.engine.analysis.completeness import completeness
from tuuma.caselog.engine.analysis.deadlines import (
    ActivityDeadline,
    AttributeDeadline,
    compliance,
    rule_from_dict,
)
from tuuma.caselog.engine.analysis.dfg import dfg
from tuuma.caselog.engine.analysis.overview import overview
from tuuma.caselog.engine.analysis.throughput import throughput
from tuuma.caselog.engine.analysis.variants import variants
from tuuma.caselog.engine.filters import CaseFilter, select

DAY = 86400.0


def test_overview(small_log):
    result = overview(select(small_log))
    assert result["cases"] == 3
    assert result["events"] == 8
    assert result["start_activities"] == {"A": 3}
    assert result["end_activities"] == {"A": 1, "B": 2}
    assert result["first_timestamp"] == "2024-01-01T06:00:00+00:00"
    json.dumps(result)


def test_dfg_counts_and_waits(small_log):
    edges = {(e["source"], e["target"]): e for e in dfg(select(small_log))}
    assert set(edges) == {("A", "B"), ("A", "C"), ("C", "B"), ("B", "A")}
    assert edges["A", "B"]["count"] == 2
    # c1: 2 days; c3: 4 days.
    assert edges["A", "B"]["mean_seconds"] == 3 * DAY
    assert edges["A", "B"]["median_seconds"] == 3 * DAY
    assert edges["A", "B"]["p90_seconds"] == pytest.approx(3.8 * DAY)
    assert edges["A", "B"]["total_seconds"] == 6 * DAY
    assert edges["C", "B"]["mean_seconds"] == 0


def test_throughput(small_log):
    result = throughput(select(small_log), bins=4)
    assert result["median"] == 2 * DAY
    assert result["mean"] == pytest.approx((2 + 2 + 4) / 3 * DAY)
    assert sum(b["cases"] for b in result["histogram"]) == 3
    assert [m["month"] for m in result["monthly"]] == ["2024-01", "2024-02"]


def test_variants(small_log):
    result = variants(select(small_log))
    assert result["top"][0]["activities"] == ["A", "B"]
    assert result["top"][0]["cases"] == 2
    assert result["top"][0]["share"] == pytest.approx(2 / 3)


def test_rework_and_bottlenecks(small_log):
    assert rework(select(small_log)) == [
        {"activity": "A", "cases": 1, "occurrences": 2, "repeat_occurrences": 1}
    ]
    result = bottlenecks(select(small_log), min_cases=1)
    assert result["edges_by_total_wait"][0]["source"] == "A"
    assert result["activities_by_total_wait"][0]["activity"] == "B"


def test_activity_deadline(small_log):
    result = compliance(select(small_log), ActivityDeadline("A", "B", 3))
    # c1: 2 days (met), c2: 1 day (met), c3: 4 days (late).
    assert (result["applicable"], result["met"], result["late"], result["open"]) == (
        3,
        2,
        1,
        0,
    )
    assert result["late_cases"] == [{"case": "c3", "over_seconds": DAY}]
    # No C after B in any case: c1 and c2 (B in January) are past the deadline
    # at the log's last event (5 February), so late; c3's B is on 5 February,
    # so it is still open.
    no_c = compliance(select(small_log), ActivityDeadline("B", "C", 1))
    assert (no_c["open"], no_c["late"], no_c["share_met"]) == (1, 2, 0.0)


def test_attribute_deadline(small_log):
    result = compliance(select(small_log), AttributeDeadline("deadline"))
    # c1 ends 2024-01-03 before 2024-01-10; c2 ends 2024-01-04 after 2024-01-03.
    assert (result["applicable"], result["met"], result["late"]) == (2, 1, 1)
    assert result["late_cases"][0]["case"] == "c2"
    assert (
        rule_from_dict({"kind": "attribute", "attribute": "deadline"})
        == AttributeDeadline()
    )


def test_completeness(small_log):
    result = completeness(select(small_log), required=["deadline", "org:resource"])
    assert result["case_attributes"]["deadline"] == pytest.approx(2 / 3)
    assert result["event_attributes"]["org:resource"] == pytest.approx(7 / 8)
    assert result["required"]["deadline"] == {"missing_cases": 1, "cases": ["c3"]}
    assert result["required"]["org:resource"]["missing_cases"] == 0


@pytest.mark.parametrize(
    ("case_filter", "cases"),
    [
        (
            CaseFilter(start=datetime(2024, 1, 3, 12), time_mode="intersecting"),
            {"c2", "c3"},
        ),
        (CaseFilter(start=datetime(2024, 1, 2), time_mode="started"), {"c2", "c3"}),
        (CaseFilter(end=datetime(2024, 1, 3, 12), time_mode="ended"), {"c1"}),
        (CaseFilter(end=datetime(2024, 1, 5), time_mode="contained"), {"c1", "c2"}),
        (CaseFilter(attributes={"deadline": ["2024-01-10"]}), {"c1"}),
        (CaseFilter(variants=[0]), {"c1", "c3"}),
        (CaseFilter(activities_present=["C"]), {"c2"}),
        (CaseFilter(activities_absent=["C"]), {"c1", "c3"}),
        (CaseFilter(activities_present=["nope"]), set()),
    ],
)
def test_filters(small_log, case_filter, cases):
    view = select(small_log, case_filter)
    assert set(view.cases["_id"]) == cases
    assert (
        CaseFilter.from_dict(json.loads(json.dumps(case_filter.to_dict())))
        == case_filter
    )
    assert overview(view)["cases"] == len(cases)


def test_filtered_dfg_uses_only_selected_cases(small_log):
    edges = dfg(select(small_log, {"activities_present": ["C"]}))
    assert sum(e["count"] for e in edges) == 3


def test_before_after(small_log):
    result = before_after(
        select(small_log), datetime(2024, 1, 15), rules=[ActivityDeadline("A", "B", 3)]
    )
    assert result["throughput"]["before"]["cases"] == 2
    assert result["throughput"]["after"]["cases"] == 1
    assert 0 <= result["throughput"]["mann_whitney_p"] <= 1
    assert [(e["source"], e["target"]) for e in result["edges"]] == [("A", "B")]
    assert result["deadlines"][0]["after"]["late"] == 1
    json.dumps(result)


def test_deadline_with_unknown_activities(small_log):
    none = compliance(select(small_log), ActivityDeadline("Nope", "B", 1))
    assert (none["applicable"], none["share_met"]) == (0, None)
    never = compliance(select(small_log), ActivityDeadline("A", "Nope", 1))
    assert (never["applicable"], never["open"], never["late"]) == (3, 0, 3)
