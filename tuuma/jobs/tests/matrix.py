"""Objects for the permission-matrix test (tuuma/organisation/tests)."""

from tuuma.jobs.models import Job


def objects(org, cast, area) -> list:
    """A job started by the employee: only they (and administrators) watch it."""
    return [
        Job.objects.create(
            organisation=org, created_by=cast.employee, kind="test", label="x"
        )
    ]
