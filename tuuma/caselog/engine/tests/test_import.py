"""Import: formats, types, UTC, the event-order rule, progress and the directory."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import polars as pl

from tuuma.caselog.engine.analysis.figures import figures
from tuuma.caselog.engine.filters import select
from tuuma.caselog.engine.store import import_log, open_log
from tuuma.caselog.engine.tests.conftest import SMALL_CSV, event, trace, write, xes


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_timestamps_are_utc_and_ties_keep_file_order(small_log):
    events = small_log.scan_events().collect()
    names = small_log.activity_names
    c1 = small_log.cases.filter(pl.col("_id") == "c1")["_case"][0]
    c2 = small_log.cases.filter(pl.col("_id") == "c2")["_case"][0]
    first = events.filter(pl.col("_case") == c1)["_time"].to_list()
    assert first == [utc(2024, 1, 1, 6), utc(2024, 1, 3, 6)]
    # C and B share a timestamp: C comes first in the file, so it stays first.
    order = [names[a] for a in events.filter(pl.col("_case") == c2)["_activity"]]
    assert order == ["A", "C", "B", "A"]


def test_attribute_types(small_log):
    summary = small_log.summary
    assert summary.case_attributes == {"deadline": "date"}
    assert summary.event_attributes == {"org:resource": "string", "cost": "float"}
    assert small_log.cases.schema["deadline"] == pl.Datetime("us", "UTC")


def test_summary_and_tables(small_log):
    s = small_log.summary
    assert (s.cases, s.events, s.activities, s.variants) == (3, 8, 3, 2)
    assert small_log.original_file.read_text() == SMALL_CSV
    assert small_log.cases["_events"].to_list() == [2, 4, 2]


def test_xes_types_and_offsets(tmp_path):
    text = xes(
        trace(
            "c1",
            event("A", "2024-01-01T12:00:00+02:00", '<int key="n" value="3"/>'),
            event("B", "2024-01-01T12:00:00.500Z", '<boolean key="ok" value="true"/>'),
            attrs='<float key="amount" value="2.5"/>'
            '<date key="due" value="2024-02-01T00:00:00"/>',
        )
    )
    import_log(write(tmp_path, "a.xes", text), tmp_path / "log", timezone="UTC")
    log = open_log(tmp_path / "log")
    assert log.summary.case_attributes == {"amount": "float", "due": "date"}
    assert log.summary.event_attributes == {"n": "int", "ok": "boolean"}
    times = log.scan_events().collect()["_time"].to_list()
    assert times == [utc(2024, 1, 1, 10), utc(2024, 1, 1, 12, 0, 0, 500000)]


def test_same_figures_from_every_format(tmp_path, small_log):
    expected = figures(select(small_log))
    frame = pl.read_csv(write(tmp_path, "s.csv", SMALL_CSV), infer_schema=False)
    frame.write_parquet(tmp_path / "s.parquet")
    write(tmp_path, "s.csv.gz", gzip.compress(SMALL_CSV.encode()))
    for name in ("s.parquet", "s.csv.gz"):
        import_log(tmp_path / name, tmp_path / f"out-{name}", timezone="UTC")
        assert figures(select(open_log(tmp_path / f"out-{name}"))) == expected


def test_chosen_columns(tmp_path):
    text = "id,step,at,who\n1,A,2024-01-01,x\n1,B,2024-01-02,y\n"
    import_log(
        write(tmp_path, "a.csv", text),
        tmp_path / "log",
        case_column="id",
        activity_column="step",
        timestamp_column="at",
    )
    log = open_log(tmp_path / "log")
    assert log.summary.events == 2
    assert log.summary.event_attributes == {"who": "string"}


def test_progress_is_real_and_monotonic(tmp_path, monkeypatch):
    from tuuma.caselog.engine.reading import csv as csv_reader
    from tuuma.caselog.engine.reading import source

    monkeypatch.setattr(source, "BLOCK", 64 * 1024)
    monkeypatch.setattr(csv_reader, "BLOCK_BYTES", 64 * 1024)
    rows = "".join(
        f"c{i % 5000},A{i % 7},2024-01-01 {i % 24:02}:00:00,2024-02-01,r,1\n"
        for i in range(50_000)
    )
    src = write(tmp_path, "big.csv", SMALL_CSV.split("\n")[0] + "\n" + rows)
    seen: list[float] = []
    import_log(src, tmp_path / "log", progress=lambda f, m: seen.append(f))
    assert seen == sorted(seen)
    assert seen[-1] == 1.0
    assert len([f for f in seen if 0 < f < 0.85]) > 5


def test_large_xes_is_split_into_chunks(tmp_path, monkeypatch):
    from tuuma.caselog.engine.reading import xes as xes_reader

    monkeypatch.setattr(xes_reader, "CHUNK_BYTES", 2_000)
    traces = [
        trace(
            f"c{i}",
            event("A", f"2024-01-{1 + i % 28:02}T00:00:00"),
            event("B", "2024-03-01T00:00:00"),
        )
        for i in range(200)
    ]
    import_log(write(tmp_path, "a.xes", xes(*traces)), tmp_path / "log")
    log = open_log(tmp_path / "log")
    assert (log.summary.cases, log.summary.events, log.summary.variants) == (
        200,
        400,
        1,
    )


def test_error_line_in_a_later_chunk(tmp_path, monkeypatch):
    from tuuma.caselog.engine.errors import LogImportError
    from tuuma.caselog.engine.reading import xes as xes_reader

    monkeypatch.setattr(xes_reader, "CHUNK_BYTES", 2_000)
    traces = [trace(f"c{i}", event("A", "2024-01-01T00:00:00")) for i in range(200)]
    traces[150] = trace("bad", event("A", "2024-13-45T00:00:00"))
    text = xes(*traces)
    try:
        import_log(write(tmp_path, "a.xes", text), tmp_path / "log")
    except LogImportError as error:
        assert error.code == "bad_timestamp"
        lines = text.split("\n")
        assert "2024-13-45" in lines[error.line - 1]
    else:
        raise AssertionError("no error")


def test_csv_semicolons_and_quoted_newlines_across_blocks(tmp_path, monkeypatch):
    from tuuma.caselog.engine.reading import csv as csv_reader

    monkeypatch.setattr(csv_reader, "BLOCK_BYTES", 200)
    rows = "".join(
        f'c{i};"step\n{i % 3}";2024-01-01 00:{i % 60:02}:00;"note; ""{i}"""\n'
        for i in range(300)
    )
    src = write(
        tmp_path, "a.csv", "case:concept:name;concept:name;time:timestamp;note\n" + rows
    )
    import_log(src, tmp_path / "log")
    log = open_log(tmp_path / "log")
    assert log.summary.events == 300
    assert log.activity_names == ["step\n0", "step\n1", "step\n2"]
    notes = log.scan_events().collect()["note"].to_list()
    assert sorted(notes)[:2] == ['note; "0"', 'note; "1"']


def test_helper_process_gives_the_same_log(tmp_path, monkeypatch):
    from tuuma.caselog.engine.reading import xes as xes_reader

    monkeypatch.setattr(xes_reader, "CHUNK_BYTES", 4_000)
    src = write(tmp_path, "a.xes", _numbered_cases(2_000))
    import_log(src, tmp_path / "one", workers=1)
    import_log(src, tmp_path / "two", workers=2)
    one, two = open_log(tmp_path / "one"), open_log(tmp_path / "two")
    assert figures(select(one)) == figures(select(two))
    assert one.scan_events().collect().equals(two.scan_events().collect())
    assert not list(tmp_path.glob("*/chunk-*"))


def test_parts_spilled_to_disk_give_the_same_log(tmp_path, monkeypatch):
    from tuuma.caselog.engine import tables
    from tuuma.caselog.engine.reading import xes as xes_reader

    monkeypatch.setattr(xes_reader, "CHUNK_BYTES", 4_000)
    src = write(tmp_path, "a.xes", _numbered_cases(500))
    import_log(src, tmp_path / "held")
    spilled = []
    monkeypatch.setattr(tables.PartCollector, "SPILL_BYTES", 1)
    monkeypatch.setattr(
        tables.PartCollector, "_spill", _recording(tables.PartCollector._spill, spilled)
    )
    import_log(src, tmp_path / "spilled")
    held, spill = open_log(tmp_path / "held"), open_log(tmp_path / "spilled")
    assert len(spilled) > 5
    assert held.scan_events().collect().equals(spill.scan_events().collect())
    assert held.cases.equals(spill.cases)
    assert held.cases["n"].to_list() == list(range(500))


def _numbered_cases(n: int) -> str:
    """Cases c0, c1... with a case attribute ``n`` and three variants."""
    return xes(
        *[
            trace(
                f"c{i}",
                event("A", f"2024-01-{1 + i % 28:02}T00:00:00"),
                event(f"B{i % 3}", "2024-03-01T00:00:00"),
                attrs=f'<int key="n" value="{i}"/>',
            )
            for i in range(n)
        ]
    )


def _recording(method, calls):
    def record(self):
        calls.append(len(self.event_parts))
        return method(self)

    return record


def test_helper_process_error_is_reported_with_its_line(tmp_path, monkeypatch):
    from tuuma.caselog.engine.errors import LogImportError
    from tuuma.caselog.engine.reading import xes as xes_reader

    monkeypatch.setattr(xes_reader, "CHUNK_BYTES", 4_000)
    traces = [trace(f"c{i}", event("A", "2024-01-01T00:00:00")) for i in range(2_000)]
    traces[1_500] = trace("bad", event("A", "2024-01-01T00:00:00")).replace(
        "</trace>", "</trcae>"
    )
    text = xes(*traces)
    try:
        import_log(write(tmp_path, "a.xes", text), tmp_path / "log", workers=2)
    except LogImportError as error:
        assert error.code == "not_xes"
        assert "trcae" in text.split("\n")[error.line - 1]
    else:
        raise AssertionError("no error")
    assert not (tmp_path / "log").exists()


def test_case_attribute_taken_from_the_first_row_that_has_it(tmp_path):
    text = (
        "case:concept:name,concept:name,time:timestamp,case:unit\n"
        "c1,A,2024-01-01,\nc1,B,2024-01-02,Building\nc1,C,2024-01-03,Other\n"
    )
    import_log(write(tmp_path, "a.csv", text), tmp_path / "log")
    assert open_log(tmp_path / "log").cases["unit"].to_list() == ["Building"]


def test_cancel_from_progress_leaves_nothing(tmp_path, monkeypatch):
    from tuuma.caselog.engine.reading import xes as xes_reader

    monkeypatch.setattr(xes_reader, "CHUNK_BYTES", 4_000)
    traces = [trace(f"c{i}", event("A", "2024-01-01T00:00:00")) for i in range(2_000)]
    src = write(tmp_path, "a.xes", xes(*traces))
    out = tmp_path / "out"

    def cancel(fraction: float, message: str) -> None:
        if fraction > 0.3:
            raise KeyboardInterrupt

    try:
        import_log(src, out / "log", progress=cancel, workers=2)
    except KeyboardInterrupt:
        pass
    else:
        raise AssertionError("not cancelled")
    assert list(out.iterdir()) == []
