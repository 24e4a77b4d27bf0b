"""Results of a step, computed from the rows (never from stored counters)."""

import random
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Avg, Count, Sum

from tuuma.workshops.items import Item, step_items
from tuuma.workshops.models import Duel, Participant, Step, StepKind, Vote

PAIRWISE_MIN_SHOWN = 6  # Innoduel: an answer is ranked only after six duels


@dataclass
class Row:
    key: str
    label: str
    score: float
    votes: int
    ranked: bool = True
    impact: float | None = None
    effort: float | None = None


def step_results(step: Step) -> list[Row]:
    """Items with their score, best first. Pairwise: win rate, ranked only after
    six appearances. 2×2: average impact and effort, sorted by impact − effort."""
    items = step_items(step)
    if step.kind == StepKind.PAIRWISE:
        return _pairwise(step, items)
    if step.kind == StepKind.MATRIX:
        return _matrix(step, items)
    totals = {
        r["item"]: r
        for r in Vote.objects.filter(step=step)
        .values("item")
        .annotate(total=Sum("points"), n=Count("id"))
    }
    rows = [
        Row(
            i.key,
            i.label,
            totals.get(i.key, {}).get("total") or 0,
            totals.get(i.key, {}).get("n") or 0,
        )
        for i in items
    ]
    if step.kind != StepKind.POLL:
        rows.sort(key=lambda r: -r.score)
    return rows


def _pairwise(step: Step, items: list[Item]) -> list[Row]:
    wins, shown = Counter(), Counter()
    for winner, loser in Duel.objects.filter(step=step).values_list("winner", "loser"):
        wins[winner] += 1
        shown[winner] += 1
        shown[loser] += 1
    rows = [
        Row(
            i.key,
            i.label,
            round(100 * wins[i.key] / shown[i.key]) if shown[i.key] else 0,
            shown[i.key],
            ranked=shown[i.key] >= PAIRWISE_MIN_SHOWN,
        )
        for i in items
    ]
    rows.sort(key=lambda r: (not r.ranked, -r.score))
    return rows


def _matrix(step: Step, items: list[Item]) -> list[Row]:
    averages = {
        r["item"]: r
        for r in Vote.objects.filter(step=step)
        .values("item")
        .annotate(impact=Avg("impact"), effort=Avg("effort"), n=Count("id"))
    }
    rows = []
    for i in items:
        found = averages.get(i.key)
        if not found:
            rows.append(Row(i.key, i.label, 0, 0))
            continue
        impact, effort = round(found["impact"], 1), round(found["effort"], 1)
        rows.append(
            Row(i.key, i.label, impact - effort, found["n"], True, impact, effort)
        )
    rows.sort(key=lambda r: -r.score)
    return rows


def next_pair(step: Step, participant: Participant) -> tuple[Item, Item] | None:
    """The pair this person has not judged whose items were shown least: every
    item reaches its six appearances as evenly as possible."""
    items = step_items(step)
    if len(items) < 2:
        return None
    shown = Counter()
    for winner, loser in Duel.objects.filter(step=step).values_list("winner", "loser"):
        shown[winner] += 1
        shown[loser] += 1
    done = set(
        Duel.objects.filter(step=step, participant=participant).values_list(
            "pair", flat=True
        )
    )
    candidates = [
        (shown[a.key] + shown[b.key], random.random(), a, b)  # noqa: S311
        for index, a in enumerate(items)
        for b in items[index + 1 :]
        if "|".join(sorted([a.key, b.key])) not in done
    ]
    if not candidates:
        return None
    _total, _tie, a, b = min(candidates, key=lambda c: (c[0], c[1]))
    return (a, b) if random.random() < 0.5 else (b, a)  # noqa: S311


def group_breakdown(step: Step) -> dict:
    """Totals per participant group, only for groups of at least the session's
    minimum size; the smaller ones are counted together and never shown apart."""
    session = step.session
    sizes = Counter(
        session.participants.filter(is_paper=False)
        .exclude(group="")
        .values_list("group", flat=True)
    )
    shown = {g for g, n in sizes.items() if n >= session.min_group_size}
    table = defaultdict(Counter)
    rows = Vote.objects.filter(step=step, participant__is_paper=False).exclude(
        participant__group=""
    )
    for group, item, points in rows.values_list("participant__group", "item", "points"):
        table[group if group in shown else ""][item] += points
    return {
        "groups": sorted(shown),
        "hidden_groups": len(sizes) - len(shown),
        "table": table,
        "min_size": session.min_group_size,
    }


def live_counts(step: Step | None, session) -> dict:
    counts = {
        "participants": session.participants.filter(is_paper=False).count(),
        "notes": session.notes.filter(is_hidden=False).count(),
        "votes": 0,
        "voters": 0,
    }
    if step is not None:
        if step.kind == StepKind.PAIRWISE:
            duels = Duel.objects.filter(step=step)
            counts["votes"] = duels.count()
            counts["voters"] = duels.values("participant").distinct().count()
        else:
            votes = Vote.objects.filter(step=step)
            counts["votes"] = votes.aggregate(n=Sum("points"))["n"] or 0
            counts["voters"] = votes.values("participant").distinct().count()
    return counts
