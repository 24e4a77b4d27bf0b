"""The daily job that reminds A3 owners of due sustainment checks."""

from django.utils import timezone
from django_tasks import task

from tuuma.improvement.a3_actions import checks_remind_due
from tuuma.jobs.scheduler import run_periodic


@task()
def remind_sustainment_checks() -> int:
    """Safe to run any number of times a day: each check is reminded once."""
    return checks_remind_due(today=timezone.localdate())


def _remind(organisation, today) -> int:
    return checks_remind_due(today=today, organisation=organisation)


@task()
def remind_organisation_checks(*, job_id: int) -> int:
    """The daily reminders of one organisation, from the worker (``periodic.py``)."""
    return run_periodic(job_id, _remind)
