"""The daily job that reminds holders of certificates about to lapse."""

from django.utils import timezone
from django_tasks import task

from tuuma.competence.actions import certificates_remind
from tuuma.jobs.scheduler import run_periodic
from tuuma.organisation.models import Organisation


@task()
def remind_certificates() -> int:
    """Safe to run any number of times a day: each certificate is reminded once."""
    today = timezone.localdate()
    return sum(
        certificates_remind(organisation=organisation, today=today)
        for organisation in Organisation.objects.all()
    )


def _remind(organisation, today) -> int:
    return certificates_remind(organisation=organisation, today=today)


@task()
def remind_organisation_certificates(*, job_id: int) -> int:
    """The daily reminders of one organisation, from the worker (``periodic.py``)."""
    return run_periodic(job_id, _remind)
