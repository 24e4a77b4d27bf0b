"""The worker's periodic hook (``tuuma.jobs.scheduler.run_periodic_hooks``)."""

from datetime import datetime

from tuuma.budgeting import schedule


def run(now: datetime) -> None:
    """Rounds' phases and advisory votes move on their dates."""
    schedule.rounds_move_due(now=now)
    schedule.advisory_move_due(now=now)
