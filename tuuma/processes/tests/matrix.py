"""Processes for the permission matrix (tuuma/organisation/tests)."""

from tuuma.processes.models import Status
from tuuma.processes.tests.conftest import make_process


def objects(org, cast, area) -> list:
    """A published process owned by the process owner, and a retired one."""
    return [
        make_process(org, area, owner=cast.process_owner),
        make_process(
            org,
            area,
            code="01.02",
            name="Arkistointi",
            group_name="Arkisto",
            status=Status.RETIRED,
        ),
    ]
