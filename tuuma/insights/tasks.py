"""The board pack job: runs in the worker and reports progress."""

from django.utils.translation import gettext as _
from django_tasks import task

from tuuma.insights.actions import board_pack_build
from tuuma.jobs.actions import job_failed


@task()
def build_board_pack(*, job_id: int, pack_id: int) -> int:
    try:
        return board_pack_build(job_id=job_id, pack_id=pack_id).pk
    except Exception:
        job_failed(job_id, error=_("The board pack could not be built."))
        raise
