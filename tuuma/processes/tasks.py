"""Background jobs of the processes app."""

from django.utils.translation import ngettext
from django_tasks import task

from tuuma.jobs.scheduler import run_periodic
from tuuma.processes.review_actions import reviews_remind


def _remind(organisation, today) -> int:
    return reviews_remind(organisation=organisation, today=today)


def _queued(sent: int) -> str:
    return ngettext("%(n)s reminder queued.", "%(n)s reminders queued.", sent) % {
        "n": sent
    }


@task()
def send_review_reminders(*, job_id: int) -> int:
    """Daily from the worker (``periodic.py``) or started from the reviews page.
    Idempotent: a review reminded of in the past week is skipped."""
    return run_periodic(job_id, _remind, message=_queued)
