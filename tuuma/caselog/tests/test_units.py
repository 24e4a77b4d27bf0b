"""Pure parts: the map layout, the plain-words comparison, re-run safety."""

import pytest
from django.utils import translation

from tuuma.caselog import processmap, storage
from tuuma.caselog.actions import DEFAULT_COLUMNS, caselog_import_version
from tuuma.caselog.comparison import explain
from tuuma.caselog.models import CaseLogVersion
from tuuma.caselog.tests.conftest import stored_upload


def _edge(source, target, count):
    return {"source": source, "target": target, "count": count, "median_seconds": 60.0}


def test_the_map_ranks_activities_along_the_main_path_despite_a_loop():
    edges = [
        _edge("a", "b", 10),
        _edge("b", "c", 6),
        _edge("c", "b", 3),  # rework loops back
        _edge("b", "d", 4),  # skips c
        _edge("c", "d", 6),
    ]
    chart = processmap.layout_process_map(
        edges, {"a": 10, "b": 13, "c": 6, "d": 10}, {"a": 10}, {"d": 10}, detail=100
    )
    ranks = {name: node.rank for name, node in chart.nodes.items()}
    assert ranks["a"] < ranks["b"] < ranks["c"] < ranks["d"]
    assert ranks[processmap.START] == 0
    assert ranks[processmap.END] == ranks["d"] + 1
    svg = processmap.render_process_map_svg(chart, measure="wait", title="T", desc="D")
    assert svg.count('class="edge"') == 7 and '<desc id="map-desc">D</desc>' in svg


def test_a_low_detail_hides_rare_paths_but_keeps_every_shown_activity_connected():
    edges = [_edge("a", "b", 100), _edge("b", "c", 90), _edge("a", "c", 1)]
    chart = processmap.layout_process_map(
        edges, {"a": 101, "b": 100, "c": 91}, {"a": 101}, {"c": 91}, detail=20
    )
    kept = {(e.source, e.target) for e in chart.edges}
    assert ("a", "c") not in kept and chart.hidden_edges == 1
    for name in ("a", "b", "c"):
        assert any(e.target == name for e in chart.edges)


def test_a_difference_that_may_be_chance_is_said_so():
    result = {
        "throughput": {
            "before": {"cases": 10, "median": 86400 * 21},
            "after": {"cases": 12, "median": 86400 * 20},
            "mann_whitney_p": 0.41,
        }
    }
    with translation.override("en"):
        text = explain(result)
    assert text.startswith("The median throughput time fell from 21.0 to 20.0 days")
    assert "may well be chance (Mann–Whitney U, p = 0.410)" in text
    with translation.override("fi"):
        assert "Läpimenoajan mediaani laski" in explain(result)


@pytest.mark.django_db
def test_running_an_import_again_with_its_key_returns_the_same_version(
    org, cast, wabo_path
):
    upload = stored_upload(org, wabo_path)
    options = {"upload": storage.relative(upload), "name": "K", **DEFAULT_COLUMNS}
    first = caselog_import_version(
        organisation=org, by=cast.manager, key="job-x", options=options
    )
    again = caselog_import_version(
        organisation=org, by=cast.manager, key="job-x", options=options
    )
    assert first == again
    assert CaseLogVersion.objects.count() == 1
    assert not upload.exists()


@pytest.mark.django_db
def test_pages_speak_swedish(client, cast, wabo_log):
    client.force_login(cast.caselog_analyst)
    page = client.get(f"/sv/tapahtumalokit/{wabo_log.pk}/").content.decode()
    assert "Översikt" in page and "Genomloppstid" in page


def test_text_from_a_log_never_becomes_a_spreadsheet_formula():
    from tuuma.caselog.exports import safe_cell

    assert safe_cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert safe_cell("päätös") == "päätös"
    assert safe_cell(-3.5) == -3.5
