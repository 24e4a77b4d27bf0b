"""Uploading logs as municipalities export them: Excel-made CSV and XLSX, local
time, suggested columns, and errors a person can act on."""

import ast
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tuuma.caselog.engine import Peek
from tuuma.caselog.engine.tests.test_spreadsheets import FINNISH, XLSX_ROWS, workbook
from tuuma.caselog.models import CaseLog
from tuuma.caselog.preview import suggest_columns
from tuuma.caselog.tests.conftest import files_under
from tuuma.jobs.models import Job, JobStatus

APP = Path(__file__).resolve().parents[1]


def _upload(client, name: str, content: bytes, prefix: str = "", **fields):
    return client.post(
        f"{prefix}/tapahtumalokit/uusi/",
        {"file": SimpleUploadedFile(name, content), "name": "Luvat", **fields},
    )


@pytest.mark.django_db
def test_an_excel_csv_in_windows_1252_is_suggested_mapped_and_imported_in_local_time(
    client, cast, run_jobs
):
    client.force_login(cast.caselog_analyst)
    response = _upload(client, "luvat.csv", FINNISH.encode("cp1252"))
    assert response.status_code == 302
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Päätös" in html and "cp1252" in html
    assert page.context["form"].initial == {
        "case_column": "Asianumero",
        "activity_column": "Käsittelyvaihe",
        "timestamp_column": "Aika",
        "start_column": "",
        "resource_column": "Käsittelijä",
    }
    client.post(response["Location"], page.context["form"].initial)
    run_jobs()
    job = Job.objects.get()
    assert job.status == JobStatus.SUCCEEDED, job.error
    version = CaseLog.objects.get().current_version
    assert (version.cases, version.events) == (2, 4)
    # 1.6.2025 9.00 in Helsinki (summer, UTC+3); 5.12.2025 14.05 (winter, UTC+2)
    assert version.first_event_at == datetime(2025, 6, 1, 6, 0, tzinfo=UTC)
    assert version.last_event_at == datetime(2025, 12, 5, 12, 5, tzinfo=UTC)


@pytest.mark.django_db
def test_the_upload_form_can_say_the_times_are_utc(client, cast, run_jobs):
    client.force_login(cast.caselog_analyst)
    response = _upload(client, "luvat.csv", FINNISH.encode("cp1252"), timezone="UTC")
    client.post(
        response["Location"], client.get(response["Location"]).context["form"].initial
    )
    run_jobs()
    version = CaseLog.objects.get().current_version
    assert version.first_event_at == datetime(2025, 6, 1, 9, 0, tzinfo=UTC)


@pytest.mark.django_db
def test_a_workbook_sheet_is_chosen_on_the_columns_page(
    client, cast, run_jobs, tmp_path
):
    workbook(tmp_path / "luvat.xlsx", {"Ohje": [["Lue tämä"]], "Tapahtumat": XLSX_ROWS})
    client.force_login(cast.caselog_analyst)
    response = _upload(client, "luvat.xlsx", (tmp_path / "luvat.xlsx").read_bytes())
    first = client.get(response["Location"]).content.decode()
    assert "?sheet=Tapahtumat" in first
    page = client.get(response["Location"] + "?sheet=Tapahtumat")
    assert page.context["preview"].columns[0] == "Asianumero"
    assert page.context["form"].initial["timestamp_column"] == "Aika"
    client.post(
        response["Location"], {**page.context["form"].initial, "sheet": "Tapahtumat"}
    )
    run_jobs()
    job = Job.objects.get()
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert CaseLog.objects.get().current_version.events == 4


@pytest.mark.django_db
def test_unreadable_times_fail_the_job_naming_column_format_and_three_examples(
    client, cast, run_jobs, media_root
):
    rows = "".join(
        f"R-{i};Vireille;{value}\n"
        for i, value in enumerate(
            ["3.12.2025 14.05", "31.2.2025", "huomenna", "x", "y"]
        )
    )
    content = ("Asianumero;Käsittelyvaihe;Aika\n" + rows).encode("cp1252")
    client.force_login(cast.caselog_analyst)
    response = _upload(client, "luvat.csv", content)
    client.post(
        response["Location"], client.get(response["Location"]).context["form"].initial
    )
    run_jobs()
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED
    assert "Aika" in job.error
    assert "D.M.YYYY hh.mm" in job.error
    for value in ("31.2.2025", "huomenna", "x"):
        assert f"”{value}”" in job.error  # Finnish quotes
    assert "rivi 2" in job.error  # in Finnish, the user's language
    assert not CaseLog.objects.exists()
    assert files_under(media_root / "caselogs") == []


@pytest.mark.django_db
def test_a_password_protected_workbook_is_refused_on_the_page(client, cast, media_root):
    locked = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 500
        + "EncryptedPackage".encode("utf-16-le")
    )
    client.force_login(cast.caselog_analyst)
    response = _upload(client, "luvat.xlsx", locked, prefix="/en")
    assert response.status_code == 422
    assert "password-protected" in response.content.decode()
    assert files_under(media_root / "caselogs") == []


@pytest.mark.django_db
def test_a_csv_in_another_encoding_than_chosen_is_refused_with_advice(
    client, cast, media_root
):
    client.force_login(cast.caselog_analyst)
    response = _upload(
        client, "luvat.csv", FINNISH.encode("cp1252"), prefix="/sv", encoding="utf-8"
    )
    assert response.status_code == 422
    assert "Windows-1252" in response.content.decode()


@pytest.mark.parametrize(
    ("columns", "rows", "expected"),
    [
        (
            ["Ärendenummer", "Åtgärd", "Datum", "Handläggare"],
            [["Dnr 1/2025", "Beslut", "3.12.2025", "A"]],
            ("Ärendenummer", "Åtgärd", "Datum", "", "Handläggare"),
        ),
        (
            ["Diaarinumero", "Toimenpide", "Alkuaika", "Loppuaika", "Esittelijä"],
            [["1/2025", "Päätös", "3.12.2025 9.00", "3.12.2025 10.00", "X"]],
            ("Diaarinumero", "Toimenpide", "Loppuaika", "Alkuaika", "Esittelijä"),
        ),
        (
            ["Case ID", "Activity", "Complete Timestamp", "Resource"],
            [["7", "Submit", "2025-12-03 10:00", "r1"]],
            ("Case ID", "Activity", "Complete Timestamp", "", "Resource"),
        ),
        (  # names say nothing: the values do
            ["A", "B", "C"],
            [["Lupa", "R-12", "3.12.2025 klo 14.05"], ["Päätös", "R-12", "4.12.2025"]],
            ("B", "A", "C", "", ""),
        ),
    ],
)
def test_columns_are_suggested_from_names_and_values(columns, rows, expected):
    got = suggest_columns(Peek("csv", columns, rows))
    assert (got.case, got.activity, got.timestamp, got.start, got.resource) == expected


def _imports(module: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(module.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
    return names


def test_the_upload_path_has_no_import_cycle():
    """tasks imports actions; actions and imports never import tasks."""
    for name in ("actions.py", "imports.py", "preview.py", "forms.py"):
        assert "tuuma.caselog.tasks" not in _imports(APP / name), name
    assert "tuuma.caselog.actions" in _imports(APP / "tasks.py")
    for path in (APP / "engine").rglob("*.py"):
        assert not any(n.startswith("django") for n in _imports(path)), path


@pytest.mark.django_db
def test_a_start_time_column_shows_processing_time_on_the_bottlenecks_page(
    client, cast, run_jobs
):
    content = (
        "Asianumero;Toimenpide;Alkuaika;Aika\n"
        "1;Käsittely;1.12.2025 8.00;1.12.2025 10.00\n"
        "1;Päätös;2.12.2025 9.00;2.12.2025 9.30\n"
    ).encode("cp1252")
    client.force_login(cast.caselog_analyst)
    response = _upload(client, "luvat.csv", content)
    form = client.get(response["Location"]).context["form"]
    assert form.initial["start_column"] == "Alkuaika"
    client.post(response["Location"], form.initial)
    run_jobs()
    caselog = CaseLog.objects.get()
    page = client.get(f"/en/tapahtumalokit/{caselog.pk}/pullonkaulat/")
    assert page.status_code == 200, page.status_code
    assert "Activities by median processing time" in page.content.decode()
