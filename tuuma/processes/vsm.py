"""Value-stream figures of a step table (DOMAIN.md §2.2), in plain Python.

No Django here: the pages, the API, the review page and the tests all pass plain
:class:`Block` values in. Times are working minutes; the map's
``minutes_per_working_day`` turns them into working days for display.

The flow is the ordered list of steps. Consecutive steps that share a
``group`` run in parallel with each other; inside a group, steps with the same
``branch`` run one after another (a branch), different branches side by side.
A step without a branch is a branch of its own. The lead time of a parallel
group is the lead time of its longest branch (the critical path); process time
counts every step, because all of the work is done.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

VALUE_CLASSES = ("VA", "NNVA", "NVA")


@dataclass(frozen=True)
class Block:
    """One step: process time and lead time in working minutes, %C&A 0..100."""

    name: str
    pt: float
    lt: float
    pct_ca: float | None = None
    value_class: str = "VA"
    group: str = ""
    branch: str = ""


@dataclass(frozen=True)
class Segment:
    """A stretch of the timeline: one step, or a parallel group of branches."""

    branches: tuple[tuple[int, ...], ...]  # indexes of the steps, per branch
    critical: tuple[int, ...]  # the branch whose lead time counts
    pt: float  # process time on the critical branch (the timeline's upper line)
    lt: float  # lead time of the critical branch

    @property
    def parallel(self) -> bool:
        return len(self.branches) > 1

    @property
    def waiting(self) -> float:
        return max(self.lt - self.pt, 0.0)


@dataclass(frozen=True)
class Figures:
    total_pt: float
    total_lt: float
    va_time: float
    activity_ratio: float | None  # per cent
    rolled_pct_ca: float | None  # per cent
    pce: float | None  # per cent
    takt: float | None  # working minutes per item
    minutes_per_day: float
    segments: tuple[Segment, ...] = field(default=())

    @property
    def total_lt_days(self) -> float:
        return self.total_lt / self.minutes_per_day

    @property
    def critical_steps(self) -> tuple[int, ...]:
        return tuple(i for segment in self.segments for i in segment.critical)


def segments(blocks: Sequence[Block]) -> list[Segment]:
    """The timeline: consecutive steps of one ``group`` form one segment."""
    runs: list[list[int]] = []
    for index, block in enumerate(blocks):
        previous = blocks[index - 1] if index else None
        if block.group and previous is not None and previous.group == block.group:
            runs[-1].append(index)
        else:
            runs.append([index])
    return [_segment(blocks, run) for run in runs]


def _segment(blocks: Sequence[Block], run: list[int]) -> Segment:
    branches: dict[str, list[int]] = {}
    for index in run:
        # A step without a branch name runs alongside every other branch.
        key = blocks[index].branch or f"#{index}"
        branches.setdefault(key, []).append(index)
    ordered = [tuple(steps) for steps in branches.values()]

    def lead(branch: tuple[int, ...]) -> float:
        return math.fsum(blocks[i].lt for i in branch)

    # The longest branch counts; on a tie the first one, so the result is stable.
    critical = max(ordered, key=lead)
    return Segment(
        branches=tuple(ordered),
        critical=critical,
        pt=math.fsum(blocks[i].pt for i in critical),
        lt=lead(critical),
    )


def figures(
    blocks: Sequence[Block],
    *,
    minutes_per_day: float = 435,
    demand_per_year: float | None = None,
    working_days_per_year: float = 220,
) -> Figures:
    """Total LT (critical path), total PT, activity ratio, rolled %C&A, PCE, takt."""
    timeline = segments(blocks)
    total_lt = math.fsum(segment.lt for segment in timeline)
    total_pt = math.fsum(block.pt for block in blocks)
    va_time = math.fsum(block.pt for block in blocks if block.value_class == "VA")
    known = [block.pct_ca for block in blocks if block.pct_ca is not None]
    rolled = math.prod(value / 100 for value in known) * 100 if known else None
    takt = None
    if demand_per_year:
        takt = working_days_per_year * minutes_per_day / demand_per_year
    return Figures(
        total_pt=total_pt,
        total_lt=total_lt,
        va_time=va_time,
        activity_ratio=_share(total_pt, total_lt),
        rolled_pct_ca=rolled,
        pce=_share(va_time, total_lt),
        takt=takt,
        minutes_per_day=minutes_per_day,
        segments=tuple(timeline),
    )


def _share(part: float, whole: float) -> float | None:
    return part / whole * 100 if whole > 0 else None


def compare(before: Figures, after: Figures) -> dict[str, float | None]:
    """Change from ``before`` to ``after``: ΔLT (minutes), Δ activity ratio and
    Δ rolled %C&A (percentage points)."""

    def delta(a: float | None, b: float | None) -> float | None:
        return None if a is None or b is None else b - a

    return {
        "lead_time": after.total_lt - before.total_lt,
        "process_time": after.total_pt - before.total_pt,
        "activity_ratio": delta(before.activity_ratio, after.activity_ratio),
        "rolled_pct_ca": delta(before.rolled_pct_ca, after.rolled_pct_ca),
        "pce": delta(before.pce, after.pce),
    }
