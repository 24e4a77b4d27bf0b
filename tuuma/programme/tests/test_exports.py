import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from tuuma.programme import actions

pytestmark = pytest.mark.django_db

PAYLOAD = '=HYPERLINK("http://evil.example","klik")'


@pytest.fixture
def risky(make_measure, cast):
    measure = make_measure(title=PAYLOAD, description="+1+2", owner=cast.process_owner)
    actions.measure_record_result(
        measure=measure, by=cast.manager, aim="-5", achieved="@SUM(A1:A2)"
    )
    actions.indicator_create(
        measure=measure,
        name="Odotusaika",
        unit="pv",
        direction="decrease",
        baseline_value=10,
        baseline_date=date(2026, 1, 1),
        target_value=5,
        target_date=date(2026, 12, 1),
    )
    return measure


def test_csv_export_quotes_cells_that_would_be_formulas(client, cast, risky):
    client.force_login(cast.manager)
    response = client.get("/ohjelma/ohjelma.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))  # tuuma.lib.exports
    header, row = rows[0], rows[1]
    assert header[1] == "Otsikko"
    assert row[1] == "'" + PAYLOAD
    assert row[header.index("Mihin pyrimme")] == "'-5"
    assert row[header.index("Mitä saavutimme")] == "'@SUM(A1:A2)"
    assert "Odotusaika: 10 → 5 → – pv" in row


def test_xlsx_export_has_no_formulas(client, cast, risky):
    client.force_login(cast.manager)
    response = client.get("/en/ohjelma/ohjelma.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["B1"].value == "Title"
    assert sheet["B2"].value == "'" + PAYLOAD
    assert sheet["B2"].data_type == "s"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_exports_leave_out_what_the_reader_may_not_see(client, risky):
    response = client.get("/ohjelma/ohjelma.csv")
    assert len(list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))) == 1


def test_printable_report_per_area_shows_progress_and_results(
    client, cast, risky, area
):
    actions.measure_post_progress(
        measure=risky,
        by=cast.manager,
        date=date(2026, 5, 1),
        percent=70,
        text="Melkein",
    )
    client.force_login(cast.manager)
    page = client.get("/en/ohjelma/raportti/", {"area": area.slug}).content.decode()
    assert "Programme report: Tekniset palvelut" in page
    assert "70 %" in page
    assert "@SUM(A1:A2)" in page
    page = client.get("/en/ohjelma/raportti/").content.decode()
    assert "whole organisation (steering group)" in page
