"""BPMN 2.0: the export reads back in bpmn-moddle without warnings; a simple
flow imports into a new version."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tuuma.processes import actions, bpmn

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]
READER = Path(__file__).with_name("read_bpmn.mjs")


def read_with_moddle(tmp_path, data: bytes) -> dict:
    node = shutil.which("node")
    modules = ROOT / "node_modules"
    if node is None or not (modules / "bpmn-moddle").is_dir():
        pytest.fail("The BPMN test needs node and `npm ci` (make setup does both)")
    path = tmp_path / "export.bpmn"
    path.write_bytes(data)
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [node, str(READER), str(path), str(modules)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout)


def with_parallel_branches(version):
    steps = {s.name: s for s in version.steps.all()}
    for name, branch in (("Valmistelu", "1"), ("Lausuntokierros", "2")):
        actions.step_save(
            version=version, step=steps[name], parallel_group="A", branch=branch
        )
    return version


def test_the_export_reads_back_with_bpmn_moddle_without_warnings(
    client, tmp_path, process, version
):
    with_parallel_branches(version)
    response = client.get(f"/prosessit/{process.pk}/versiot/{version.pk}/prosessi.bpmn")
    assert response.status_code == 200
    found = read_with_moddle(tmp_path, response.content)
    assert found["warnings"] == []
    assert found["types"].count("bpmn:Task") == 5
    assert found["types"].count("bpmn:ParallelGateway") == 2
    assert found["types"].count("bpmn:SequenceFlow") == 9
    lanes = dict(found["lanes"])
    assert set(lanes) == {"kirjaamo", "valmistelija", "viranhaltija"}
    assert found["diagrams"] == 1


def test_an_export_imports_back_into_the_same_steps(client, cast, process, version):
    with_parallel_branches(version)
    data = bpmn.export(process.name, list(version.steps.all()))
    client.force_login(cast.process_owner)
    response = client.post(
        f"/prosessit/{process.pk}/bpmn-tuonti/",
        {
            "name": "Tuotu",
            "file": SimpleUploadedFile("p.bpmn", data, "application/xml"),
        },
    )
    assert response.status_code == 302
    imported = process.versions.get(name="Tuotu")
    rows = list(
        imported.steps.values_list("name", "performer_role", "parallel_group", "branch")
    )
    assert rows == [
        ("Kirjaaminen", "kirjaamo", "", ""),
        ("Valmistelu", "valmistelija", "P1", "1"),
        ("Lausuntokierros", "valmistelija", "P1", "2"),
        ("Päätös", "viranhaltija", "", ""),
        ("Tiedoksianto", "kirjaamo", "", ""),
    ]


def test_a_file_that_is_not_bpmn_is_refused_with_nothing_written(client, cast, process):
    client.force_login(cast.process_owner)
    for content in (b"<x/>", b"not xml", b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'):
        response = client.post(
            f"/prosessit/{process.pk}/bpmn-tuonti/",
            {"name": "Huono", "file": SimpleUploadedFile("p.bpmn", content)},
        )
        assert response.status_code == 200
    assert not process.versions.filter(name="Huono").exists()
