"""Jobs run in a real worker process; a killed worker's job is re-queued."""

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from conftest import make_user
from tuuma.jobs.actions import job_enqueue, jobs_reap_stale
from tuuma.jobs.models import Delivery, Job, JobStatus, Notification, PeriodicRun
from tuuma.jobs.notifications import set_delivery
from tuuma.jobs.scheduler import schedule_due
from tuuma.jobs.tests.tasks import count_slowly

ROOT = Path(__file__).resolve().parents[3]
_STARTED: list[subprocess.Popen] = []
MONDAY_MORNING = datetime(2026, 12, 7, 7, 30, tzinfo=ZoneInfo("Europe/Helsinki"))


def _database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = settings["USER"] or "postgres"
    return f"postgres://{user}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"


def _worker(*extra: str, digest_pause: float | None = None) -> subprocess.Popen:
    """``manage.py worker``; given ``digest_pause``, the worker that pauses after
    each person's digest (``tests/slow_worker.py``)."""
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DJANGO_SETTINGS_MODULE": "tuuma.settings",
        "DIGEST_PAUSE": str(digest_pause or 0),
    }
    command = ["manage.py", "worker"]
    if digest_pause is not None:
        command = ["-m", "tuuma.jobs.tests.slow_worker"]
    worker = subprocess.Popen(
        [sys.executable, *command, "--interval", "0.2", *extra],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    _STARTED.append(worker)
    return worker


@pytest.fixture(autouse=True)
def _no_worker_outlives_its_test():
    """A test that fails while its worker runs must not leave that worker to
    take the next test's jobs."""
    yield
    while _STARTED:
        worker = _STARTED.pop()
        if worker.poll() is None:
            worker.kill()
            worker.communicate(timeout=10)


def _wait_for(predicate, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


@pytest.mark.django_db(transaction=True)
def test_a_job_is_run_by_the_real_worker_process_with_progress(org, cast):
    job = job_enqueue(
        task=count_slowly,
        organisation=org,
        user=cast.manager,
        kind="test",
        label="Count",
        steps=3,
        pause=0.01,
    )
    worker = _worker("--batch")
    output, _ = worker.communicate(timeout=300)
    assert worker.returncode == 0, output.decode()

    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    assert job.progress == 1.0
    assert job.message == "counted"
    assert DBTaskResult.objects.get(pk=job.task_result_id).status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_a_killed_workers_job_is_requeued_and_finished_by_another(org, cast):
    job = job_enqueue(
        task=count_slowly,
        organisation=org,
        user=cast.manager,
        kind="test",
        label="Count",
        steps=200,
        pause=0.05,
    )
    worker = _worker()
    _wait_for(lambda: Job.objects.get(pk=job.pk).progress > 0)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    assert DBTaskResult.objects.get(pk=job.task_result_id).status == "RUNNING"

    assert jobs_reap_stale(silence=timedelta(0)) == 1
    assert DBTaskResult.objects.get(pk=job.task_result_id).status == "READY"

    Job.objects.filter(pk=job.pk).update(heartbeat_at=None)
    count_slowly_fast = {"steps": 2, "pause": 0.01}
    DBTaskResult.objects.filter(pk=job.task_result_id).update(
        args_kwargs={"args": [], "kwargs": {"job_id": job.pk, **count_slowly_fast}}
    )
    worker = _worker("--batch")
    output, _ = worker.communicate(timeout=300)
    assert worker.returncode == 0, output.decode()
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED
    assert job.attempts == 2


@pytest.mark.django_db
def test_a_job_failing_again_and_again_is_given_up(org, cast, settings):
    settings.JOB_MAX_ATTEMPTS = 2
    job = Job.objects.create(
        organisation=org,
        kind="x",
        label="x",
        status=JobStatus.RUNNING,
        attempts=2,
        heartbeat_at=None,
    )
    Job.objects.filter(pk=job.pk).update(heartbeat_at="2000-01-01T00:00:00Z")
    assert jobs_reap_stale() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED


@pytest.mark.django_db
def test_progress_page_polls_with_htmx_until_done(client, org, cast):
    job = Job.objects.create(
        organisation=org,
        created_by=cast.manager,
        kind="x",
        label="Tuonti",
        progress=0.4,
    )
    client.force_login(cast.manager)
    page = client.get(f"/tyot/{job.pk}/").content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert 'value="40"' in page
    fragment = client.get(f"/tyot/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment and 'id="job-progress"' in fragment
    Job.objects.filter(pk=job.pk).update(status=JobStatus.SUCCEEDED, progress=1.0)
    fragment = client.get(f"/tyot/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in fragment


@pytest.mark.django_db
def test_only_the_starter_sees_a_job(client, org, cast):
    job = Job.objects.create(
        organisation=org, created_by=cast.manager, kind="x", label="x"
    )
    client.force_login(cast.employee)
    assert client.get(f"/tyot/{job.pk}/").status_code == 404
    client.logout()
    assert client.get(f"/tyot/{job.pk}/").status_code == 302


@pytest.mark.django_db
def test_a_task_that_raises_fails_its_job_at_once(client, org, cast, run_jobs):
    from tuuma.jobs.tests.tasks import explode

    job = job_enqueue(
        task=explode, organisation=org, user=cast.manager, kind="x", label="x"
    )
    run_jobs()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert jobs_reap_stale(silence=timedelta(0)) == 0
    client.force_login(cast.manager)
    assert "odottamattoman virheen" in client.get(f"/tyot/{job.pk}/").content.decode()


def _digest_mails(email: str) -> list[DBTaskResult]:
    return [
        row
        for row in DBTaskResult.objects.filter(task_path="tuuma.jobs.tasks.send_email")
        if row.args_kwargs["kwargs"]["to"] == [email]
    ]


@pytest.mark.django_db(transaction=True)
def test_a_digest_killed_mid_run_is_requeued_by_the_reaper_and_sent_once(org):
    people = [make_user(org, f"reader_{n}") for n in range(5)]
    for person in people:
        set_delivery(user=person, kind="other", delivery=Delivery.DAILY)
        Notification.objects.create(
            organisation=org,
            user=person,
            kind="other",
            subject=f"Uutinen {person.pk}",
            digest=Delivery.DAILY,
        )
    schedule_due(MONDAY_MORNING)
    job = PeriodicRun.objects.get(organisation=org, name=Delivery.DAILY).job

    worker = _worker(digest_pause=2.0)
    _wait_for(lambda: Job.objects.get(pk=job.pk).progress > 0)
    worker.send_signal(signal.SIGKILL)  # in the pause after the first digest
    first_output, _ = worker.communicate(timeout=10)
    sent_before = Notification.objects.filter(digested_at__isnull=False).count()
    assert 0 < sent_before < len(people)
    # django-tasks leaves the killed worker's task RUNNING; the reaper frees it.
    assert DBTaskResult.objects.get(pk=job.task_result_id).status == "RUNNING"
    assert jobs_reap_stale(silence=timedelta(0)) == 1

    worker = _worker("--batch", digest_pause=0)
    output, _ = worker.communicate(timeout=300)
    assert worker.returncode == 0, output.decode()
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and job.attempts == 2
    assert not Notification.objects.filter(digested_at__isnull=True).exists()
    for person in people:
        [mail] = _digest_mails(person.email)
        assert mail.status == "SUCCESSFUL"
    delivered = (first_output + output).decode()
    for person in people:  # the console backend prints each delivered message
        assert delivered.count(f"To: {person.email}") == 1
    assert (
        PeriodicRun.objects.filter(organisation=org, name=Delivery.DAILY).count() == 1
    )
