"""Every bad input gets a LogImportError with a stable code, and writes nothing."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tuuma.caselog.engine.errors import LogImportError
from tuuma.caselog.engine.store import import_log, load_log
from tuuma.caselog.engine.tests.conftest import HEADER, KEYS, event, trace, write, xes


def assert_fails(src: Path, code: str, **options) -> LogImportError:
    dest = src.parent / "out" / "log"
    with pytest.raises(LogImportError) as info:
        import_log(src, dest, **options)
    assert info.value.code == code, info.value
    assert not dest.exists()
    leftovers = list(dest.parent.iterdir()) if dest.parent.exists() else []
    assert leftovers == []
    # The in-memory read of ``analyze`` (key columns only) fails alike.
    with pytest.raises(LogImportError) as lean:
        load_log(src, **options)
    assert lean.value.to_dict() == info.value.to_dict()
    return info.value


def test_not_xes(tmp_path):
    error = assert_fails(write(tmp_path, "a.xes", "<html><body/></html>"), "not_xes")
    assert error.line == 1


def test_not_xml(tmp_path):
    assert_fails(write(tmp_path, "a.xes", "just text"), "not_xes")


def test_malformed_xes(tmp_path):
    text = xes(trace("c1", event("A", "2024-01-01T00:00:00")))
    error = assert_fails(
        write(tmp_path, "a.xes", text.replace("</trace>", "</trcae>")), "not_xes"
    )
    assert error.line is not None


def test_missing_activity_names_the_line(tmp_path):
    text = xes(
        trace(
            "c1", event("A", "2024-01-01T00:00:00"), event(None, "2024-01-02T00:00:00")
        )
    )
    error = assert_fails(write(tmp_path, "a.xes", text), "missing_value")
    assert error.column == "concept:name"
    assert error.line == 5


def test_missing_timestamp(tmp_path):
    text = xes(trace("c1", event("A", "2024-01-01T00:00:00"), event("B", None)))
    error = assert_fails(write(tmp_path, "a.xes", text), "missing_value")
    assert error.column == "time:timestamp"


def test_missing_case_id(tmp_path):
    text = xes(
        trace("c1", event("A", "2024-01-01T00:00:00")),
        "<trace>\n" + event("A", "2024-01-01T00:00:00") + "</trace>\n",
    )
    error = assert_fails(write(tmp_path, "a.xes", text), "missing_value")
    assert error.column == "case:concept:name"
    assert error.line == 6


def test_xes_without_the_chosen_attribute(tmp_path):
    text = xes(trace("c1", event("A", "2024-01-01T00:00:00")))
    error = assert_fails(
        write(tmp_path, "a.xes", text), "missing_column", activity_column="nameEN"
    )
    assert error.column == "nameEN"


def test_bad_timestamp_in_xes(tmp_path):
    text = xes(trace("c1", event("A", "2024-01-01T00:00:00"), event("B", "yesterday")))
    error = assert_fails(write(tmp_path, "a.xes", text), "bad_timestamp")
    assert error.value == "yesterday"
    assert error.line == 5


def test_bad_timestamp_in_csv(tmp_path):
    text = f"{KEYS}\nc1,A,2024-01-01\nc1,B,32.13.2024\n"
    error = assert_fails(write(tmp_path, "a.csv", text), "bad_timestamp")
    assert (error.row, error.line, error.value) == (2, 3, "32.13.2024")


def test_missing_column(tmp_path):
    error = assert_fails(
        write(tmp_path, "a.csv", "case,activity\nc1,A\n"), "missing_column"
    )
    assert error.column == "case:concept:name"


def test_chosen_column_missing(tmp_path):
    text = f"{HEADER}\nc1,A,2024-01-01,,r,1\n"
    assert_fails(
        write(tmp_path, "a.csv", text), "missing_column", activity_column="step"
    )


def test_missing_value_in_csv(tmp_path):
    text = f"{KEYS}\nc1,A,2024-01-01\nc1,,2024-01-02\n"
    error = assert_fails(write(tmp_path, "a.csv", text), "missing_value")
    assert error.row == 2


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.xes", xes()),
        ("b.csv", "case:concept:name,concept:name,time:timestamp\n"),
        ("c.csv", ""),
    ],
)
def test_empty_log(tmp_path, name, text):
    assert_fails(write(tmp_path, name, text), "empty_log")


def test_file_over_limit(tmp_path):
    text = f"{HEADER}\nc1,A,2024-01-01,,r,1\n"
    error = assert_fails(write(tmp_path, "a.csv", text), "too_large", max_bytes=10)
    assert error.limit == 10


def test_gzip_bomb(tmp_path):
    rows = "c1,A,2024-01-01,,r,1\n" * 200_000
    src = write(tmp_path, "a.csv.gz", gzip.compress(f"{HEADER}\n{rows}".encode()))
    assert src.stat().st_size < 100_000
    assert_fails(src, "gzip_too_large", max_uncompressed_bytes=1_000_000)


def test_gzip_bomb_xes(tmp_path):
    text = xes(
        *[trace(f"c{i}", event("A", "2024-01-01T00:00:00")) for i in range(20_000)]
    )
    src = write(tmp_path, "a.xes.gz", gzip.compress(text.encode()))
    assert_fails(src, "gzip_too_large", max_uncompressed_bytes=500_000)


def test_corrupt_gzip(tmp_path):
    data = gzip.compress(xes(trace("c1", event("A", "2024-01-01T00:00:00"))).encode())
    assert_fails(write(tmp_path, "a.xes.gz", data[:-30]), "corrupt_gzip")
    damaged = data[:20] + bytes(b ^ 0xFF for b in data[20:40]) + data[40:]
    assert_fails(write(tmp_path, "b.xes.gz", damaged), "corrupt_gzip")


def test_unknown_format(tmp_path):
    assert_fails(write(tmp_path, "a.txt", "x"), "unknown_format")


def test_bad_parquet(tmp_path):
    assert_fails(write(tmp_path, "a.parquet", "not parquet"), "bad_parquet")


def test_bad_csv_row(tmp_path):
    text = "case:concept:name,concept:name,time:timestamp\nc1,A,2024-01-01,extra\n"
    assert_fails(write(tmp_path, "a.csv", text), "bad_csv")


def test_destination_exists(tmp_path):
    src = write(tmp_path, "a.csv", f"{HEADER}\nc1,A,2024-01-01,,r,1\n")
    (tmp_path / "dest").mkdir()
    with pytest.raises(LogImportError) as info:
        import_log(src, tmp_path / "dest")
    assert info.value.code == "dest_exists"


def test_error_to_dict(tmp_path):
    text = "case:concept:name,concept:name,time:timestamp\nc1,A,nope\n"
    error = assert_fails(write(tmp_path, "a.csv", text), "bad_timestamp")
    assert error.to_dict()["code"] == "bad_timestamp"
    assert error.to_dict()["value"] == "nope"
