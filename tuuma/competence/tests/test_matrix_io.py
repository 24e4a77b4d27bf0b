"""Importing and exporting a unit's matrix: Finnish CSV, XLSX, errors, replacing."""

import io

import polars as pl
import pytest
from django.urls import reverse
from django.utils import translation

from tuuma.audit.models import AuditEntry
from tuuma.competence import matrix_io
from tuuma.competence.models import Level
from tuuma.competence.queries import unit_matrix


def en_url(name: str, args) -> str:
    """The English page, whatever language the last request left active."""
    with translation.override("en"):
        return reverse(name, args=args)


def email(team, i: int) -> str:
    return team.workers[i].email


def csv_bytes(rows, encoding="cp1252") -> bytes:
    return "\r\n".join(";".join(row) for row in rows).encode(encoding)


def levels_of(team) -> dict:
    return {
        (row.person.full_name, row.task.name): row.level
        for row in Level.objects.filter(task__unit=team.unit).select_related(
            "person", "task"
        )
    }


def start(client, cast, team, data: bytes, name: str):
    client.force_login(cast.productivity_lead)
    url = en_url("competence:import", args=[team.unit.pk])
    upload = io.BytesIO(data)
    upload.name = name
    return client.post(url, {"file": upload}, HTTP_ACCEPT_LANGUAGE="en")


def confirm(client, team, response, step="confirm", mapping=None):
    columns = response.context["columns"]
    data = {"payload": response.context["payload"], "step": step}
    for column in columns:
        data[f"column{column['index']}"] = column["target"]
    data.update(mapping or {})
    url = en_url("competence:import", args=[team.unit.pk])
    return client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")


def test_a_finnish_csv_is_previewed_then_saved_only_when_confirmed(client, cast, team):
    data = csv_bytes(
        [
            ["Sähköposti", "Nimi", "Registering", "Archiving"],
            [email(team, 2), "Worker Äö", "3,0", ""],
            [email(team, 3), "Worker4", "2", "4"],
        ]
    )
    before = levels_of(team)
    preview = start(client, cast, team, data, "matriisi.csv")
    assert preview.status_code == 200
    assert preview.context["checked"].errors == []
    assert levels_of(team) == before  # nothing saved yet
    done = confirm(client, team, preview)
    assert done.status_code == 302
    after = levels_of(team)
    assert after[("Worker3", "Registering")] == 3
    assert ("Worker3", "Archiving") not in after  # the empty cell removed it
    assert after[("Worker4", "Archiving")] == 4
    assert after[("Worker1", "Registering")] == 4  # not in the file: untouched
    assert AuditEntry.objects.filter(action="competence.matrix_imported").exists()


def test_every_bad_cell_is_listed_by_row_and_column_and_nothing_is_saved(
    client, cast, team
):
    data = csv_bytes(
        [
            ["email", "Registering", "Archiving"],
            [email(team, 2), "5", "2,5"],
            ["nobody@example.fi", "1", "1"],
            [email(team, 3), "1", "x"],
            [email(team, 3), "1", "1"],
        ],
        "utf-8",
    )
    before = levels_of(team)
    preview = start(client, cast, team, data, "m.csv")
    errors = preview.context["checked"].errors
    assert "Row 2, column “Registering”: “5” is not a level 0–4." in errors
    assert "Row 2, column “Archiving”: “2,5” is not a level 0–4." in errors
    assert any(e.startswith("Row 3, column “email”: nobody@example.fi") for e in errors)
    assert "Row 4, column “Archiving”: “x” is not a level 0–4." in errors
    assert any(e.startswith("Row 5:") and "row 4" in e for e in errors)
    refused = confirm(client, team, preview)
    assert refused.status_code == 400
    assert levels_of(team) == before


def test_an_unknown_task_column_must_be_mapped_or_ignored(client, cast, team):
    data = csv_bytes([["email", "Registering", "Juggling"], [email(team, 4), "3", "4"]])
    preview = start(client, cast, team, data, "m.csv")
    assert preview.context["checked"].errors == [
        "Column “Juggling”: no task of the unit; choose one or ignore it."
    ]
    fixed = confirm(client, team, preview, step="check", mapping={"column2": "ignore"})
    assert fixed.context["checked"].errors == []
    saved = confirm(client, team, fixed)
    assert saved.status_code == 302
    assert levels_of(team)[("Worker5", "Registering")] == 3


def test_a_file_that_is_not_a_table_is_refused_with_a_message(client, cast, team):
    response = start(client, cast, team, b"PK\x03\x04 broken", "m.xlsx")
    assert response.status_code == 400
    assert "not a readable XLSX" in response.content.decode()
    response = start(client, cast, team, b"email\n", "m.csv")
    assert "header row and at least one row" in response.content.decode()


def test_a_tampered_preview_is_refused(client, cast, team):
    client.force_login(cast.productivity_lead)
    url = en_url("competence:import", args=[team.unit.pk])
    response = client.post(url, {"payload": "forged", "step": "confirm"})
    assert response.status_code == 400


def test_the_xlsx_export_imports_back_unchanged(client, cast, team):
    client.force_login(cast.productivity_lead)
    url = reverse("competence:export-xlsx", args=[team.unit.pk])
    response = client.get(url)
    assert response.status_code == 200
    frame = pl.read_excel(io.BytesIO(response.content), engine="calamine")
    assert frame.columns[:2] == ["email", "nimi"] or frame.columns[0] == "email"
    before = levels_of(team)
    preview = start(client, cast, team, response.content, "back.xlsx")
    assert preview.context["checked"].errors == []
    confirm(client, team, preview)
    assert levels_of(team) == before
    assert AuditEntry.objects.filter(action="competence.matrix_exported").exists()


def test_the_csv_export_is_semicolon_separated_utf8_with_a_bom(client, cast, team):
    client.force_login(cast.productivity_lead)
    body = client.get(reverse("competence:export-csv", args=[team.unit.pk])).content
    assert body.startswith(b"\xef\xbb\xbf")
    header = body.decode("utf-8-sig").splitlines()[0].split(";")
    assert header[0] == "email" and "Registering" in header


@pytest.mark.parametrize("role", ["manager", "employee"])
def test_only_whoever_sees_every_level_may_export(client, cast, team, role):
    client.force_login(cast[role])
    url = reverse("competence:export-xlsx", args=[team.unit.pk])
    assert client.get(url).status_code == 403


def test_parse_level_accepts_the_finnish_decimal_comma():
    assert matrix_io.parse_level("3,0") == 3
    assert matrix_io.parse_level(" 4 ") == 4
    assert matrix_io.parse_level("") is None
    for bad in ("5", "-1", "2,5", "kolme"):
        with pytest.raises(ValueError):
            matrix_io.parse_level(bad)


def test_matrix_rows_has_one_row_per_person_of_the_unit(team):
    rows = matrix_io.matrix_rows(unit_matrix(team.unit))
    assert len(rows) == 1 + 6
