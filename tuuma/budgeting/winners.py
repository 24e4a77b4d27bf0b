"""Winning proposals become measures of the development programme."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.budgeting.errors import BudgetingError
from tuuma.budgeting.models import Proposal, Round
from tuuma.budgeting.notify import notify_measure
from tuuma.organisation.models import ServiceArea
from tuuma.programme.actions import measure_create
from tuuma.programme.models import Goal, MeasureClass


def winners_waiting(budget_round: Round):
    """Winning proposals that are not yet measures."""
    return Proposal.objects.filter(
        round=budget_round, result__is_winner=True, measure=None
    ).select_related("area", "result")


def _description(proposal: Proposal) -> str:
    return _(
        "%(description)s\n\nParticipatory budgeting: %(round)s, %(area)s. "
        "%(votes)s votes, cost estimate %(cost)s €."
    ) % {
        "description": proposal.description,
        "round": proposal.round.title,
        "area": proposal.area.name,
        "votes": proposal.result.votes,
        "cost": proposal.cost,
    }


@transaction.atomic
def winners_to_programme(
    *,
    budget_round: Round,
    by: User,
    goal: Goal,
    owner: User,
    service_area: ServiceArea,
    start_date: date,
    due_date: date,
) -> list[Proposal]:
    """One published measure per winner; authors and supporters are told, and
    the measure's page shows the proposal (``panels.py``)."""
    if not budget_round.results_published:
        raise BudgetingError(_("The vote must be closed and counted first."))
    if goal.organisation_id != budget_round.organisation_id:
        raise BudgetingError(_("Choose a goal of this organisation."))
    carried = []
    for proposal in winners_waiting(budget_round):
        proposal.measure = measure_create(
            organisation=budget_round.organisation,
            by=by,
            goal=goal,
            title=proposal.title,
            description=_description(proposal),
            measure_class=MeasureClass.DEVELOPMENT_PROJECT,
            service_area=service_area,
            owner=owner,
            start_date=start_date,
            due_date=due_date,
            is_published=True,
            public_summary=proposal.title,
        )
        proposal.save(update_fields=["measure"])
        transaction.on_commit(lambda p=proposal: notify_measure(p))
        carried.append(proposal)
    if not carried:
        raise BudgetingError(_("Every winner is already a measure."))
    audit_record(
        organisation=budget_round.organisation,
        actor=by,
        action="budgeting.winners_to_programme",
        target=budget_round,
        details={"measures": [p.measure_id for p in carried]},
    )
    return carried
