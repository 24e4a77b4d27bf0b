"""The worker's periodic hook (``tuuma.jobs.scheduler.run_periodic_hooks``)."""

from datetime import datetime

from tuuma.hearings import actions


def run(now: datetime) -> None:
    """Hearings whose close date has passed become *closed*."""
    actions.hearings_close_due(now=now)
