"""The processes app's periodic job: reminders of annual reviews, daily."""

from tuuma.jobs.scheduler import Periodic
from tuuma.processes.tasks import send_review_reminders

PERIODIC_JOBS = [Periodic("processes.review_reminders", send_review_reminders, hour=7)]
