"""Logs as Finnish case-management systems export them: Excel-made CSV and XLSX,
local time. Every file is made here; the figures are worked out by hand in the
comments (Helsinki is UTC+2 in winter, UTC+3 in summer)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import polars as pl
import pytest

from tuuma.caselog.engine import CaseFilter, figures, select, throughput
from tuuma.caselog.engine.analysis.deadlines import AttributeDeadline, compliance
from tuuma.caselog.engine.store import import_log, open_log
from tuuma.caselog.engine.tests.conftest import write
from tuuma.caselog.engine.tests.test_import_errors import assert_fails

FINNISH = (
    "Rakennuslupien käsittely 2025;;;;\r\n"
    ";;;;\r\n"
    "Asianumero;Käsittelyvaihe;Aika;Käsittelijä;Summa\r\n"
    "R-1;Vireille;3.12.2025 klo 14.05;Mäkinen;1,5\r\n"
    'R-1;Päätös;5.12.2025 14.05;"Mäkinen\r\n(sijainen)";2,25\r\n'
    "R-2;Vireille;1.6.2025 9.00;Åberg;10\r\n"
    "R-2;Päätös;1.12.2025 0.30;Åberg;0,5\r\n"
    ";;;;\r\n"
)
COLUMNS = {
    "case_column": "Asianumero",
    "activity_column": "Käsittelyvaihe",
    "timestamp_column": "Aika",
}
# 3.12. 14:05 EET -> 5.12. 14:05 EET, two days. R-2: 1.6. 09:00 EEST
# (06:00Z) -> 1.12. 00:30 EET (30.11. 22:30Z): Jun 29 + Jul 31 + Aug 31 + Sep 30
# + Oct 31 + Nov 30 = 182 days from 1.6. 06:00Z to 30.11. 06:00Z, plus 16.5 h.
R1_SECONDS = 2 * 86400
R2_SECONDS = 182 * 86400 + 16.5 * 3600


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def imported(tmp_path, name: str, data: bytes, **options):
    import_log(write(tmp_path, name, data), tmp_path / "log", **COLUMNS, **options)
    return open_log(tmp_path / "log")


def check_finnish_log(log) -> None:
    events = log.scan_events().collect()
    assert log.activity_names == ["Päätös", "Vireille"]
    assert events["_time"].to_list() == [
        utc(2025, 12, 3, 12, 5),
        utc(2025, 12, 5, 12, 5),
        utc(2025, 6, 1, 6, 0),
        utc(2025, 11, 30, 22, 30),
    ]
    assert events["Summa"].to_list() == [1.5, 2.25, 10.0, 0.5]
    assert events["Käsittelijä"][1] == "Mäkinen\r\n(sijainen)"
    result = figures(select(log))
    assert (result["cases"], result["events"]) == (2, 4)
    assert result["throughput_seconds"]["mean"] == (R1_SECONDS + R2_SECONDS) / 2


@pytest.mark.parametrize(
    ("encoding", "chosen"),
    [
        ("cp1252", None),
        ("iso-8859-15", None),
        ("utf-8-sig", None),
        ("cp1252", "cp1252"),
    ],
)
def test_excel_csv_in_finnish_encodings_is_read_as_written(tmp_path, encoding, chosen):
    log = imported(tmp_path, "loki.csv", FINNISH.encode(encoding), encoding=chosen)
    check_finnish_log(log)
    assert log.summary.event_attributes == {"Käsittelijä": "string", "Summa": "float"}


def test_utf16_tab_separated_text_from_excel_is_read(tmp_path):
    text = FINNISH.replace(";", "\t")
    check_finnish_log(imported(tmp_path, "loki.csv", text.encode("utf-16")))


def test_iso_8859_15_euro_sign_stays_a_euro_sign(tmp_path):
    text = "tunnus;vaihe;pvm;maksu\nA;Päätös;1.1.2025;5 €\n"
    import_log(
        write(tmp_path, "e.csv", text.encode("iso-8859-15")),
        tmp_path / "e",
        case_column="tunnus",
        activity_column="vaihe",
        timestamp_column="pvm",
    )
    log = open_log(tmp_path / "e")
    assert log.scan_events().collect()["maksu"].to_list() == ["5 €"]
    assert log.activity_names == ["Päätös"]


def test_a_case_decided_at_half_past_midnight_belongs_to_that_local_day(tmp_path):
    log = imported(tmp_path, "loki.csv", FINNISH.encode("cp1252"))
    by_end = throughput(select(log), bins=1, trend_by="end")["monthly"]
    assert [(m["month"], m["cases"]) for m in by_end] == [("2025-12", 2)]
    by_start = throughput(select(log), bins=1, trend_by="start")["monthly"]
    assert [m["month"] for m in by_start] == ["2025-06", "2025-12"]
    december = CaseFilter(start=date(2025, 12, 1), time_mode="ended")
    assert select(log, december).cases.height == 2  # R-2 too (22:30Z on 30.11.)


def test_in_utc_the_same_file_gives_utc_days(tmp_path):
    log = imported(tmp_path, "loki.csv", FINNISH.encode("cp1252"), timezone="UTC")
    assert log.timezone == "UTC"
    assert log.scan_events().collect()["_time"][3] == utc(2025, 12, 1, 0, 30)


@pytest.mark.parametrize(
    ("local", "expected"),
    [
        ("2025-06-01 12:00", utc(2025, 6, 1, 9)),  # summer time, UTC+3
        ("2025-03-30 03:30", utc(2025, 3, 30, 1, 30)),  # skipped hour: as 04:30
        ("2025-10-26 03:30", utc(2025, 10, 26, 0, 30)),  # repeated hour: first
        ("2025-12-03T14:05:00+00:00", utc(2025, 12, 3, 14, 5)),  # offset wins
    ],
)
def test_daylight_saving_time_is_applied(tmp_path, local, expected):
    text = f"case,activity,time\nc,A,{local}\n"
    import_log(
        write(tmp_path, "t.csv", text),
        tmp_path / "log",
        case_column="case",
        activity_column="activity",
        timestamp_column="time",
    )
    assert open_log(tmp_path / "log").scan_events().collect()["_time"][0] == expected


def test_a_deadline_date_is_the_whole_local_day(tmp_path):
    text = (
        "case,activity,time,case:deadline\n"
        "a,A,1.12.2025 8.00,2025-12-01\n"
        "a,B,1.12.2025 23.59,2025-12-01\n"
        "b,A,1.12.2025 8.00,2025-12-01\n"
        "b,B,2.12.2025 0.30,2025-12-01\n"
    )
    import_log(
        write(tmp_path, "d.csv", text),
        tmp_path / "log",
        case_column="case",
        activity_column="activity",
        timestamp_column="time",
    )
    result = compliance(select(open_log(tmp_path / "log")), AttributeDeadline())
    assert (result["met"], result["late"]) == (1, 1)
    assert result["late_cases"] == [{"case": "b", "over_seconds": 30 * 60.0}]


def test_unreadable_timestamps_are_named_with_three_examples(tmp_path):
    rows = "".join(
        f"R-{i};Vireille;{value};X;1\n"
        for i, value in enumerate(
            ["3.12.2025 14.05", "31.2.2025 10.00", "huomenna", "2025/12/03", "x"]
        )
    )
    header = "Raportti;;;;\nAsianumero;Käsittelyvaihe;Aika;Käsittelijä;Summa\n"
    src = write(tmp_path, "bad.csv", (header + rows).encode("cp1252"))
    error = assert_fails(src, "bad_timestamp", **COLUMNS)
    # The header is on line 2; row 2 of the table is line 4.
    assert (error.row, error.line, error.column) == (2, 4, "Aika")
    assert error.format == "D.M.YYYY hh.mm"
    assert [e["value"] for e in error.examples] == [
        "31.2.2025 10.00",
        "huomenna",
        "2025/12/03",
    ]
    assert error.examples[2]["location"] == "row 4 (line 6)"


def test_a_file_in_another_encoding_than_chosen_is_refused(tmp_path):
    src = write(tmp_path, "a.csv", FINNISH.encode("cp1252"))
    error = assert_fails(src, "bad_encoding", encoding="utf-8", **COLUMNS)
    assert error.value == "utf-8"


def test_a_missing_case_id_names_row_and_line(tmp_path):
    text = "Raportti\n\nAsianumero;Käsittelyvaihe;Aika\nR-1;A;1.1.2025\n;B;2.1.2025\n"
    error = assert_fails(write(tmp_path, "m.csv", text), "missing_value", **COLUMNS)
    assert (error.row, error.line, error.column) == (2, 5, "Asianumero")


def workbook(path, sheets: dict[str, list[list]]) -> None:
    import xlsxwriter  # noqa: PLC0415

    book = xlsxwriter.Workbook(str(path))
    stamp = book.add_format({"num_format": "d.m.yyyy hh:mm"})
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, datetime):
                    sheet.write_datetime(r, c, value, stamp)
                elif value is not None:
                    sheet.write(r, c, value)
    book.close()


XLSX_ROWS = [
    ["Rakennuslupien käsittely 2025"],
    [],
    ["Asianumero", "Käsittelyvaihe", "Aika", "Käsittelijä", "Summa"],
    [1001, "Vireille", datetime(2025, 12, 3, 14, 5), "Mäkinen", 1.5],
    [1001, "Päätös", "5.12.2025 klo 14.05", "Mäkinen\n(sijainen)", 2.25],
    [1002, "Vireille", datetime(2025, 6, 1, 9, 0), "Åberg", 10],
    [1002, "Päätös", datetime(2025, 12, 1, 0, 30), "Åberg", 0.5],
]


def test_xlsx_first_sheet_with_a_title_row_is_read_like_csv(tmp_path):
    workbook(tmp_path / "loki.xlsx", {"Tapahtumat": XLSX_ROWS})
    import_log(tmp_path / "loki.xlsx", tmp_path / "log", **COLUMNS)
    log = open_log(tmp_path / "log")
    assert log.cases["_id"].to_list() == ["1001", "1002"]  # not "1001.0"
    events = log.scan_events().collect()
    assert events["_time"].to_list() == [
        utc(2025, 12, 3, 12, 5),
        utc(2025, 12, 5, 12, 5),
        utc(2025, 6, 1, 6, 0),
        utc(2025, 11, 30, 22, 30),
    ]
    assert events["Summa"].dtype == pl.Float64
    result = figures(select(log))
    assert result["throughput_seconds"]["mean"] == (R1_SECONDS + R2_SECONDS) / 2


def test_xlsx_chosen_sheet(tmp_path):
    sheets = {"Ohje": [["Tämä raportti ..."]], "Tapahtumat": XLSX_ROWS}
    workbook(tmp_path / "loki.xlsx", sheets)
    import_log(tmp_path / "loki.xlsx", tmp_path / "log", sheet="Tapahtumat", **COLUMNS)
    assert open_log(tmp_path / "log").summary.events == 4
    error = assert_fails(tmp_path / "loki.xlsx", "missing_column", **COLUMNS)
    assert error.column == "Asianumero"
    error = assert_fails(tmp_path / "loki.xlsx", "bad_xlsx", sheet="Nope", **COLUMNS)
    assert error.value == "Nope"


def test_xlsx_unreadable_timestamp_names_the_excel_row(tmp_path):
    rows = [*XLSX_ROWS, [1003, "Vireille", "ensi viikolla", "X", 1]]
    workbook(tmp_path / "loki.xlsx", {"Tapahtumat": rows})
    error = assert_fails(tmp_path / "loki.xlsx", "bad_timestamp", **COLUMNS)
    assert (error.row, error.value) == (8, "ensi viikolla")  # Excel's row 8


def test_password_protected_and_old_excel_files_get_clear_errors(tmp_path):
    # An encrypted workbook is an OLE compound file holding "EncryptedPackage";
    # this stand-in has the parts the check looks at.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1016
    locked = ole + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64
    assert_fails(write(tmp_path, "locked.xlsx", locked), "xlsx_password", **COLUMNS)
    assert_fails(write(tmp_path, "old.xlsx", ole), "bad_xlsx", **COLUMNS)
    assert_fails(write(tmp_path, "text.xlsx", "a;b;c\n"), "bad_xlsx", **COLUMNS)


def test_a_start_time_column_gives_processing_time_per_activity(tmp_path):
    from tuuma.caselog.engine import processing

    text = (
        "Asia;Vaihe;Alkoi;Valmis\n"
        "1;Käsittely;1.12.2025 8.00;1.12.2025 10.00\n"  # 2 h
        "1;Päätös;2.12.2025 9.00;2.12.2025 9.30\n"  # 30 min
        "2;Käsittely;3.12.2025 8.00;3.12.2025 12.00\n"  # 4 h
        "2;Päätös;;4.12.2025 9.00\n"  # no start: left out
    )
    import_log(
        write(tmp_path, "s.csv", text),
        tmp_path / "log",
        case_column="Asia",
        activity_column="Vaihe",
        timestamp_column="Valmis",
        start_column="Alkoi",
    )
    log = open_log(tmp_path / "log")
    rows = processing(select(log))
    assert [(r["activity"], r["count"], r["median_seconds"]) for r in rows] == [
        ("Käsittely", 2, 3 * 3600.0),
        ("Päätös", 1, 1800.0),
    ]
    assert log.meta["key_columns"]["start"] == "Alkoi"


def test_without_a_start_time_column_there_is_no_processing_time(tmp_path):
    from tuuma.caselog.engine import processing

    log = imported(tmp_path, "loki.csv", FINNISH.encode("cp1252"))
    assert processing(select(log)) is None
