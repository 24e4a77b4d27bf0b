"""Background jobs of the processes app."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from tuuma.jobs.actions import job_failed, job_started, job_succeeded
from tuuma.processes.review_actions import reviews_remind


@task()
def send_review_reminders(*, job_id: int) -> int:
    """Idempotent: a review reminded of in the past week is skipped."""
    job = job_started(job_id)
    try:
        sent = reviews_remind(organisation=job.organisation)
    except Exception:
        job_failed(job_id, error=_("Sending the reminders failed."))
        raise
    job_succeeded(
        job_id,
        message=ngettext("%(n)s reminder queued.", "%(n)s reminders queued.", sent)
        % {"n": sent},
    )
    return sent
