"""Impact/effort scoring as plain Python (DOMAIN.md §4), no Django.

Impact and effort are scored 1–5. The weighted score is
``S = Σ w_i · s_i / Σ w_i`` with effort inverted (``s' = max + min − s``), so a
high S means much impact for little effort. The 2×2 quadrants split both scales
at ``HIGH`` (3 counts as high: a middling item is not a fill-in).
"""

from __future__ import annotations

LOW, HIGH_END = 1, 5
HIGH = 3
DEFAULT_WEIGHTS = {"impact": 2.0, "effort": 1.0}

QUICK_WIN, MAJOR_PROJECT, FILL_IN, THANKLESS = (
    "quick_win",
    "major_project",
    "fill_in",
    "thankless",
)


def _check(score: int) -> int:
    if not LOW <= score <= HIGH_END:
        raise ValueError(f"Scores are {LOW}..{HIGH_END}, got {score}.")
    return score


def inverted(score: int) -> int:
    return HIGH_END + LOW - _check(score)


def weighted(
    impact: int, effort: int, weights: dict[str, float] | None = None
) -> float:
    weights = weights or DEFAULT_WEIGHTS
    total = weights["impact"] + weights["effort"]
    if total <= 0 or min(weights.values()) < 0:
        raise ValueError("Weights are non-negative and not all zero.")
    value = weights["impact"] * _check(impact) + weights["effort"] * inverted(effort)
    return value / total


def quadrant(impact: int, effort: int) -> str:
    high_impact, high_effort = _check(impact) >= HIGH, _check(effort) >= HIGH
    if high_impact:
        return MAJOR_PROJECT if high_effort else QUICK_WIN
    return THANKLESS if high_effort else FILL_IN


def case_days_per_year(
    cases: int, span_days: float, waiting_days_removed: float
) -> float | None:
    """Waiting time removed × annual case volume, from a case log's size and span."""
    if cases <= 0 or span_days <= 0 or waiting_days_removed <= 0:
        return None
    per_year = cases * 365.25 / max(span_days, 1.0)
    return per_year * waiting_days_removed
