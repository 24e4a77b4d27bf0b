"""Property tests: figures do not depend on row order; DFG counts add up by case."""

from __future__ import annotations

import tempfile
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuuma.caselog.engine.analysis.bottlenecks import bottlenecks, rework
from tuuma.caselog.engine.analysis.completeness import completeness
from tuuma.caselog.engine.analysis.deadlines import ActivityDeadline, compliance
from tuuma.caselog.engine.analysis.dfg import dfg
from tuuma.caselog.engine.analysis.figures import figures
from tuuma.caselog.engine.analysis.overview import overview
from tuuma.caselog.engine.analysis.throughput import throughput
from tuuma.caselog.engine.analysis.variants import variants
from tuuma.caselog.engine.filters import select
from tuuma.caselog.engine.store import import_log, open_log

ACTIVITIES = ["register", "check", "decide", "notify", "archive"]


@st.composite
def logs(draw) -> pl.DataFrame:
    """Events with distinct timestamps within each case."""
    rows = []
    for case in range(draw(st.integers(1, 8))):
        minutes = draw(
            st.lists(st.integers(0, 10_000), min_size=1, max_size=8, unique=True)
        )
        for minute in minutes:
            rows.append(
                {
                    "case:concept:name": f"case-{case}",
                    "concept:name": draw(st.sampled_from(ACTIVITIES)),
                    "minute": minute,
                }
            )
    frame = pl.DataFrame(rows).with_columns(
        (
            pl.datetime(2024, 3, 1, time_zone="UTC")
            + pl.duration(minutes=pl.col("minute"))
        )
        .dt.strftime("%Y-%m-%dT%H:%M:%S%z")
        .alias("time:timestamp")
    )
    return frame.drop("minute")


def analyse(frame: pl.DataFrame, folder: Path, name: str) -> dict:
    """Every analysis that does not take parameters naming log content."""
    src = folder / f"{name}.csv"
    frame.write_csv(src)
    import_log(src, folder / name)
    view = select(open_log(folder / name))
    return {
        "figures": figures(view),
        "overview": overview(view),
        "throughput": throughput(view),
        "dfg": dfg(view),
        "variants": variants(view, top=None),
        "bottlenecks": bottlenecks(view),
        "rework": rework(view),
        "deadline": compliance(view, ActivityDeadline("register", "decide", 2)),
        "completeness": completeness(view),
    }


COMMON = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@COMMON
@given(frame=logs(), seed=st.integers(0, 2**32 - 1))
def test_shuffling_rows_changes_nothing(frame, seed):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        original = analyse(frame, folder, "original")
        shuffled = analyse(
            frame.sample(fraction=1.0, shuffle=True, seed=seed), folder, "shuffled"
        )
    assert shuffled == original


@COMMON
@given(frame=logs(), data=st.data())
def test_dfg_counts_of_two_halves_add_up(frame, data):
    cases = frame["case:concept:name"].unique().sort().to_list()
    chosen = data.draw(st.sets(st.sampled_from(cases)))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        whole = analyse(frame, folder, "whole")["dfg"]
        merged: dict[tuple[str, str], int] = {}
        parts = [
            frame.filter(pl.col("case:concept:name").is_in(list(chosen))),
            frame.filter(~pl.col("case:concept:name").is_in(list(chosen))),
        ]
        for i, part in enumerate(parts):
            if part.height == 0:
                continue
            src = folder / f"part{i}.csv"
            part.write_csv(src)
            import_log(src, folder / f"part{i}")
            for edge in dfg(select(open_log(folder / f"part{i}"))):
                key = (edge["source"], edge["target"])
                merged[key] = merged.get(key, 0) + edge["count"]
    assert merged == {(e["source"], e["target"]): e["count"] for e in whole}
