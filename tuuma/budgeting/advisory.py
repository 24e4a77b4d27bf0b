"""Advisory votes on a matter in its decision phase: create, open, answer,
close and count.

Answers are kept like budgeting ballots (see ``models/advisory.py``): one
``AdvisoryVoter`` per person, unique in the database, and an anonymous
``AdvisoryAnswer`` that the close unlinks. An answer takes a shared lock on its
vote and the close an exclusive one, so an answer is in before the close or
refused after it. Results are public only once the vote is closed.
"""

import datetime

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.budgeting.choices import AdvisoryKind, AdvisoryStatus
from tuuma.budgeting.errors import BudgetingError
from tuuma.budgeting.models import (
    AdvisoryAnswer,
    AdvisoryChoice,
    AdvisoryOption,
    AdvisoryVote,
    AdvisoryVoter,
)
from tuuma.budgeting.voting import check_eligible, one_row_per_voter, share_lock
from tuuma.hearings.choices import Phase as MatterPhase
from tuuma.hearings.models import Matter


def _check_decision_phase(matter: Matter) -> None:
    if matter.phase != MatterPhase.DECISION:
        raise BudgetingError(
            _("An advisory vote is held while the matter is in its decision phase.")
        )


@transaction.atomic
def advisory_create(
    *,
    matter: Matter,
    by: User,
    question: str,
    options: list[str],
    kind: str = AdvisoryKind.SINGLE,
    closes_on: datetime.date,
    opens_on: datetime.date | None = None,
    description: str = "",
    identity: str = "signed_in",
    min_age: int = 15,
    residents_only: bool = True,
) -> AdvisoryVote:
    """A draft advisory vote with its options (at least two, each once). With
    ``opens_on`` it opens by itself that day (``schedule.py``); it closes by
    itself after ``closes_on``."""
    _check_decision_phase(matter)
    if opens_on is not None and opens_on > closes_on:
        raise BudgetingError(_("The vote must open before it closes."))
    texts = [text.strip() for text in options if text.strip()]
    if len(texts) < 2 or len(set(texts)) != len(texts):
        raise BudgetingError(_("Give at least two different options."))
    vote = AdvisoryVote.objects.create(
        organisation=matter.organisation,
        matter=matter,
        question=question,
        description=description,
        kind=kind,
        opens_on=opens_on,
        closes_on=closes_on,
        identity=identity,
        min_age=min_age,
        residents_only=residents_only,
        created_by=by,
    )
    AdvisoryOption.objects.bulk_create(
        AdvisoryOption(organisation=vote.organisation, vote=vote, text=text, order=n)
        for n, text in enumerate(texts)
    )
    return vote


def _moved(
    vote: AdvisoryVote, by: User | None, status: str, action: str
) -> AdvisoryVote:
    before = vote.status
    vote.status = status
    vote.save(update_fields=["status", "closed_at"])
    audit_record(
        organisation=vote.organisation,
        actor=by,
        action=action,
        target=vote,
        details={"status": [before, status]},
    )
    return vote


@transaction.atomic
def advisory_open(*, vote: AdvisoryVote, by: User | None) -> AdvisoryVote:
    vote = AdvisoryVote.objects.select_for_update().get(pk=vote.pk)
    if vote.status != AdvisoryStatus.DRAFT:
        raise BudgetingError(_("This advisory vote has already been opened."))
    _check_decision_phase(vote.matter)
    return _moved(vote, by, AdvisoryStatus.OPEN, "budgeting.advisory_opened")


@transaction.atomic
def advisory_close(*, vote: AdvisoryVote, by: User | None) -> AdvisoryVote:
    """Close: no more answers, every person–answer link broken, results public."""
    vote = AdvisoryVote.objects.select_for_update().get(pk=vote.pk)
    if vote.status != AdvisoryStatus.OPEN:
        raise BudgetingError(_("The advisory vote is not open."))
    AdvisoryVoter.objects.filter(vote=vote).update(answer=None)
    vote.closed_at = timezone.now()
    return _moved(vote, by, AdvisoryStatus.CLOSED, "budgeting.advisory_closed")


def _checked_choices(vote: AdvisoryVote, choices: dict[int, int | None]):
    """``choices`` maps an option id to its rank (None outside a ranking)."""
    known = set(vote.options.values_list("pk", flat=True))
    if not choices:
        raise BudgetingError(_("Choose at least one option."))
    if not set(choices) <= known:
        raise BudgetingError(_("A chosen option is not in this vote."))
    if vote.kind == AdvisoryKind.SINGLE and len(choices) != 1:
        raise BudgetingError(_("Choose exactly one option."))
    if vote.kind == AdvisoryKind.RANKING:
        ranks = sorted(choices.values(), key=lambda rank: rank or 0)
        if ranks != list(range(1, len(ranks) + 1)):
            raise BudgetingError(
                _("Number the options you rank 1, 2, 3… each number once.")
            )
        return choices
    return dict.fromkeys(choices)


@transaction.atomic
def advisory_answer(
    *,
    vote: AdvisoryVote,
    by: User,
    choices: dict[int, int | None],
    age: int | None = None,
    is_resident: bool = False,
) -> AdvisoryAnswer:
    """Answer or change one's answer, all or nothing."""
    share_lock(AdvisoryVote, vote.pk)
    vote = AdvisoryVote.objects.get(pk=vote.pk)
    if vote.status != AdvisoryStatus.OPEN:
        raise BudgetingError(_("The vote is closed: no answers are accepted."))
    check_eligible(vote, by, age=age, is_resident=is_resident)
    checked = _checked_choices(vote, choices)
    record = one_row_per_voter(
        AdvisoryVoter, organisation_id=vote.organisation_id, vote=vote, user=by
    )
    replaced = record.answer_id
    answer = AdvisoryAnswer.objects.create(organisation=vote.organisation, vote=vote)
    AdvisoryChoice.objects.bulk_create(
        AdvisoryChoice(
            organisation=vote.organisation, answer=answer, option_id=pk, rank=rank
        )
        for pk, rank in checked.items()
    )
    record.answer = answer
    record.save(update_fields=["answer"])
    if replaced:
        AdvisoryAnswer.objects.filter(pk=replaced).delete()
    return answer


def own_answer(vote: AdvisoryVote, user: User) -> dict[int, int | None] | None:
    """The person's choices (option id → rank) while the vote is open."""
    record = AdvisoryVoter.objects.filter(vote=vote, user=user).first()
    if record is None or record.answer_id is None:
        return None
    return dict(
        AdvisoryChoice.objects.filter(answer_id=record.answer_id).values_list(
            "option_id", "rank"
        )
    )


def advisory_results(vote: AdvisoryVote) -> dict:
    """Answers and, per option, how many chose it; in a ranking also the first
    preferences and Borda points (an option ranked r of n options gets
    n - r + 1 points), the options ordered by points, then first preferences."""
    total = vote.options.count()
    rows = vote.options.annotate(
        chosen=Count("choices"),
        first=Count("choices", filter=Q(choices__rank=1)),
        rank_sum=Sum("choices__rank"),
    )
    options = [
        {
            "id": row.pk,
            "text": row.text,
            "votes": row.chosen,
            "first": row.first,
            "points": row.chosen * (total + 1) - (row.rank_sum or 0),
        }
        for row in rows
    ]
    if vote.kind == AdvisoryKind.RANKING:
        options.sort(key=lambda o: (-o["points"], -o["first"], o["id"]))
    else:
        options.sort(key=lambda o: (-o["votes"], o["id"]))
    return {"answers": vote.answers.count(), "options": options}
