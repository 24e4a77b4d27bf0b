"""Counting a participatory-budgeting vote: plain Python, no Django.

Anyone holding the exported ballots can run these functions and get the
published result. Amounts are whole euros and the Method of Equal Shares works
in exact fractions, so the result never depends on rounding.

Two rules, side by side:

- ``greedy``: the usual rule. Proposals in order of votes (ties: the earlier
  proposal, i.e. the smaller id); a proposal that no longer fits the remaining
  budget is skipped and the next one is tried.
- ``equal_shares``: the Method of Equal Shares (Peters & Skowron) with cost
  utilities, as used by the Polish and Dutch cities that adopted it. Every voter
  gets an equal share ``budget / voters``. A proposal can be bought when its
  supporters together still hold its cost; of those, the one whose supporters
  each pay the smallest share of its cost (``max payment / cost``) is bought
  first, its supporters paying equally (those with less pay all they have).
  Ties: more votes, then lower cost, then the earlier proposal. What the
  supporters cannot buy together is then filled by the greedy rule with the
  budget left over ("completion"); each winner says which stage chose it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

GREEDY = "greedy"
EQUAL_SHARES = "equal_shares"
COMPLETION = "completion"


@dataclass(frozen=True)
class Project:
    key: Hashable
    cost: int


@dataclass(frozen=True)
class Outcome:
    """The proposals one rule funds, in the order it chose them."""

    rule: str
    selected: tuple[Hashable, ...]
    stage: dict  # key -> GREEDY, EQUAL_SHARES or COMPLETION
    spent: int
    budget: int

    @property
    def left_over(self) -> int:
        return self.budget - self.spent


def vote_counts(
    projects: Sequence[Project], ballots: Iterable[Iterable[Hashable]]
) -> dict:
    """Approvals per project; a ballot naming an unknown key is ignored for it."""
    counts = {project.key: 0 for project in projects}
    for ballot in ballots:
        for key in set(ballot):
            if key in counts:
                counts[key] += 1
    return counts


def _greedy_fill(
    projects: Sequence[Project], counts: dict, remaining: int, taken: set
) -> list[Project]:
    order = sorted(
        (p for p in projects if p.key not in taken and counts[p.key] > 0),
        key=lambda p: (-counts[p.key], projects.index(p)),
    )
    chosen = []
    for project in order:
        if project.cost <= remaining:
            chosen.append(project)
            remaining -= project.cost
    return chosen


def greedy(
    projects: Sequence[Project], ballots: Sequence[Iterable[Hashable]], budget: int
) -> Outcome:
    """Most votes first, skipping what no longer fits; unvoted proposals never win."""
    projects = list(projects)
    counts = vote_counts(projects, ballots)
    chosen = _greedy_fill(projects, counts, budget, set())
    return Outcome(
        rule=GREEDY,
        selected=tuple(p.key for p in chosen),
        stage={p.key: GREEDY for p in chosen},
        spent=sum(p.cost for p in chosen),
        budget=budget,
    )


def _payment_cap(money: list[Fraction], cost: int) -> Fraction | None:
    """The smallest cap such that sum(min(m, cap)) == cost, or None if the
    supporters together hold less than ``cost``."""
    if sum(money) < cost:
        return None
    paid = Fraction(0)
    left = len(money)
    for held in sorted(money):
        if held * left >= cost - paid:
            return (cost - paid) / left
        paid += held
        left -= 1
    return None  # unreachable: the sum check above guarantees a cap


def _cheapest_for_supporters(
    candidates: list[Project],
    supporters: dict,
    money: list[Fraction],
    counts: dict,
    order: dict,
) -> tuple[Project, Fraction] | None:
    best = None
    best_key = None
    for project in list(candidates):
        cap = _payment_cap([money[i] for i in supporters[project.key]], project.cost)
        if cap is None:
            candidates.remove(project)  # money only shrinks: it never fits again
            continue
        share = cap / project.cost if project.cost else Fraction(0)
        rank = (share, -counts[project.key], project.cost, order[project.key])
        if best_key is None or rank < best_key:
            best, best_key = (project, cap), rank
    return best


def equal_shares(
    projects: Sequence[Project], ballots: Sequence[Iterable[Hashable]], budget: int
) -> Outcome:
    """The Method of Equal Shares with greedy completion (module docstring)."""
    projects = list(projects)
    ballots = [set(b) for b in ballots]
    counts = vote_counts(projects, ballots)
    if not ballots:
        return Outcome(EQUAL_SHARES, (), {}, 0, budget)
    money = [Fraction(budget, len(ballots))] * len(ballots)
    supporters = {
        p.key: [i for i, ballot in enumerate(ballots) if p.key in ballot]
        for p in projects
    }
    order = {p.key: index for index, p in enumerate(projects)}
    candidates = [p for p in projects if counts[p.key] > 0]
    chosen: list[Project] = []
    while found := _cheapest_for_supporters(
        candidates, supporters, money, counts, order
    ):
        project, cap = found
        for voter in supporters[project.key]:
            money[voter] -= min(money[voter], cap)
        candidates.remove(project)
        chosen.append(project)
    stage = {p.key: EQUAL_SHARES for p in chosen}
    spent = sum(p.cost for p in chosen)
    taken = {p.key for p in chosen}
    for project in _greedy_fill(projects, counts, budget - spent, taken):
        chosen.append(project)
        stage[project.key] = COMPLETION
        spent += project.cost
    return Outcome(EQUAL_SHARES, tuple(p.key for p in chosen), stage, spent, budget)


def count(
    projects: Sequence[Project], ballots: Sequence[Iterable[Hashable]], budget: int
) -> dict:
    """Both rules and the vote counts, as the results page and the recount use them."""
    ballots = [set(b) for b in ballots]
    return {
        "counts": vote_counts(projects, ballots),
        GREEDY: greedy(projects, ballots, budget),
        EQUAL_SHARES: equal_shares(projects, ballots, budget),
    }
