"""A worker killed in the middle of an import leaves no half log, and the
re-queued job finishes it (reliability.md §4.2)."""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.db import connection

from tuuma.caselog import storage
from tuuma.caselog.actions import caselog_upload
from tuuma.caselog.models import CaseLog, CaseLogVersion
from tuuma.caselog.tests.conftest import ROOT, eventlog, stored_upload
from tuuma.jobs.actions import jobs_reap_stale
from tuuma.jobs.models import Job, JobStatus


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user = db["USER"] or "postgres"
    return f"postgres://{user}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def _worker(var_dir, *extra: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DJANGO_SETTINGS_MODULE": "tuuma.settings",
        "TUUMA_VAR_DIR": str(var_dir),
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--interval", "0.2", *extra],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own group: the XES helper goes with it
    )


def _wait_for(predicate, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("condition not met in time")


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_import_leaves_no_half_log_and_the_rerun_finishes(
    org, cast, settings, tmp_path
):
    var_dir = tmp_path / "var"
    settings.MEDIA_ROOT = var_dir / "media"
    upload = stored_upload(org, eventlog("BPI_Challenge_2012.xes.gz"))
    job = caselog_upload(
        organisation=org, by=cast.caselog_analyst, upload=upload, name="BPI 2012"
    )
    worker = _worker(var_dir)
    try:
        _wait_for(lambda: Job.objects.get(pk=job.pk).progress > 0.15)
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING and job.progress < 0.95
    assert not CaseLog.objects.exists()
    assert not CaseLogVersion.objects.exists()
    assert not storage.log_dir(org.pk, f"job-{job.pk}").exists()
    assert upload.is_file()

    assert jobs_reap_stale(silence=timedelta(0)) == 1
    worker = _worker(var_dir, "--batch")
    output, _ = worker.communicate(timeout=180)
    assert worker.returncode == 0, output.decode()

    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert job.attempts == 2
    version = CaseLogVersion.objects.get()
    assert (version.cases, version.events) == (13087, 262200)
    logs = storage.org_root(org.pk) / "logs"
    assert sorted(p.name for p in logs.iterdir()) == [f"job-{job.pk}"]
    assert not upload.exists()
