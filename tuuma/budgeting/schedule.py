"""Rounds and advisory votes moving on their dates: the worker's periodic hook
(``periodic.run``) calls these every half minute.

Each move is the same action staff use (``round_advance``,
``voting.round_close_vote``, ``advisory_open`` / ``advisory_close``) with the
system as the actor: it locks its row, refuses a move that has already been
made, and writes the audit entry. So several workers may run this at once and
a second run does nothing. A move the action refuses (costs not estimated when
the vote should open, paper ballots not confirmed at the close, a matter no
longer in its decision phase) is left for staff and tried again next time.
Dates are the organisation's local days.
"""

import logging
from datetime import datetime, timedelta

from django.db.models import Q

from tuuma.budgeting import actions, advisory, voting
from tuuma.budgeting.choices import AdvisoryStatus, Phase
from tuuma.budgeting.errors import BudgetingError
from tuuma.budgeting.models import AdvisoryVote, Round
from tuuma.lib.formatting import local_date

logger = logging.getLogger(__name__)
# No zone is further ahead of UTC than this: a cheap first filter on dates that
# the local day of each organisation then decides exactly.
AHEAD = timedelta(hours=14)


def rounds_move_due(*, now: datetime) -> int:
    """Move every published round whose dates say so; returns how many moved."""
    horizon = (now + AHEAD).date()
    candidates = Round.objects.filter(organisation__is_active=True).filter(
        Q(phase=Phase.PROPOSALS, cocreation_from__lte=horizon)
        | Q(phase=Phase.COCREATION, estimation_from__lte=horizon)
        | Q(phase=Phase.ESTIMATION, voting_from__lte=horizon)
        | Q(phase=Phase.VOTING, voting_until__lt=horizon)
    )
    moved = 0
    for budget_round in candidates.select_related("organisation"):
        due = budget_round.phase_due(
            local_date(now, budget_round.organisation.time_zone)
        )
        if due is not None and _move_round(budget_round, due):
            moved += 1
    return moved


def _move_round(budget_round: Round, due: str) -> bool:
    try:
        if due == Phase.IMPLEMENTATION:
            voting.round_close_vote(budget_round=budget_round, by=None)
        else:
            actions.round_advance(budget_round=budget_round, to_phase=due, by=None)
        return True
    except BudgetingError as refused:
        logger.debug("Round %s not moved to %s: %s", budget_round.pk, due, refused)
    if due == Phase.VOTING and budget_round.is_before(Phase.ESTIMATION):
        # The vote waits for the estimates, but their phase has begun.
        return _move_round(budget_round, Phase.ESTIMATION)
    return False


def advisory_move_due(*, now: datetime) -> int:
    """Open the advisory votes whose opening day has come and close those
    whose last day has passed; returns how many moved."""
    horizon = (now + AHEAD).date()
    candidates = AdvisoryVote.objects.filter(organisation__is_active=True).filter(
        Q(status=AdvisoryStatus.DRAFT, opens_on__lte=horizon)
        | Q(status=AdvisoryStatus.OPEN, closes_on__lt=horizon)
    )
    moved = 0
    for vote in candidates.select_related("organisation"):
        today = local_date(now, vote.organisation.time_zone)
        try:
            if vote.status == AdvisoryStatus.OPEN and today > vote.closes_on:
                advisory.advisory_close(vote=vote, by=None)
            elif vote.status == AdvisoryStatus.DRAFT and (
                vote.opens_on <= today <= vote.closes_on
            ):
                advisory.advisory_open(vote=vote, by=None)
            else:
                continue
        except BudgetingError as refused:
            logger.debug("Advisory vote %s not moved: %s", vote.pk, refused)
            continue
        moved += 1
    return moved
