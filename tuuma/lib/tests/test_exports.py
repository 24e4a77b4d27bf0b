"""Every CSV download speaks one dialect; XLSX keeps the same rows typed."""

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

import openpyxl
from django.utils import translation

from tuuma.lib import exports

HEADER = ["Title", "When", "Day", "Share", "Count"]
ROWS = [
    [
        '=HYPERLINK("x")',
        datetime(2025, 12, 2, 23, 30, tzinfo=UTC),
        date(2025, 12, 3),
        0.25,
        1234,
    ],
    ['Päätös; ja "lainaus"', None, None, Decimal("27.0802"), True],
]


def test_csv_is_semicolon_separated_utf8_with_a_byte_order_mark():
    content = exports.csv_bytes(HEADER, ROWS)
    assert content.startswith(b"\xef\xbb\xbf")
    lines = content.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "Title;When;Day;Share;Count"


def test_csv_values_are_machine_formats_whatever_the_language():
    with translation.override("fi"):
        content = exports.csv_bytes(HEADER, ROWS).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert rows[1] == [
        '\'=HYPERLINK("x")',
        "2025-12-03T01:30:00+02:00",
        "2025-12-03",
        "0.25",
        "1234",
    ]
    assert rows[2] == ['Päätös; ja "lainaus"', "", "", "27.0802", "true"]


def test_several_tables_share_one_file_with_their_names():
    content = exports.csv_tables_bytes(
        [("Variants", ["a"], [[1]]), ("Cases", ["b"], [[2]])]
    ).decode("utf-8-sig")
    assert content.split("\r\n")[:6] == ["Variants", "a", "1", "", "Cases", "b"]


def test_xlsx_has_the_same_rows_as_typed_cells():
    book = openpyxl.load_workbook(
        io.BytesIO(exports.xlsx_bytes([("Ideas: all/any", HEADER, ROWS)]))
    )
    sheet = book.worksheets[0]
    assert sheet.title == "Ideas allany"
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == HEADER
    assert values[1][0] == '\'=HYPERLINK("x")'
    assert values[1][1] == datetime(2025, 12, 3, 1, 30)
    assert values[1][3] == 0.25
    assert values[2][4] is True


def test_a_download_names_its_dialect_and_file():
    response = exports.csv_download("Ideat 2025", HEADER, ROWS)
    assert response["Content-Type"] == "text/csv; charset=utf-8; header=present"
    assert response["Content-Disposition"] == 'attachment; filename="ideat-2025.csv"'
    response = exports.xlsx_download("Ideat", HEADER, ROWS)
    assert response["Content-Disposition"].endswith('ideat.xlsx"')
