"""Periodic jobs, run by ``manage.py worker``: the daily and weekly digests, and
the apps' own periodic hooks (``<app>/periodic.py``, see ``run_periodic_hooks``).

Each period of each job is claimed per organisation by a unique ``PeriodicRun``
row, created in the same transaction that queues the job: a second worker, or
one restarted mid-run, finds the claim and queues nothing. The job itself runs
with a heartbeat, so the reaper re-queues it if its worker dies, and its body is
idempotent (each person's digest is sent and marked in one transaction).

Periods follow the organisation's local time (``settings.TIME_ZONE``): the daily
digest goes out at 7 o'clock, the weekly one on Monday at 7.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from tuuma.jobs.actions import job_enqueue
from tuuma.jobs.models import Delivery, PeriodicRun
from tuuma.lib.apps import app_modules
from tuuma.organisation.models import Organisation

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Periodic:
    name: str
    weekly: bool
    hour: int

    def period(self, local: datetime) -> date | None:
        """The period that is due at local time ``local``, or None before the hour."""
        start = local.date()
        if self.weekly:
            start -= timedelta(days=local.weekday())
        if local.date() == start and local.hour < self.hour:
            return None
        return start


PERIODIC = (
    Periodic(Delivery.DAILY, weekly=False, hour=7),
    Periodic(Delivery.WEEKLY, weekly=True, hour=7),
)


def schedule_due(now: datetime | None = None) -> int:
    """Queue every periodic job whose period has come and is not yet claimed;
    returns how many were queued."""
    from tuuma.jobs.tasks import send_digests

    local = timezone.localtime(now or timezone.now())
    queued = 0
    for organisation in Organisation.objects.filter(is_active=True):
        for periodic in PERIODIC:
            period = periodic.period(local)
            if period is None:
                continue
            try:
                with transaction.atomic():
                    run = PeriodicRun.objects.create(
                        organisation=organisation, name=periodic.name, period=period
                    )
                    run.job = job_enqueue(
                        task=send_digests,
                        organisation=organisation,
                        kind="digest",
                        label=f"{periodic.name} digest {period}",
                        digest=periodic.name,
                    )
                    run.save(update_fields=["job"])
                queued += 1
            except IntegrityError:  # claimed by another worker (or before a restart)
                continue
    return queued


def run_periodic_hooks(now: datetime | None = None) -> None:
    """Call each app's ``periodic.run(now)``, the way a higher app does small,
    idempotent work on the clock (hearings close at their close date) without
    jobs importing it. The worker calls this every half minute, possibly from
    several processes at once, so a hook must claim its rows itself. One hook's
    failure is logged and does not stop the others or the worker's loop."""
    now = now or timezone.now()
    for module in app_modules("periodic"):
        try:
            module.run(now)
        except Exception:
            logger.exception("Periodic hook %s failed", module.__name__)
