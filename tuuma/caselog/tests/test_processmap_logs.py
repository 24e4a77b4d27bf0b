"""The default process map of every public log stays readable, and its files
stay small (the time of the downloads is measured in bench/caselog/map.py)."""

from pathlib import Path

import pytest

from tuuma.caselog import processmap
from tuuma.caselog.engine import CaseFilter, dfg, import_log, open_log, overview, select
from tuuma.caselog.mapfiles import map_pdf, map_png
from tuuma.caselog.tests.conftest import EVENTLOGS

LOGS = sorted(p.name for p in EVENTLOGS.glob("*") if p.name != "README.md")
LARGEST = "BPI_Challenge_2012.xes.gz"  # 262,200 events
MOST_ACTIVITIES = "BPIC15_5.xes.gz"  # 389 activities, 1,744 transitions
TWO_MB = 2 * 1024 * 1024


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    folders: dict[str, Path] = {}

    def get(name: str):
        if name not in folders:
            folder = tmp_path_factory.mktemp("maps") / name.replace(".", "_")
            import_log(EVENTLOGS / name, folder)
            folders[name] = folder
        return select(open_log(folders[name]), CaseFilter())

    return get


def default_map(view, measure: str = "frequency") -> processmap.ProcessMap:
    head = overview(view)
    counts = dict(view.log.activities.select("name", "_events").iter_rows())
    return processmap.process_map(
        dfg(view),
        counts,
        head["start_activities"],
        head["end_activities"],
        measure=measure,
    )


def test_the_shared_logs_are_all_here():
    assert LARGEST in LOGS and MOST_ACTIVITIES in LOGS and len(LOGS) >= 6


@pytest.mark.parametrize("name", LOGS)
def test_the_default_map_of_each_public_log_stays_within_the_cap(imported, name):
    chart = default_map(imported(name))
    assert 0 < len(chart.nodes) <= processmap.MAX_CAPPED_NODES
    assert 0 < len(chart.edges) <= processmap.MAX_CAPPED_EDGES
    # What is not drawn is counted, and the drawing fits a screen or two.
    total = len(chart.edges) + chart.hidden_edges
    assert total == len(dfg(imported(name))) + sum(
        len(overview(imported(name))[side])
        for side in ("start_activities", "end_activities")
    )
    assert chart.width <= 2000 and chart.height <= 2000


@pytest.mark.parametrize("name", [LARGEST, MOST_ACTIVITIES])
@pytest.mark.parametrize("measure", ["frequency", "wait"])
def test_the_default_map_downloads_are_under_two_megabytes(imported, name, measure):
    chart = default_map(imported(name), measure)
    svg = str(
        processmap.render_process_map_svg(
            chart, measure=measure, title="Prosessikartta", desc="Kuvaus"
        )
    )
    png, pdf = map_png(svg), map_pdf(svg)
    assert png.startswith(b"\x89PNG") and pdf.startswith(b"%PDF")
    for content in (svg.encode(), png, pdf):
        assert len(content) < TWO_MB
