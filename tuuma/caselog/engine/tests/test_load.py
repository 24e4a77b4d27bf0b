"""``load_log``, what ``tuuma caselog analyze FILE`` reads: the key columns only,
in memory. Its figures and events equal those of the full import; the errors too
(``test_import_errors.assert_fails`` checks both)."""

from __future__ import annotations

import polars as pl
import pytest

from tuuma.caselog.engine.analysis.figures import figures
from tuuma.caselog.engine.filters import select
from tuuma.caselog.engine.store import import_log, load_log, open_log
from tuuma.caselog.engine.tests.conftest import SMALL_CSV, event, trace, write, xes
from tuuma.caselog.engine.tests.test_import_errors import assert_fails
from tuuma.caselog.engine.tests.test_spreadsheets import COLUMNS, FINNISH


def same_as_import(src, **options) -> None:
    import_log(src, src.parent / "imported", **options)
    full = open_log(src.parent / "imported")
    lean = load_log(src, **options)
    assert figures(select(lean)) == figures(select(full))
    keys = [c for c in full.scan_events().collect_schema() if c.startswith("_")]
    assert (
        lean.scan_events().collect().equals(full.scan_events().select(keys).collect())
    )
    assert lean.cases.equals(full.cases.select(lean.cases.columns))
    assert lean.variants.equals(full.variants)
    assert lean.activities.equals(full.activities)
    assert set(lean.cases.columns) == {c for c in full.cases.columns if c[0] == "_"}


def test_csv(tmp_path):
    same_as_import(write(tmp_path, "small.csv", SMALL_CSV), timezone="UTC")


def test_excel_csv_with_empty_rows(tmp_path):
    # ";;;;" rows above and below the table are skipped, as in the import.
    same_as_import(write(tmp_path, "f.csv", FINNISH.encode("cp1252")), **COLUMNS)


def test_a_row_with_empty_keys_but_other_fields_is_an_error(tmp_path):
    # Not skipped as an empty row: the other fields, unread otherwise, decide.
    text = "Asianumero;Käsittelyvaihe;Aika;Summa\nR-1;A;1.1.2025;1\n;;;2\n"
    error = assert_fails(write(tmp_path, "e.csv", text), "missing_value", **COLUMNS)
    assert error.row == 2


def test_start_column(tmp_path):
    text = "Asia;Vaihe;Alkoi;Valmis;Muu\n1;K;1.12.2025 8.00;1.12.2025 10.00;x\n"
    same_as_import(
        write(tmp_path, "s.csv", text),
        case_column="Asia",
        activity_column="Vaihe",
        timestamp_column="Valmis",
        start_column="Alkoi",
    )


@pytest.mark.parametrize("workers", [1, 2])
def test_xes_with_other_attributes_of_every_shape(tmp_path, workers):
    """Attributes of other keys are cut out before parsing; nested ones, other
    quoting and a key that only starts like a key column stay and change
    nothing."""
    extra = (
        '<string key="org:resource" value="r&amp;1"/>'
        '<int key="cost" value="3"/><float key="f" value="1.5"/>'
        '<boolean key="b" value="true"/><id key="i" value="x"/>'
        '<date key="due" value="2024-01-09T00:00:00+02:00"/>'
        "<string key='quoted' value='q'/>"
        '<string key="concept:names" value="not the name"/>'
        '<list key="l"><values><string key="concept:name" value="inner"/>'
        "</values></list>"
    )
    events = [
        event("A", "2024-01-01T00:00:00+02:00", extra),
        event("B", "2024-01-02T00:00:00.5+02:00", extra),
        event("A", "2024-01-02T00:00:00.5+02:00"),
    ]
    text = xes(
        trace("c1", *events, attrs='<string key="dept" value="d"/>'),
        trace("c2", *events[:2]),
    )
    same_as_import(write(tmp_path, "a.xes", text), workers=workers)
    lean = load_log(tmp_path / "a.xes", workers=workers)
    assert lean.scan_events().collect_schema().names() == [
        "_case",
        "_activity",
        "_time",
        "_order",
    ]
    assert lean.activities["name"].to_list() == ["A", "B"]
    assert lean.cases["_events"].to_list() == [3, 2]
    assert lean.cases.schema["_start"] == pl.Datetime("us", "UTC")
