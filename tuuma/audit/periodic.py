"""The audit app's periodic job: the retention purge, nightly per organisation."""

from tuuma.audit.tasks import purge_organisation_logs
from tuuma.jobs.scheduler import Periodic

PERIODIC_JOBS = [Periodic("audit.purge", purge_organisation_logs, hour=3)]
