"""The headline figures equal PM4Py 2.7's on the public logs.

Expected files come from bench/caselog/pm4py_expected.py (see its docstring).
Counts must be equal; times agree within a millisecond.
"""

from __future__ import annotations

import json

import pytest

from tuuma.caselog.engine.analysis.figures import figures, figures_json
from tuuma.caselog.engine.filters import select
from tuuma.caselog.engine.store import load_log
from tuuma.caselog.engine.tests.conftest import DATA, EXPECTED

LOGS = {
    "receipt_wabo_coselog.xes.gz": "receipt_wabo_coselog",
    "receipt_wabo_coselog.csv": "receipt_wabo_coselog_csv",
    "BPIC15_5.xes.gz": "BPIC15_5",
    "BPI_Challenge_2012.xes.gz": "BPI_Challenge_2012",
    "sepsis.csv.gz": "sepsis_csv",
    "hospital_billing_sample.csv.gz": "hospital_billing_sample_csv",
}
MS = 1e-3


@pytest.mark.parametrize("name", sorted(LOGS))
def test_figures_match_pm4py(real_logs, name):
    expected = json.loads((EXPECTED / f"{LOGS[name]}.json").read_text())
    got = figures(select(real_logs[name]))
    for key in ("cases", "events", "activities", "variants"):
        assert got[key] == expected[key], key
    assert got["start_activities"] == expected["start_activities"]
    assert got["end_activities"] == expected["end_activities"]
    assert got["top_variants"] == expected["top_variants"]
    for stat in ("median", "mean", "p90"):
        assert got["throughput_seconds"][stat] == pytest.approx(
            expected["throughput_seconds"][stat], abs=MS
        )
    assert [(e["source"], e["target"], e["count"]) for e in got["dfg"]] == [
        (e["source"], e["target"], e["count"]) for e in expected["dfg"]
    ]
    for mine, theirs in zip(got["dfg"], expected["dfg"], strict=True):
        assert mine["mean_seconds"] == pytest.approx(theirs["mean_seconds"], abs=MS)
        assert mine["median_seconds"] == pytest.approx(theirs["median_seconds"], abs=MS)


@pytest.mark.parametrize("name", sorted(LOGS))
def test_analyze_in_memory_equals_the_import(real_logs, name):
    """``tuuma caselog analyze FILE`` reads the key columns only, into memory:
    every figure equals that of the full import, to the last digit."""
    lean = load_log(DATA / name, timezone="UTC", workers=1)
    assert figures(select(lean)) == figures(select(real_logs[name]))
    assert lean.summary.first_timestamp == real_logs[name].summary.first_timestamp


@pytest.mark.parametrize("name", sorted(LOGS))
def test_json_is_the_figures(real_logs, name):
    """What ``analyze --json`` prints (the DFG written by Polars) reads back as
    the figures, every float to the last bit."""
    view = select(real_logs[name])
    assert json.loads(figures_json(view)) == figures(view)
