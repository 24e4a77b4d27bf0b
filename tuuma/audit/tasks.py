from django_tasks import task

from tuuma.audit.actions import audit_purge
from tuuma.audit.personal_data import personal_data_export_build
from tuuma.jobs.scheduler import run_periodic


@task()
def build_personal_data_export(*, job_id: int, user_id: int) -> int:
    """Build a person's data archive (see tuuma/audit/personal_data.py)."""
    return personal_data_export_build(job_id=job_id, user_id=user_id).pk


def _purge(organisation, today) -> int:
    return sum(audit_purge(organisation=organisation))


@task()
def purge_organisation_logs(*, job_id: int) -> int:
    """The daily retention purge of one organisation (see ``periodic.py``)."""
    return run_periodic(job_id, _purge)
