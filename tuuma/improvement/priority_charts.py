"""The 2×2 impact/effort matrix as SVG geometry (the ranked table repeats it)."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext as _

from tuuma.improvement.charts import scatter


def quadrant_names() -> dict[str, str]:
    return {
        "quick_win": _("Quick wins"),
        "major_project": _("Major projects"),
        "fill_in": _("Fill-ins"),
        "thankless": _("Thankless tasks"),
    }


def matrix(items) -> object:
    """Effort on x (1–5), impact on y; items sharing a cell fan out around it."""
    names = quadrant_names()
    in_cell: dict[tuple[int, int], int] = defaultdict(int)
    rows = []
    for item in items:
        key = (item.effort, item.impact)
        offset = in_cell[key]
        in_cell[key] += 1
        dx = ((offset % 3) - 1) * 0.22
        dy = ((offset // 3) % 3 - 1) * 0.22
        rows.append(
            (item.effort + dx, item.impact + dy, str(item.rank), item.title, 6.0)
        )
    chart = scatter(
        x_label=_("Effort (1-5)"),
        y_label=_("Impact (1-5)"),
        low=0.5,
        high=5.5,
        cutoff=2.5,
        step=1.0,
        rows=rows,
        quadrant_names=(
            names["quick_win"],
            names["major_project"],
            names["fill_in"],
            names["thankless"],
        ),
    )
    # Ticks at the whole scores only, not at the half-steps of the frame.
    chart.ticks = [
        {"label": str(v), "x": chart.px(v), "y": chart.py(v)} for v in range(1, 6)
    ]
    return chart
