"""Keep a Job's status in step with its task when the task fails on its own."""

from django.dispatch import receiver
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_finished

from tuuma.jobs.models import Job, JobStatus


@receiver(task_finished)
def fail_job_of_failed_task(sender, task_result, **kwargs) -> None:
    """A task that raised leaves its Job failed, never waiting for the reaper."""
    if task_result.status != TaskResultStatus.FAILED:
        return
    Job.objects.filter(task_result_id=str(task_result.id)).exclude(
        status__in=[JobStatus.SUCCEEDED, JobStatus.FAILED]
    ).update(status=JobStatus.FAILED, finished_at=timezone.now())
