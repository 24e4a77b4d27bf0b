"""Tasks used by the job tests; importable by a real worker process."""

import time

from django_tasks import task

from tuuma.jobs.actions import job_progress, job_started, job_succeeded


@task()
def count_slowly(*, job_id: int, steps: int, pause: float) -> int:
    job_started(job_id)
    for step in range(steps):
        time.sleep(pause)
        job_progress(job_id, (step + 1) / steps, f"{step + 1}/{steps}")
    job_succeeded(job_id, message="counted")
    return steps


@task()
def explode(*, job_id: int) -> None:
    job_started(job_id)
    raise RuntimeError("boom")
