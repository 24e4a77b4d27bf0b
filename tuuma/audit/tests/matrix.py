"""Personal-data archives for the permission matrix (tuuma/organisation/tests)."""

from tuuma.audit.personal_data import (
    personal_data_export_build,
    personal_data_export_start,
)


def objects(org, cast, area) -> list:
    """The employee's own archive: only the employee may download it."""
    job = personal_data_export_start(organisation=org, user=cast.employee)
    return [personal_data_export_build(job_id=job.pk, user_id=cast.employee.pk)]
