"""The improvement app's periodic job: reminders of due sustainment checks, daily."""

from tuuma.improvement.tasks import remind_organisation_checks
from tuuma.jobs.scheduler import Periodic

PERIODIC_JOBS = [
    Periodic("improvement.sustainment_checks", remind_organisation_checks, hour=7)
]
