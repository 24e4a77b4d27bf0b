"""Counting a closed round with ``counting``, publishing it, the export and turnout.

The export holds exactly what the count used (areas, budgets, proposal costs and
the anonymised ballots in UUID order, which says nothing about who or when), so
``recount(export)`` is how anyone checks the published result.
"""

from collections import Counter, defaultdict

from django.db.models import Count

from tuuma.budgeting import counting
from tuuma.budgeting.choices import AGE_BANDS, MIN_GROUP, ResultRule, age_band
from tuuma.budgeting.models import (
    Area,
    Ballot,
    BallotChoice,
    Proposal,
    ResultRow,
    Round,
    VoterRecord,
)


def _area_ballots(area: Area) -> list[list[int]]:
    counted = Ballot.objects.counted().filter(area=area)
    grouped: dict = defaultdict(list)
    choices = BallotChoice.objects.filter(ballot__in=counted).order_by(
        "ballot_id", "proposal_id"
    )
    for ballot_id, proposal_id in choices.values_list("ballot_id", "proposal_id"):
        grouped[str(ballot_id)].append(proposal_id)
    return [grouped[key] for key in sorted(grouped)]


def _area_proposals(area: Area) -> list[Proposal]:
    return list(Proposal.objects.on_ballot().filter(area=area).order_by("pk"))


def count_area(area: Area) -> dict:
    """Both rules on the area's counted ballots (``counting.count``)."""
    projects = [counting.Project(p.pk, p.cost) for p in _area_proposals(area)]
    return counting.count(projects, _area_ballots(area), area.budget)


def publish_results(budget_round: Round) -> None:
    """Store each proposal's count and the winners by the round's rule."""
    ResultRow.objects.filter(area__round=budget_round).delete()
    rows = []
    for area in budget_round.areas.all():
        counted = count_area(area)
        greedy = counted[counting.GREEDY]
        shares = counted[counting.EQUAL_SHARES]
        chosen = (
            shares if budget_round.result_rule == ResultRule.EQUAL_SHARES else (greedy)
        )
        for proposal in _area_proposals(area):
            rows.append(
                ResultRow(
                    organisation_id=area.organisation_id,
                    area=area,
                    proposal=proposal,
                    votes=counted["counts"][proposal.pk],
                    greedy_selected=proposal.pk in greedy.selected,
                    equal_shares_stage=shares.stage.get(proposal.pk, ""),
                    is_winner=proposal.pk in chosen.selected,
                )
            )
    ResultRow.objects.bulk_create(rows)


def export(budget_round: Round) -> dict:
    """The anonymised ballots and everything needed to recount them."""
    return {
        "round": budget_round.pk,
        "title": budget_round.title,
        "ballot": budget_round.ballot_kind,
        "rule": budget_round.result_rule,
        "areas": [
            {
                "id": area.pk,
                "name": area.name,
                "budget": area.budget,
                "proposals": [
                    {"id": p.pk, "title": p.title, "cost": p.cost}
                    for p in _area_proposals(area)
                ],
                "ballots": _area_ballots(area),
            }
            for area in budget_round.areas.all()
        ],
    }


def recount(exported: dict) -> dict:
    """From an export alone: per area id, the votes and each rule's winners."""
    recounted = {}
    for area in exported["areas"]:
        projects = [counting.Project(p["id"], p["cost"]) for p in area["proposals"]]
        counted = counting.count(projects, area["ballots"], area["budget"])
        recounted[area["id"]] = {
            "votes": counted["counts"],
            counting.GREEDY: list(counted[counting.GREEDY].selected),
            counting.EQUAL_SHARES: list(counted[counting.EQUAL_SHARES].selected),
        }
    return recounted


def published(budget_round: Round) -> dict:
    """The stored result in ``recount``'s shape (for the comparison in tests)."""
    shaped = {}
    for area in budget_round.areas.all():
        rows = list(area.results.all())
        shaped[area.pk] = {
            "votes": {r.proposal_id: r.votes for r in rows},
            counting.GREEDY: sorted(r.proposal_id for r in rows if r.greedy_selected),
            counting.EQUAL_SHARES: sorted(
                r.proposal_id for r in rows if r.equal_shares_selected
            ),
        }
    return shaped


def _band_labels() -> list[str]:
    return [age_band(low) for low, _high in AGE_BANDS]


def turnout(budget_round: Round) -> list[dict]:
    """Per area: online voters by age band (fewer than MIN_GROUP shown as None)
    and confirmed paper ballots."""
    rows = []
    for area in budget_round.areas.all():
        online = Counter(
            dict(
                VoterRecord.objects.filter(area=area)
                .values_list("age_band")
                .annotate(n=Count("pk"))
                .values_list("age_band", "n")
            )
        )
        paper = Ballot.objects.counted().filter(area=area).exclude(batch=None).count()
        bands = [
            (label, online[label] if online[label] >= MIN_GROUP else None)
            for label in _band_labels()
        ]
        rows.append(
            {
                "area": area,
                "online": sum(online.values()),
                "paper": paper,
                "total": sum(online.values()) + paper,
                "bands": bands,
            }
        )
    return rows
