"""The daily job that reminds A3 owners of due sustainment checks."""

from django.utils import timezone
from django_tasks import task

from tuuma.improvement.a3_actions import checks_remind_due


@task()
def remind_sustainment_checks() -> int:
    """Safe to run any number of times a day: each check is reminded once."""
    return checks_remind_due(today=timezone.localdate())
