"""Run the job worker together with the reaper of jobs whose worker died."""

import threading
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from tuuma.jobs.actions import jobs_reap_stale
from tuuma.jobs.scheduler import run_periodic_hooks, schedule_due

REAP_EVERY_SECONDS = 30


def _reap_and_schedule_forever() -> None:
    """Re-queue the jobs of dead workers, queue the periodic jobs that are due
    (claimed per period, so several workers queue each one once) and run the
    apps' periodic hooks."""
    while True:
        try:
            jobs_reap_stale()
            schedule_due()
            run_periodic_hooks()
        finally:
            close_old_connections()
        time.sleep(REAP_EVERY_SECONDS)


class Command(BaseCommand):
    help = (
        "Process background jobs (django-tasks database worker), queue the "
        "periodic ones and reap stuck ones."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Exit when idle.")
        parser.add_argument("--interval", type=float, default=1.0)

    def handle(self, *args, batch: bool, interval: float, **options):
        jobs_reap_stale()
        schedule_due()
        run_periodic_hooks()
        if not batch:
            threading.Thread(target=_reap_and_schedule_forever, daemon=True).start()
        worker_options = {"interval": interval, "queue_name": "*", "reload": False}
        if batch:
            worker_options["batch"] = True
        call_command("db_worker", **worker_options)
