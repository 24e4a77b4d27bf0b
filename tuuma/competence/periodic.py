"""The competence app's periodic job: reminders of lapsing certificates, daily."""

from tuuma.competence.tasks import remind_organisation_certificates
from tuuma.jobs.scheduler import Periodic

PERIODIC_JOBS = [
    Periodic("competence.certificates", remind_organisation_certificates, hour=7)
]
