"""The Kano results page's charts: Better/Worse and the continuous scatter."""

from __future__ import annotations

from django.utils.translation import gettext as _

from tuuma.improvement.charts import category_bars, scatter
from tuuma.improvement.survey_actions import FeatureResult


def category_names() -> dict[str, str]:
    """Names in the current language (the module-level ones are for the default)."""
    return {
        "A": _("Attractive"),
        "O": _("One-dimensional"),
        "M": _("Must-be"),
        "I": _("Indifferent"),
        "R": _("Reverse"),
        "Q": _("Questionable"),
    }


def _radius(importance: float | None) -> float:
    """Self-stated importance (1-9) as the marker size, as Berger et al. suggest."""
    return 6.0 if importance is None else round(4 + importance / 1.5, 1)


def results_context(results: list[FeatureResult]) -> dict:
    names = category_names()
    rows = []
    for number, item in enumerate(results, start=1):
        r = item.result
        rows.append(
            {
                "number": number,
                "feature": item.feature,
                "r": r,
                "mode_name": names.get(r.mode, ""),
                "bars": category_bars(r.counts),
            }
        )
    with_cs = [x for x in rows if x["r"].cs_plus is not None]
    better_worse = scatter(
        x_label=_("Dissatisfaction if missing |CS−|"),
        y_label=_("Satisfaction if present CS+"),
        low=0.0,
        high=1.0,
        cutoff=0.5,
        step=0.25,
        rows=[
            (-x["r"].cs_minus, x["r"].cs_plus, str(x["number"]), x["feature"].name, 6.0)
            for x in with_cs
        ],
        quadrant_names=(names["A"], names["O"], names["I"], names["M"]),
    )
    continuous = scatter(
        x_label=_("Dysfunctional mean D̄"),
        y_label=_("Functional mean F̄"),
        low=-2.0,
        high=4.0,
        cutoff=2.0,
        step=1.0,
        rows=[
            (
                x["r"].d_mean,
                x["r"].f_mean,
                str(x["number"]),
                x["feature"].name,
                _radius(x["r"].importance_mean),
            )
            for x in rows
            if x["r"].f_mean is not None
        ],
        quadrant_names=(names["A"], names["O"], names["I"], names["M"]),
    )
    return {
        "rows": rows,
        "better_worse": better_worse,
        "continuous": continuous,
        "category_names": names,
    }
