"""Votes of every kind. Each action locks the participant's row and counts their
rows inside the transaction, so parallel taps from one phone cannot overspend a
budget; unique rows make a repeated request harmless."""

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.workshops.actions import (
    WorkshopError,
    insert_once,
    lock_participant,
    paper_participant,
    refuse_unless_open,
)
from tuuma.workshops.items import is_item
from tuuma.workshops.models import Duel, Participant, Step, StepKind, Vote

POINTS_TOTAL = 100


def _refuse(step: Step, kind: str | set, items: list[str]) -> None:
    refuse_unless_open(step)
    kinds = {kind} if isinstance(kind, str) else kind
    if step.kind not in kinds:
        raise WorkshopError(_("This step does not take this kind of vote."))
    if not all(is_item(step, item) for item in items):
        raise WorkshopError(_("That item is not part of this step."))


def _row(step: Step, participant: Participant, item: str, **fields) -> dict:
    return dict(
        organisation_id=step.organisation_id,
        step=step,
        participant=participant,
        item=item,
        **fields,
    )


@transaction.atomic
def dot_add(*, step: Step, participant: Participant, item: str) -> int:
    """Spend one dot on ``item``; returns the dots left. Refuses beyond the budget
    or the per-item maximum."""
    _refuse(step, StepKind.DOTS, [item])
    participant = lock_participant(participant)
    mine = Vote.objects.filter(step=step, participant=participant)
    used = mine.count()
    if used >= step.budget:
        raise WorkshopError(_("You have used all your dots."))
    slots = set(mine.filter(item=item).values_list("slot", flat=True))
    if len(slots) >= step.max_per_item:
        raise WorkshopError(_("This item already has your maximum number of dots."))
    slot = min(set(range(step.max_per_item)) - slots)
    insert_once(Vote, **_row(step, participant, item, slot=slot))
    return step.budget - used - 1


@transaction.atomic
def dot_remove(*, step: Step, participant: Participant, item: str) -> int:
    _refuse(step, StepKind.DOTS, [item])
    participant = lock_participant(participant)
    mine = Vote.objects.filter(step=step, participant=participant)
    last = mine.filter(item=item).order_by("-slot").first()
    if last:
        last.delete()
    return step.budget - mine.count()


def dots_left(step: Step, participant: Participant) -> int:
    return step.budget - Vote.objects.filter(step=step, participant=participant).count()


def _replace(step: Step, participant: Participant, rows: list[dict]) -> None:
    Vote.objects.filter(step=step, participant=participant).delete()
    Vote.objects.bulk_create([Vote(**row) for row in rows])


@transaction.atomic
def points_set(*, step: Step, participant: Participant, allocation: dict) -> None:
    """Distribute at most 100 points; replaces the person's earlier allocation."""
    allocation = {k: int(v) for k, v in allocation.items() if int(v or 0) != 0}
    _refuse(step, StepKind.POINTS, list(allocation))
    if any(v < 0 for v in allocation.values()):
        raise WorkshopError(_("Points cannot be negative."))
    if sum(allocation.values()) > POINTS_TOTAL:
        raise WorkshopError(_("You can give 100 points in all."))
    participant = lock_participant(participant)
    _replace(
        step,
        participant,
        [_row(step, participant, k, points=v) for k, v in allocation.items()],
    )


@transaction.atomic
def ranking_set(*, step: Step, participant: Participant, order: list[str]) -> None:
    """An ordering of the items, best first: n points for the first, 1 for the last."""
    _refuse(step, StepKind.RANKING, order)
    if len(set(order)) != len(order):
        raise WorkshopError(_("Give each item its own place."))
    participant = lock_participant(participant)
    count = len(order)
    _replace(
        step,
        participant,
        [_row(step, participant, k, points=count - i) for i, k in enumerate(order)],
    )


@transaction.atomic
def matrix_place(
    *, step: Step, participant: Participant, item: str, impact: int, effort: int
) -> None:
    _refuse(step, StepKind.MATRIX, [item])
    if not (1 <= impact <= 5 and 1 <= effort <= 5):
        raise WorkshopError(_("Impact and effort are rated from 1 to 5."))
    participant = lock_participant(participant)
    Vote.objects.filter(step=step, participant=participant, item=item).delete()
    Vote.objects.create(**_row(step, participant, item, impact=impact, effort=effort))


@transaction.atomic
def poll_answer(*, step: Step, participant: Participant, option: str) -> None:
    _refuse(step, StepKind.POLL, [option])
    participant = lock_participant(participant)
    _replace(step, participant, [_row(step, participant, option)])


@transaction.atomic
def question_upvote(*, step: Step, participant: Participant, item: str) -> bool:
    """Upvote a question once; True when the upvote was added."""
    _refuse(step, StepKind.QA, [item])
    return insert_once(Vote, **_row(step, participant, item))


@transaction.atomic
def duel_record(
    *, step: Step, participant: Participant, winner: str, loser: str
) -> bool:
    """One pairwise choice; the same pair judged again by the same person is ignored."""
    _refuse(step, StepKind.PAIRWISE, [winner, loser])
    if winner == loser:
        raise WorkshopError(_("Choose between two different items."))
    pair = "|".join(sorted([winner, loser]))
    return insert_once(
        Duel,
        organisation_id=step.organisation_id,
        step=step,
        participant=participant,
        pair=pair,
        winner=winner,
        loser=loser,
    )


@transaction.atomic
def paper_dots_set(*, step: Step, by: User, item: str, count: int) -> None:
    """The facilitator types in the dots counted on the paper wall for ``item``."""
    if step.kind not in (StepKind.DOTS, StepKind.QA, StepKind.POLL):
        raise WorkshopError(_("Paper counts are for dots, upvotes and polls."))
    if not is_item(step, item):
        raise WorkshopError(_("That item is not part of this step."))
    if count < 0:
        raise WorkshopError(_("A count cannot be negative."))
    paper = paper_participant(step.session)
    Vote.objects.filter(step=step, participant=paper, item=item).delete()
    if count:
        Vote.objects.create(**_row(step, paper, item, points=count, is_paper=True))


def counted(step: Step) -> dict[str, int]:
    """item → total points (dots and paper counts included)."""
    rows = Vote.objects.filter(step=step).values("item").annotate(total=Sum("points"))
    return {row["item"]: row["total"] for row in rows}
