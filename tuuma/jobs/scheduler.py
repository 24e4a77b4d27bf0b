"""Periodic jobs, run by ``manage.py worker``: digests, reminders, the purge.

An app names its periodic jobs in ``<app>/periodic.py`` as ``PERIODIC_JOBS``, a
list of ``Periodic``; each job's task takes the ``job_id`` of a ``Job`` of one
organisation (and the ``Periodic``'s keyword arguments). Small work on the clock
that cannot wait for a daily hour (a hearing closes at its close date) is the
module's ``run(now)`` instead, called every half minute (``run_periodic_hooks``).

Each period of each job is claimed per organisation by a unique ``PeriodicRun``
row, created in the same transaction that queues the job: a second worker, or
one restarted mid-run, finds the claim and queues nothing. The job itself runs
with a heartbeat, so the reaper re-queues it if its worker dies, and its body is
idempotent (each person's digest is sent and marked in one transaction, each
reminder is claimed before it is e-mailed).

Periods follow each organisation's local time (its ``time_zone``): the daily
digest goes out at 7 o'clock there, the weekly one on Monday at 7.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from tuuma.jobs.actions import job_enqueue, job_started, job_succeeded
from tuuma.jobs.models import PeriodicRun
from tuuma.lib.apps import app_modules
from tuuma.lib.formatting import local_zone
from tuuma.organisation.models import Organisation

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Periodic:
    """A job queued once a day (or a week, on Monday) per organisation, at
    ``hour`` o'clock of the organisation's local time."""

    name: str
    task: object  # a django_tasks Task taking job_id=… and ``kwargs``
    hour: int
    weekly: bool = False
    kwargs: Mapping[str, object] = field(default_factory=dict)

    def period(self, local: datetime) -> date | None:
        """The period that is due at local time ``local``, or None before the hour."""
        start = local.date()
        if self.weekly:
            start -= timedelta(days=local.weekday())
        if local.date() == start and local.hour < self.hour:
            return None
        return start


def run_periodic(
    job_id: int,
    body: Callable[[Organisation, date], int],
    *,
    message: Callable[[int], str] = str,
) -> int:
    """The body of a job of one organisation: ``body(organisation, today)`` with
    the organisation's time zone active (its e-mails show local times) and its
    local date; returns the count ``body`` returns, reported as ``message(count)``.
    ``body`` must be idempotent: the reaper re-runs a job whose worker died."""
    job = job_started(job_id)
    organisation = job.organisation
    with timezone.override(local_zone(organisation.time_zone)):
        done = body(organisation, timezone.localdate())
        job_succeeded(job_id, message=message(done))
    return done


def periodic_jobs() -> list[Periodic]:
    """Every app's periodic jobs, in app order."""
    found: list[Periodic] = []
    for module in app_modules("periodic"):
        found.extend(getattr(module, "PERIODIC_JOBS", ()))
    return found


def _claim_and_queue(organisation: Organisation, periodic: Periodic, period) -> bool:
    try:
        with transaction.atomic():
            run = PeriodicRun.objects.create(
                organisation=organisation, name=periodic.name, period=period
            )
            run.job = job_enqueue(
                task=periodic.task,
                organisation=organisation,
                kind=f"periodic:{periodic.name}",
                label=f"{periodic.name} {period}",
                **periodic.kwargs,
            )
            run.save(update_fields=["job"])
    except IntegrityError:  # claimed by another worker (or before a restart)
        return False
    return True


def schedule_due(now: datetime | None = None) -> int:
    """Queue every periodic job whose period has come and is not yet claimed;
    returns how many were queued."""
    now = now or timezone.now()
    jobs = periodic_jobs()
    queued = 0
    for organisation in Organisation.objects.filter(is_active=True):
        local = timezone.localtime(now, local_zone(organisation.time_zone))
        for periodic in jobs:
            period = periodic.period(local)
            if period is not None:
                queued += _claim_and_queue(organisation, periodic, period)
    return queued


def run_periodic_hooks(now: datetime | None = None) -> None:
    """Call each app's ``periodic.run(now)``, the way a higher app does small,
    idempotent work on the clock (hearings close at their close date) without
    jobs importing it. The worker calls this every half minute, possibly from
    several processes at once, so a hook must claim its rows itself. One hook's
    failure is logged and does not stop the others or the worker's loop."""
    now = now or timezone.now()
    for module in app_modules("periodic"):
        if not hasattr(module, "run"):
            continue
        try:
            module.run(now)
        except Exception:
            logger.exception("Periodic hook %s failed", module.__name__)
