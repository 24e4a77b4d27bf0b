"""Uploads are sniffed before they are accepted: content that does not match its
name, and gzip or ZIP bombs, are refused at once, in the reader's language, with
a bounded memory and nothing left behind."""

import gzip
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tuuma.caselog.engine import LogImportError
from tuuma.caselog.sniffing import check_upload
from tuuma.caselog.tests.conftest import files_under
from tuuma.jobs.models import Job

MiB = 1024 * 1024
# Well under what a bomb would take if it were unpacked in memory (gigabytes).
MEMORY_BOUND = 24 * MiB
WORKBOOK_PARTS = {
    "[Content_Types].xml": b"<Types/>",
    "xl/workbook.xml": b"<workbook/>",
}


def gzip_bomb(path: Path, *, gib: int) -> Path:
    """``gib`` GiB of zeros in a few megabytes: one 64 MiB gzip member, repeated
    (concatenated members are one valid gzip stream)."""
    member = gzip.compress(bytes(64 * MiB), compresslevel=9)
    with path.open("wb") as out:
        for _ in range(gib * 16):
            out.write(member)
    return path


def zip_bomb(path: Path, *, mib: int) -> Path:
    """A workbook-shaped ZIP whose sheet unpacks to ``mib`` MiB of zeros."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in WORKBOOK_PARTS.items():
            archive.writestr(name, content)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            block = bytes(MiB)
            for _ in range(mib):
                sheet.write(block)
    return path


def _peak_while(check) -> tuple[LogImportError, int]:
    tracemalloc.start()
    try:
        with pytest.raises(LogImportError) as caught:
            check()
        return caught.value, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_gzip_bomb_stops_at_the_cap_with_bounded_memory(tmp_path):
    bomb = gzip_bomb(tmp_path / "bomb.csv.gz", gib=1)
    assert bomb.stat().st_size < 5 * MiB
    error, peak = _peak_while(lambda: check_upload(bomb, max_uncompressed=128 * MiB))
    assert error.code == "gzip_too_large"
    assert error.params["limit"] == 128 * MiB
    assert peak < MEMORY_BOUND, f"peak {peak / MiB:.1f} MiB"


def test_a_zip_bomb_workbook_is_refused_with_bounded_memory(tmp_path):
    bomb = zip_bomb(tmp_path / "bomb.xlsx", mib=256)
    assert bomb.stat().st_size < 2 * MiB
    error, peak = _peak_while(lambda: check_upload(bomb, max_uncompressed=32 * MiB))
    assert error.code == "gzip_too_large"
    assert peak < MEMORY_BOUND, f"peak {peak / MiB:.1f} MiB"


def test_a_workbook_under_the_cap_is_unpacked_as_a_stream_and_accepted(tmp_path):
    workbook = zip_bomb(tmp_path / "iso.xlsx", mib=40)
    tracemalloc.start()
    try:
        assert check_upload(workbook, max_uncompressed=64 * MiB) == "xlsx"
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_BOUND


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("loki.csv", b"\x89PNG\r\n\x1a\n" + bytes(100), "bad_csv"),
        ("loki.csv", b"a,b\n\x00\x01\x02", "bad_csv"),
        ("loki.csv", b"   \n", "empty_log"),
        ("loki.xes", b"case;activity\n1;a\n", "not_xes"),
        ("loki.xes.gz", gzip.compress(b"just text", mtime=0), "not_xes"),
        ("loki.csv.gz", b"a,b\n1,2\n", "corrupt_gzip"),
        ("loki.parquet", b"PAR1 but no footer", "bad_parquet"),
        ("loki.xlsx", b"a,b\n1,2\n", "bad_xlsx"),
        ("loki.txt", b"a,b\n", "unknown_format"),
    ],
)
def test_content_that_does_not_match_its_name_is_refused(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LogImportError) as caught:
        check_upload(path, max_uncompressed=MiB)
    assert caught.value.code == code


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "kuvat.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("kuva.png", b"\x89PNG")
    with pytest.raises(LogImportError) as caught:
        check_upload(path, max_uncompressed=MiB)
    assert caught.value.code == "bad_xlsx"


def test_real_logs_pass(tmp_path, wabo_path):
    csv = tmp_path / "loki.csv.gz"
    csv.write_bytes(gzip.compress(b"Asia;Vaihe;Aika\nA1;alku;2024-01-02\n"))
    assert check_upload(csv, max_uncompressed=MiB) == "csv"
    assert check_upload(wabo_path, max_uncompressed=1024 * MiB) == "xes"


@pytest.mark.django_db
def test_the_api_refuses_a_bomb_with_400_before_accepting_and_leaves_nothing(
    client, cast, media_root, settings
):
    settings.CASELOG_MAX_UNCOMPRESSED_BYTES = MiB
    client.force_login(cast.caselog_analyst)
    bomb = gzip.compress(b"a;b;c\n" + bytes(4 * MiB))
    response = client.post(
        "/api/v1/caselogs",
        {"file": SimpleUploadedFile("loki.csv.gz", bomb), "name": "Pommi"},
        headers={"accept-language": "sv"},
    )
    assert response.status_code == 400
    assert "packas upp" in response.json()["file"][0]  # in Swedish
    assert not Job.objects.exists()
    assert files_under(media_root / "caselogs") == []


@pytest.mark.django_db
def test_the_page_refuses_content_that_is_not_xes(client, cast, media_root):
    client.force_login(cast.caselog_analyst)
    response = client.post(
        "/en/tapahtumalokit/uusi/",
        {"file": SimpleUploadedFile("loki.xes", b"%PDF-1.4"), "name": "x"},
    )
    assert response.status_code == 422
    assert "not a valid XES event log" in response.content.decode()
    assert not Job.objects.exists()
    assert files_under(media_root / "caselogs") == []
