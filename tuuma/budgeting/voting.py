"""Casting and changing ballots, paper batches and closing the vote.

A cast holds its area's row with a shared lock and the close takes every area
of the round exclusively before it moves the phase, so a ballot is either in
before the close or refused after it, while casts never wait for one another.
Exactness between casts rests on the database's unique constraints instead:
one ``VoterRecord`` per person and area, one ``BallotChoice`` per proposal.
"""

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.budgeting.choices import (
    IDENTITY_STRENGTH,
    REQUIRED_STRENGTH,
    BallotKind,
    Phase,
    age_band,
)
from tuuma.budgeting.errors import BudgetingError
from tuuma.budgeting.models import (
    AdvisoryVote,
    Area,
    Ballot,
    BallotChoice,
    PaperBatch,
    Proposal,
    Round,
    VoterRecord,
)
from tuuma.budgeting.results import publish_results


def share_lock(model, pk: int) -> None:
    """Hold the row with PostgreSQL's FOR SHARE until the transaction ends.

    Any number of casts hold it at once, but it conflicts with the close's
    FOR UPDATE: the close waits for the casts in progress, and a cast that
    starts after the close reads the closed state. (An exclusive lock here made
    all casts of an area run one at a time; ``bench/budgeting``.) SQLite lets
    one writer at a time anyway and has no row locks.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT 1 FROM {model._meta.db_table} WHERE id = %s FOR SHARE",  # noqa: S608
                [pk],
            )


def _area_for_cast(area: Area) -> Area:
    """The area with its round, read after taking the shared lock on the area."""
    share_lock(Area, area.pk)
    return Area.objects.select_related("round").get(pk=area.pk)


def _check_open(budget_round: Round) -> None:
    if budget_round.phase != Phase.VOTING:
        raise BudgetingError(_("The vote is closed: no ballots are accepted."))


def check_eligible(
    budget_round: Round | AdvisoryVote,
    user: User,
    *,
    age: int | None,
    is_resident: bool,
) -> None:
    """Refuse, with the reason, a person this round (or advisory vote) does not
    let vote."""
    needed = REQUIRED_STRENGTH[budget_round.identity]
    if IDENTITY_STRENGTH.get(user.identity_level, 0) < needed:
        raise BudgetingError(
            _("This vote needs a stronger identification: %(level)s.")
            % {"level": budget_round.get_identity_display()}
        )
    if budget_round.min_age and (age is None or age < budget_round.min_age):
        raise BudgetingError(
            _("Voting is open to those aged %(age)s or over.")
            % {"age": budget_round.min_age}
        )
    if budget_round.residents_only and not is_resident:
        raise BudgetingError(_("Voting is open to residents of the municipality."))


def check_choice(area: Area, proposal_ids) -> list[Proposal]:
    """The chosen proposals, refused if unknown here or over the area's budget."""
    wanted = {int(pk) for pk in proposal_ids}
    chosen = list(Proposal.objects.on_ballot().filter(area=area, pk__in=wanted))
    if not wanted:
        raise BudgetingError(_("Choose at least one proposal."))
    if len(chosen) != len(wanted):
        raise BudgetingError(_("A chosen proposal is not on this area's ballot."))
    spent = sum(p.cost for p in chosen)
    if area.round.ballot_kind == BallotKind.KNAPSACK and spent > area.budget:
        raise BudgetingError(
            _("The chosen proposals cost %(spent)s €, over the budget of %(budget)s €.")
            % {"spent": spent, "budget": area.budget}
        )
    return chosen


def _new_ballot(area: Area, chosen: list[Proposal], batch=None) -> Ballot:
    ballot = Ballot.objects.create(
        organisation_id=area.organisation_id, area=area, batch=batch
    )
    BallotChoice.objects.bulk_create(
        BallotChoice(organisation_id=area.organisation_id, ballot=ballot, proposal=p)
        for p in chosen
    )
    return ballot


def one_row_per_voter(model, *, organisation_id: int, **keys):
    """The person's one row of ``model`` (a voter record), locked; created if it
    is not there yet. The unique constraint on ``keys`` decides a race between
    two requests of the same person: the loser reads the winner's row."""
    found = model.objects.select_for_update().filter(**keys)
    record = found.first()
    if record is not None:
        return record
    try:
        with transaction.atomic():
            return model.objects.create(organisation_id=organisation_id, **keys)
    except IntegrityError:  # the same person's other request came first
        return found.get()


@transaction.atomic
def ballot_cast(
    *,
    area: Area,
    by: User,
    proposal_ids,
    age: int | None = None,
    is_resident: bool = False,
) -> Ballot:
    """Cast or replace the person's ballot in the area, all or nothing."""
    area = _area_for_cast(area)
    _check_open(area.round)
    check_eligible(area.round, by, age=age, is_resident=is_resident)
    chosen = check_choice(area, proposal_ids)
    record = one_row_per_voter(
        VoterRecord, organisation_id=area.organisation_id, area=area, user=by
    )
    replaced = record.ballot_id
    record.ballot = _new_ballot(area, chosen)
    record.age_band = age_band(age)
    record.save(update_fields=["ballot", "age_band"])
    if replaced:
        Ballot.objects.filter(pk=replaced).delete()
    return record.ballot


def own_ballot(area: Area, user: User) -> list[int] | None:
    """The proposal ids the person chose while the vote is open; None if none."""
    record = VoterRecord.objects.filter(area=area, user=user).first()
    if record is None or record.ballot_id is None:
        return None
    return list(
        BallotChoice.objects.filter(ballot_id=record.ballot_id).values_list(
            "proposal_id", flat=True
        )
    )


def has_voted(area: Area, user: User) -> bool:
    return VoterRecord.objects.filter(area=area, user=user).exists()


@transaction.atomic
def paper_batch_enter(
    *, area: Area, by: User, station: str, ballots: list[list[int]]
) -> PaperBatch:
    """Paper ballots typed in from one station; not counted until confirmed."""
    area = _area_for_cast(area)
    _check_open(area.round)
    if not station.strip():
        raise BudgetingError(_("Name the voting station."))
    if not ballots:
        raise BudgetingError(_("Enter at least one ballot."))
    checked = []
    for number, ids in enumerate(ballots, start=1):
        try:
            checked.append(check_choice(area, ids))
        except BudgetingError as error:
            raise BudgetingError(
                _("Ballot %(number)s: %(error)s") % {"number": number, "error": error}
            ) from error
    batch = PaperBatch.objects.create(
        organisation_id=area.organisation_id,
        area=area,
        station=station.strip(),
        entered_by=by,
    )
    for chosen in checked:
        _new_ballot(area, chosen, batch=batch)
    audit_record(
        organisation=area.organisation,
        actor=by,
        action="budgeting.paper_entered",
        target=area.round,
        details={"area": area.name, "station": batch.station, "ballots": len(checked)},
    )
    return batch


@transaction.atomic
def paper_batch_confirm(*, batch: PaperBatch, by: User) -> PaperBatch:
    """A second person confirms the batch; only then are its ballots counted."""
    batch = PaperBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.entered_by_id == by.pk:
        raise BudgetingError(_("Another person must confirm the batch you entered."))
    if batch.confirmed_at is not None:
        raise BudgetingError(_("This batch is already confirmed."))
    batch.confirmed_by = by
    batch.confirmed_at = timezone.now()
    batch.save(update_fields=["confirmed_by", "confirmed_at"])
    audit_record(
        organisation=batch.organisation,
        actor=by,
        action="budgeting.paper_confirmed",
        target=batch.area.round,
        details={"batch": batch.pk, "ballots": batch.ballots.count()},
    )
    return batch


@transaction.atomic
def round_close_vote(*, budget_round: Round, by: User | None) -> Round:
    """Close the vote: break every person–ballot link, count, publish."""
    list(Area.objects.select_for_update().filter(round=budget_round))
    budget_round = Round.objects.select_for_update().get(pk=budget_round.pk)
    _check_open(budget_round)
    waiting = PaperBatch.objects.filter(
        area__round=budget_round, confirmed_at__isnull=True
    )
    if waiting.exists():
        raise BudgetingError(_("Some paper batches still wait for confirmation."))
    VoterRecord.objects.filter(area__round=budget_round).update(ballot=None)
    budget_round.phase = Phase.IMPLEMENTATION
    budget_round.results_published_at = timezone.now()
    budget_round.save(update_fields=["phase", "results_published_at"])
    publish_results(budget_round)
    audit_record(
        organisation=budget_round.organisation,
        actor=by,
        action="budgeting.vote_closed",
        target=budget_round,
        details={"phase": [Phase.VOTING, Phase.IMPLEMENTATION]},
    )
    return budget_round
