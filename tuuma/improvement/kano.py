"""Kano analysis as plain Python (no Django), following DOMAIN.md §1.

A respondent answers a functional and a dysfunctional question per feature with
one of five answers (1 like … 5 dislike). ``classify`` maps the pair to A, O, M,
I, R or Q through the 5×5 table; ``analyse`` turns a feature's answers into the
discrete result (counts, mode with the M > O > A > I tie rule, Fong's test,
strengths, Better/Worse) and the continuous one (DuMouchel's means and SDs).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

ATTRACTIVE, ONE_DIMENSIONAL, MUST_BE, INDIFFERENT, REVERSE, QUESTIONABLE = (
    "A",
    "O",
    "M",
    "I",
    "R",
    "Q",
)
CATEGORIES = ("A", "O", "M", "I", "R", "Q")
# A missing must-be hurts most, so near ties are settled in this order.
TIE_ORDER = ("M", "O", "A", "I")
ANSWERS = (1, 2, 3, 4, 5)

KANO_TABLE = (  # KANO_TABLE[functional - 1][dysfunctional - 1]
    "QAAAO",
    "RIIIM",
    "RIIIM",
    "RIIIM",
    "RRRRQ",
)
# DuMouchel's asymmetric recoding: positive answers weigh more.
FUNCTIONAL_SCORE = {1: 4.0, 2: 2.0, 3: 0.0, 4: -1.0, 5: -2.0}
DYSFUNCTIONAL_SCORE = {1: -2.0, 2: -1.0, 3: 0.0, 4: 2.0, 5: 4.0}
FONG_Z = 1.65


class KanoError(ValueError):
    """An answer outside 1..5 or a setting outside its range."""


def classify(functional: int, dysfunctional: int) -> str:
    """The category of one respondent's answer pair."""
    if functional not in ANSWERS or dysfunctional not in ANSWERS:
        raise KanoError(f"Kano answers are 1..5, got {functional}/{dysfunctional}.")
    return KANO_TABLE[functional - 1][dysfunctional - 1]


@dataclass(frozen=True)
class Settings:
    """Product choices (not standards): all configurable per survey."""

    tie_threshold: float = 0.05  # share gap counted as a tie (stp25kano: 5 pp)
    questionable_flag: float = 0.10  # Q share above which to reword the question
    reverse_flag: float = 0.10  # R share above which the polarity looks reversed
    cutoff: float = 2.0  # interpretive quadrant cut-off of the continuous plot

    def __post_init__(self) -> None:
        for name in ("tie_threshold", "questionable_flag", "reverse_flag"):
            if not 0 <= getattr(self, name) <= 1:
                raise KanoError(f"{name} must be between 0 and 1.")


@dataclass(frozen=True)
class Answer:
    functional: int
    dysfunctional: int
    importance: int | None = None


@dataclass
class Result:
    counts: dict[str, int]
    n: int
    mode: str | None
    top: str | None  # the plain maximum before the tie rule
    second: str | None
    mixed: str  # e.g. "O/M" when the top two are not significantly apart
    tie_rule_applied: bool
    fong_significant: bool | None
    fong_difference: int
    fong_threshold: float
    total_strength: float | None
    category_strength: float | None
    cs_plus: float | None
    cs_minus: float | None
    f_mean: float | None
    d_mean: float | None
    f_sd: float | None
    d_sd: float | None
    importance_mean: float | None
    continuous_category: str | None
    questionable_share: float
    reverse_share: float
    flag_questionable: bool
    flag_reverse: bool
    extra: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


def fong_threshold(a: int, b: int, n: int) -> float:
    """Fong (1996): the least |a − b| that is significant at z = 1.65."""
    if n <= 0:
        return 0.0
    return FONG_Z * math.sqrt((a + b) * (2 * n - a - b) / (2 * n))


def fong_significant(a: int, b: int, n: int) -> bool:
    return abs(a - b) >= fong_threshold(a, b, n)


def better_worse(counts: dict[str, int]) -> tuple[float | None, float | None]:
    """(CS+, CS−) of Berger et al. 1993; R and Q are left out of the base."""
    base = sum(counts.get(c, 0) for c in ("A", "O", "M", "I"))
    if base == 0:
        return None, None
    better = (counts.get("A", 0) + counts.get("O", 0)) / base
    worse = -(counts.get("O", 0) + counts.get("M", 0)) / base
    return better, worse


def _ranked(counts: dict[str, int]) -> list[str]:
    """Categories by count, most first; equal counts in tie order, then R, Q."""
    order = {c: i for i, c in enumerate((*TIE_ORDER, "R", "Q"))}
    return sorted(CATEGORIES, key=lambda c: (-counts[c], order[c]))


def mode_with_tie_rule(
    counts: dict[str, int], threshold: float = 0.05
) -> tuple[str | None, bool]:
    """The mode, and whether the M > O > A > I rule chose it over the maximum.

    Among A, O, M, I within ``threshold`` (a share of N) of the maximum, the one
    first in M > O > A > I wins. R or Q as plain maximum stays the mode.
    """
    n = sum(counts.values())
    if n == 0:
        return None, False
    top = _ranked(counts)[0]
    if top in ("R", "Q"):
        return top, False
    best = counts[top]
    near = [c for c in TIE_ORDER if (best - counts[c]) / n <= threshold + 1e-12]
    chosen = near[0]
    return chosen, chosen != top


def _mean_sd(values: Sequence[float]) -> tuple[float | None, float | None]:
    if not values:
        return None, None
    mean = sum(values) / len(values)
    if len(values) < 2:
        return mean, 0.0
    variance = sum((v - mean) ** 2 for v in values) / (len(values) - 1)
    return mean, math.sqrt(variance)


def continuous_category(
    f_mean: float | None, d_mean: float | None, cutoff: float = 2.0
) -> str | None:
    """Interpretive quadrant of (D̄ on x, F̄ on y); there is no agreed cut-off."""
    if f_mean is None or d_mean is None:
        return None
    if f_mean >= cutoff:
        return "O" if d_mean >= cutoff else "A"
    return "M" if d_mean >= cutoff else "I"


def count(pairs: Iterable[tuple[int, int]]) -> dict[str, int]:
    counts = Counter(classify(f, d) for f, d in pairs)
    return {c: counts.get(c, 0) for c in CATEGORIES}


def analyse_counts(counts: dict[str, int], settings: Settings | None = None) -> Result:
    """The discrete result from category counts alone (no continuous part)."""
    settings = settings or Settings()
    counts = {c: int(counts.get(c, 0)) for c in CATEGORIES}
    if any(v < 0 for v in counts.values()):
        raise KanoError("Counts cannot be negative.")
    n = sum(counts.values())
    ranked = _ranked(counts)
    top, second = (ranked[0], ranked[1]) if n else (None, None)
    mode, tie_applied = mode_with_tie_rule(counts, settings.tie_threshold)
    a, b = (counts[top], counts[second]) if n else (0, 0)
    significant = fong_significant(a, b, n) if n else None
    mixed = f"{top}/{second}" if n and not significant and b else (top or "")
    cs_plus, cs_minus = better_worse(counts)
    q_share = counts["Q"] / n if n else 0.0
    r_share = counts["R"] / n if n else 0.0
    return Result(
        counts=counts,
        n=n,
        mode=mode,
        top=top,
        second=second,
        mixed=mixed,
        tie_rule_applied=tie_applied,
        fong_significant=significant,
        fong_difference=abs(a - b),
        fong_threshold=fong_threshold(a, b, n),
        total_strength=(counts["A"] + counts["O"] + counts["M"]) / n if n else None,
        category_strength=(a - b) / n if n else None,
        cs_plus=cs_plus,
        cs_minus=cs_minus,
        f_mean=None,
        d_mean=None,
        f_sd=None,
        d_sd=None,
        importance_mean=None,
        continuous_category=None,
        questionable_share=q_share,
        reverse_share=r_share,
        flag_questionable=q_share > settings.questionable_flag,
        flag_reverse=r_share > settings.reverse_flag,
    )


def analyse(answers: Iterable[Answer], settings: Settings | None = None) -> Result:
    """Everything DOMAIN §1.6 derives for one feature (or one segment of it)."""
    settings = settings or Settings()
    answers = list(answers)
    result = analyse_counts(
        count((a.functional, a.dysfunctional) for a in answers), settings
    )
    result.f_mean, result.f_sd = _mean_sd(
        [FUNCTIONAL_SCORE[a.functional] for a in answers]
    )
    result.d_mean, result.d_sd = _mean_sd(
        [DYSFUNCTIONAL_SCORE[a.dysfunctional] for a in answers]
    )
    importance = [a.importance for a in answers if a.importance is not None]
    result.importance_mean = sum(importance) / len(importance) if importance else None
    result.continuous_category = continuous_category(
        result.f_mean, result.d_mean, settings.cutoff
    )
    return result
