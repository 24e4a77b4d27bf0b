"""Bottlenecks rank only transitions seen in enough cases (issue 13)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tuuma.caselog.engine.analysis.bottlenecks import bottlenecks
from tuuma.caselog.engine.filters import select
from tuuma.caselog.engine.store import import_log, open_log
from tuuma.caselog.engine.tests.conftest import KEYS, write

DAY = 86400.0
T0 = datetime(2024, 3, 1, 9, 0)


def hand_built_log(tmp_path):
    """40 cases register → decide after 1…40 days; 35 of them decide → archive
    after 2 days; one case register → appeal after 300 days (the noise)."""
    rows = [KEYS]
    for n in range(1, 41):
        decided = T0 + timedelta(days=n)
        rows += [f"c{n},register,{T0:%Y-%m-%d %H:%M:%S}"]
        rows += [f"c{n},decide,{decided:%Y-%m-%d %H:%M:%S}"]
        if n <= 35:
            rows += [f"c{n},archive,{decided + timedelta(days=2):%Y-%m-%d %H:%M:%S}"]
    rows += [f"x,register,{T0:%Y-%m-%d %H:%M:%S}"]
    rows += [f"x,appeal,{T0 + timedelta(days=300):%Y-%m-%d %H:%M:%S}"]
    source = write(tmp_path, "log.csv", "\n".join(rows) + "\n")
    import_log(source, tmp_path / "log", timezone="UTC")
    return select(open_log(tmp_path / "log"))


def test_a_transition_seen_once_never_ranks_first(tmp_path):
    result = bottlenecks(hand_built_log(tmp_path))
    assert result["min_cases"] == 30
    first = result["edges_by_median_wait"][0]
    assert (first["source"], first["target"]) == ("register", "decide")
    # n = 40 cases, waits 1…40 days: median 20.5 d, p90 (linear) 36.1 d.
    assert first["cases"] == 40 and first["count"] == 40
    assert first["median_seconds"] == pytest.approx(20.5 * DAY)
    assert first["p90_seconds"] == pytest.approx(36.1 * DAY)
    ranked = [(e["source"], e["target"]) for e in result["edges_by_median_wait"]]
    assert ranked == [("register", "decide"), ("decide", "archive")]
    assert result["edges_below_minimum"] == 1
    activities = [a["activity"] for a in result["activities_by_median_wait"]]
    assert activities == ["decide", "archive"]
    assert result["activities_below_minimum"] == 1


def test_the_minimum_is_adjustable(tmp_path):
    view = hand_built_log(tmp_path)
    everything = bottlenecks(view, min_cases=1)
    first = everything["edges_by_median_wait"][0]
    assert (first["target"], first["cases"]) == ("appeal", 1)
    assert everything["edges_below_minimum"] == 0
    strict = bottlenecks(view, min_cases=36)
    assert [e["target"] for e in strict["edges_by_total_wait"]] == ["decide"]
