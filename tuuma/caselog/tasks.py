"""The import job: runs in the worker, reports progress, is safe to re-run.

Queued by name from ``imports.import_enqueue``; imports ``actions``, never the
other way round.
"""

from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from tuuma.caselog.actions import caselog_import_version
from tuuma.caselog.engine import LogImportError
from tuuma.caselog.errors import import_error_text
from tuuma.jobs.actions import job_failed, job_progress, job_started, job_succeeded

IMPORT_SHARE = 0.95  # of the bar; the rest is the switch and the indicators


@task(queue_name="imports")
def import_caselog(*, job_id: int, options: dict) -> int | None:
    job = job_started(job_id)
    user = job.created_by
    language = user.preferred_language if user else job.organisation.default_language
    with translation.override(language):
        message = _("Importing the log")

        def progress(fraction: float, _engine_message: str) -> None:
            job_progress(job_id, fraction * IMPORT_SHARE, message)

        try:
            version = caselog_import_version(
                organisation=job.organisation,
                by=user,
                key=f"job-{job_id}",
                options=options,
                progress=progress,
            )
        except LogImportError as error:
            job_failed(job_id, error=import_error_text(error))
            return None
        except Exception:
            job_failed(
                job_id,
                error=_(
                    "The import failed unexpectedly. Try again or tell the support."
                ),
            )
            raise
        job_succeeded(
            job_id,
            message=_("%(cases)s cases and %(events)s events imported.")
            % {"cases": version.cases, "events": version.events},
            result_url=version.caselog.get_absolute_url(),
        )
    return version.pk
