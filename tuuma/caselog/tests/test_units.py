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


def test_dot_lays_the_main_path_out_from_top_to_bottom_despite_a_loop():
    edges = [
        _edge("a", "b", 10),
        _edge("b", "c", 6),
        _edge("c", "b", 3),  # rework loops back
        _edge("b", "d", 4),  # skips c
        _edge("c", "d", 6),
    ]
    chart = processmap.process_map(
        edges, {"a": 10, "b": 13, "c": 6, "d": 10}, {"a": 10}, {"d": 10}, detail=7
    )
    y = {name: node.y for name, node in chart.nodes.items()}
    assert y[processmap.START] < y["a"] < y["b"] < y["c"] < y["d"]
    assert y["d"] < y[processmap.END]
    assert all(edge.path.startswith("M") and " C" in edge.path for edge in chart.edges)
    svg = processmap.render_process_map_svg(chart, measure="wait", title="T", desc="D")
    assert svg.count('class="edge"') == 7 and '<desc id="map-desc">D</desc>' in svg
    assert f'viewBox="0 0 {chart.width} {chart.height}"' in svg


def test_a_low_detail_keeps_the_busiest_activities_connected_and_counts_the_rest():
    counts = {f"a{i:02}": 100 - i for i in range(12)}
    names = sorted(counts)
    edges = [
        _edge(s, t, 50 - i)
        for i, (s, t) in enumerate(zip(names, names[1:], strict=False))
    ]
    edges += [_edge(names[0], names[5], 1), _edge(names[2], names[0], 2)]
    chart = processmap.process_map(
        edges, counts, {names[0]: 100}, {names[-1]: 80}, detail=1
    )
    activities, paths = processmap.DETAIL_LEVELS[0]
    shown = set(chart.nodes) - {processmap.START, processmap.END}
    assert shown == set(names[:activities]) and len(chart.edges) <= paths
    for name in shown:  # nothing hangs loose
        assert any(e.target == name for e in chart.edges)
    assert chart.hidden_activities == len(names) - activities
    assert chart.hidden_edges == len(edges) + 2 - len(chart.edges)
    assert 0 < chart.drawn_share < 1


def test_names_with_quotes_and_backslashes_reach_dot_unharmed():
    odd = 'Päätös "A" \\N {x}; -> b'
    chart = processmap.process_map(
        [_edge(odd, "b", 3)], {odd: 3, "b": 3}, {odd: 3}, {"b": 3}
    )
    assert odd in chart.nodes
    svg = processmap.render_process_map_svg(
        chart, measure="frequency", title="T", desc="D"
    )
    assert "Päätös &quot;A&quot;" in svg


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
