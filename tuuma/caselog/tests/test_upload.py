"""Uploading a log: the job imports it, bad files leave nothing behind."""

import gzip

import polars as pl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tuuma.caselog.models import CaseLog, CaseLogVersion
from tuuma.caselog.tests.conftest import files_under
from tuuma.jobs.models import Job, JobStatus

CSV = (
    "Asia;Toimenpide;Aika;Käsittelijä;case:asiaryhmä\n"
    "A1;vireilletulo;2024-01-02 09:00;e101;rakennuslupa\n"
    "A1;päätös;2024-01-20 12:00;e102;rakennuslupa\n"
    "A2;vireilletulo;2024-02-01 08:00;e101;\n"
    "A2;valmistelu;2024-02-03 08:00;e103;\n"
    "A2;päätös;2024-03-01 08:00;e102;\n"
)


def _post(client, name: str, content: bytes, **fields):
    return client.post(
        "/tapahtumalokit/uusi/",
        {
            "file": SimpleUploadedFile(name, content),
            "name": fields.pop("log_name", "Rakennusluvat"),
            "source_system": "Dynasty",
            "description": "Testi",
            **fields,
        },
    )


def _nothing_left(media_root) -> None:
    assert not CaseLog.objects.exists()
    assert not CaseLogVersion.objects.exists()
    assert files_under(media_root / "caselogs") == []


@pytest.mark.django_db
def test_an_xes_upload_is_imported_by_the_job_and_the_job_links_to_the_log(
    client, cast, wabo_path, run_jobs, media_root
):
    client.force_login(cast.caselog_analyst)
    response = _post(client, wabo_path.name, wabo_path.read_bytes())
    assert response.status_code == 302
    job = Job.objects.get()
    assert response["Location"] == f"/tyot/{job.pk}/"
    run_jobs()
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED, job.error
    caselog = CaseLog.objects.get()
    assert caselog.source_system == "Dynasty"
    assert caselog.current_version.cases == 1434
    assert job.result_url == caselog.get_absolute_url()
    assert not (
        media_root / "caselogs" / str(caselog.organisation_id) / "uploads"
    ).exists() or not any(
        (media_root / "caselogs" / str(caselog.organisation_id) / "uploads").iterdir()
    )
    page = client.get(f"/tyot/{job.pk}/").content.decode()
    assert caselog.get_absolute_url() in page


@pytest.mark.django_db
def test_a_csv_upload_maps_columns_with_a_preview_and_pseudonymises_employees(
    client, cast, run_jobs
):
    client.force_login(cast.caselog_analyst)
    response = _post(client, "luvat.csv", CSV.encode(), pseudonymise="on")
    assert response.status_code == 302 and "/sarakkeet/" in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert "e101" in page and "rakennuslupa" in page
    response = client.post(
        response["Location"],
        {
            "case_column": "Asia",
            "activity_column": "Toimenpide",
            "timestamp_column": "Aika",
            "resource_column": "Käsittelijä",
        },
    )
    assert response.status_code == 302
    run_jobs()
    job = Job.objects.get()
    assert job.status == JobStatus.SUCCEEDED, job.error
    version = CaseLog.objects.get().current_version
    assert (version.cases, version.events) == (2, 5)
    events = pl.read_parquet(version.path / "events.parquet")
    resources = set(events["Käsittelijä"].to_list())
    assert not resources & {"e101", "e102", "e103"}
    assert all(r.startswith("p-") for r in resources)
    assert not (version.path / "original").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("loki.txt", b"hello", "type is not known"),
        ("loki.xes.gz", b"not gzip at all", "gzip"),
        ("loki.csv", b"\xff\xfe\x00bad", "CSV"),
    ],
)
def test_a_bad_file_is_refused_on_the_page_and_nothing_is_left(
    client, cast, media_root, name, content, expected
):
    client.force_login(cast.caselog_analyst)
    response = client.post(
        "/en/tapahtumalokit/uusi/",
        {"file": SimpleUploadedFile(name, content), "name": "x"},
    )
    assert response.status_code == 422
    assert expected in response.content.decode()
    _nothing_left(media_root)
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused(
    client, cast, wabo_path, settings, media_root
):
    settings.CASELOG_MAX_UPLOAD_BYTES = 1000
    client.force_login(cast.caselog_analyst)
    response = _post(client, wabo_path.name, wabo_path.read_bytes())
    assert response.status_code == 422
    assert "1000" in response.content.decode() or "KB" in response.content.decode()
    _nothing_left(media_root)


@pytest.mark.django_db
def test_a_truncated_gzip_is_refused_at_once_with_a_clear_error_and_leaves_nothing(
    client, cast, wabo_path, media_root
):
    client.force_login(cast.caselog_analyst)
    content = wabo_path.read_bytes()[:50_000]
    response = _post(client, wabo_path.name, content)
    assert response.status_code == 422
    assert "vioittunut" in response.content.decode()  # in Finnish
    _nothing_left(media_root)
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_a_gzip_bomb_is_refused_at_once_at_the_decompressed_limit(
    client, cast, media_root, settings
):
    settings.CASELOG_MAX_UNCOMPRESSED_BYTES = 1_000_000
    bomb = gzip.compress(b"<log>" + b" " * 5_000_000)
    client.force_login(cast.caselog_analyst)
    response = _post(client, "bomb.xes.gz", bomb)
    assert response.status_code == 422
    assert "purkautuu suuremmaksi" in response.content.decode()
    _nothing_left(media_root)
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_a_new_csv_version_is_mapped_as_the_last_one_and_becomes_current(
    client, cast, run_jobs
):
    client.force_login(cast.caselog_analyst)
    first = _post(client, "luvat.csv", CSV.encode())
    client.post(
        first["Location"],
        {
            "case_column": "Asia",
            "activity_column": "Toimenpide",
            "timestamp_column": "Aika",
        },
    )
    run_jobs()
    caselog = CaseLog.objects.get()
    response = client.post(
        f"/tapahtumalokit/{caselog.pk}/uusi-versio/",
        {"file": SimpleUploadedFile("luvat2.csv", CSV.encode())},
    )
    form = client.get(response["Location"]).context["form"]
    assert form.initial["case_column"] == "Asia"
    assert form.initial["timestamp_column"] == "Aika"
    client.post(response["Location"], form.initial)
    run_jobs()
    caselog.refresh_from_db()
    assert caselog.current_version.number == 2
    assert caselog.versions.count() == 2


@pytest.mark.django_db
def test_cancelling_the_column_mapping_removes_the_upload(client, cast, media_root):
    client.force_login(cast.caselog_analyst)
    response = _post(client, "luvat.csv", CSV.encode())
    client.post(response["Location"], {"cancel": "1"})
    _nothing_left(media_root)


@pytest.mark.django_db
def test_an_unexpected_failure_fails_the_job_visibly(
    client, cast, wabo_path, run_jobs, monkeypatch
):
    from tuuma.caselog import tasks

    def broken(**kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(tasks, "caselog_import_version", broken)
    client.force_login(cast.caselog_analyst)
    _post(client, wabo_path.name, wabo_path.read_bytes())
    run_jobs()
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED
    assert "odottamatta" in job.error
