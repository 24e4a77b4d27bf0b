"""Starting jobs, reporting their progress and re-queuing those whose worker died.

A job body must be idempotent: the reaper may run it again after a crash.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tuuma.jobs.models import Job, JobStatus

logger = logging.getLogger(__name__)


def job_enqueue(
    *, task, organisation, user=None, kind: str, label: str, **kwargs
) -> Job:
    """Create the visible job row and put ``task`` in the queue with its id."""
    job = Job.objects.create(
        organisation=organisation,
        created_by=user if user and user.is_authenticated else None,
        kind=kind,
        label=label,
    )
    result = task.enqueue(job_id=job.pk, **kwargs)
    job.task_result_id = str(result.id)
    job.save(update_fields=["task_result_id"])
    return job


def job_started(job_id: int) -> Job:
    """Mark the job running; called first by every job body."""
    now = timezone.now()
    Job.objects.filter(pk=job_id).update(
        status=JobStatus.RUNNING, heartbeat_at=now, error=""
    )
    job = Job.objects.get(pk=job_id)
    job.attempts += 1
    job.save(update_fields=["attempts"])
    return job


def job_progress(job_id: int, fraction: float, message: str = "") -> None:
    """Record progress (0–1) and beat the heart; cheap enough to call often."""
    Job.objects.filter(pk=job_id).update(
        progress=max(0.0, min(1.0, fraction)),
        message=message[:300],
        heartbeat_at=timezone.now(),
    )


def job_succeeded(job_id: int, *, message: str = "", result_url: str = "") -> None:
    Job.objects.filter(pk=job_id).update(
        status=JobStatus.SUCCEEDED,
        progress=1.0,
        message=message[:300],
        result_url=result_url,
        finished_at=timezone.now(),
    )


def job_failed(job_id: int, *, error: str) -> None:
    Job.objects.filter(pk=job_id).update(
        status=JobStatus.FAILED, error=error, finished_at=timezone.now()
    )


def jobs_reap_stale(*, silence: timedelta | None = None) -> int:
    """Re-queue jobs whose worker stopped beating (killed, out of memory).

    django-tasks' database backend would leave such a task RUNNING forever. The
    task row goes back to READY so any worker picks it up again; after
    JOB_MAX_ATTEMPTS the job is failed instead. Returns how many were handled.
    """
    if silence is None:
        silence = timedelta(seconds=settings.JOB_HEARTBEAT_TIMEOUT)
    handled = 0
    for job in Job.objects.stale(silence=silence):
        with transaction.atomic():
            task_rows = DBTaskResult.objects.filter(
                pk=job.task_result_id or None, status="RUNNING"
            )
            if job.attempts >= settings.JOB_MAX_ATTEMPTS:
                task_rows.update(status="FAILED", finished_at=timezone.now())
                job_failed(job.pk, error="worker stopped too many times")
                logger.warning("Job %s failed after %s attempts", job.pk, job.attempts)
            else:
                task_rows.update(status="READY", worker_ids=[])
                Job.objects.filter(pk=job.pk).update(
                    status=JobStatus.QUEUED, heartbeat_at=None
                )
                logger.warning("Job %s re-queued: its worker stopped", job.pk)
        handled += 1
    return handled
