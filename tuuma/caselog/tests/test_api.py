"""The case-log API: list, multipart upload, import status, analysis."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tuuma.caselog.models import CaseLog
from tuuma.caselog.tests.conftest import files_under


@pytest.mark.django_db
def test_an_analyst_lists_logs_and_gets_figures_under_a_filter(client, cast, wabo_log):
    client.force_login(cast.caselog_analyst)
    listing = client.get("/api/v1/caselogs").json()
    assert [row["name"] for row in listing["results"]] == ["Kuitti"]
    assert listing["results"][0]["current_version"]["cases"] == 1434
    whole = client.get(f"/api/v1/caselogs/{wabo_log.pk}/analysis").json()
    assert whole["overview"]["cases"] == 1434
    part = client.get(
        f"/api/v1/caselogs/{wabo_log.pk}/analysis",
        {"start": "2011-01-01", "mode": "started", "include": "overview,dfg"},
    ).json()
    assert 0 < part["overview"]["cases"] < 1434
    assert part["filter"]["time_mode"] == "started"
    assert part["dfg"] and "throughput" not in part


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["resident", "employee", "process_owner"])
def test_other_roles_get_403_from_the_api(client, cast, wabo_log, role):
    client.force_login(cast[role])
    assert client.get("/api/v1/caselogs").status_code == 403
    assert client.get(f"/api/v1/caselogs/{wabo_log.pk}/analysis").status_code == 403


@pytest.mark.django_db
def test_another_organisations_log_is_404_in_the_api(client, wabo_log, outsider):
    client.force_login(outsider)
    response = client.get(
        f"/api/v1/caselogs/{wabo_log.pk}/analysis", HTTP_HOST="pori.testserver"
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_an_api_upload_is_imported_and_its_status_names_the_log(
    client, cast, wabo_path, run_jobs
):
    client.force_login(cast.caselog_analyst)
    response = client.post(
        "/api/v1/caselogs",
        {
            "file": SimpleUploadedFile(wabo_path.name, wabo_path.read_bytes()),
            "name": "K",
        },
    )
    assert response.status_code == 202
    status_url = response.json()["status_url"]
    run_jobs()
    status = client.get(status_url).json()
    assert status["job"]["status"] == "succeeded"
    assert status["caselog"] == CaseLog.objects.get().pk


@pytest.mark.django_db
def test_a_csv_without_the_named_column_fails_with_a_translated_error(
    client, cast, run_jobs, media_root
):
    client.force_login(cast.caselog_analyst)
    csv = b"case;activity\nA;x\n"
    response = client.post(
        "/api/v1/caselogs",
        {"file": SimpleUploadedFile("x.csv", csv), "name": "x", "case_column": "case"},
    )
    run_jobs()
    status = client.get(response.json()["status_url"]).json()
    assert status["job"]["status"] == "failed"
    assert "concept:name" in status["job"]["error"]
    assert not CaseLog.objects.exists()
    assert files_under(media_root / "caselogs") == []


@pytest.mark.django_db
def test_the_schema_documents_the_caselog_endpoints(client, org):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/caselogs" in paths
    assert paths["/api/v1/caselogs/{id}/analysis"]["get"]["operationId"] == (
        "caselogs_analysis"
    )


@pytest.mark.django_db
def test_the_bottleneck_minimum_is_adjustable_in_the_api(client, cast, wabo_log):
    client.force_login(cast.caselog_analyst)
    url = f"/api/v1/caselogs/{wabo_log.pk}/analysis"
    default = client.get(url, {"include": "bottlenecks"}).json()["bottlenecks"]
    assert default["min_cases"] == 30
    assert all(e["cases"] >= 30 for e in default["edges_by_median_wait"])
    loose = client.get(url, {"include": "bottlenecks", "min_cases": 1}).json()
    assert loose["bottlenecks"]["edges_below_minimum"] == 0
    assert default["edges_below_minimum"] > 0
    bad = client.get(url, {"include": "bottlenecks", "min_cases": "0"})
    assert bad.status_code == 400 and "min_cases" in bad.json()
