"""The VSM timeline as server-rendered SVG: process time above, waiting below.

One column per stretch of the critical path (a parallel group shows its longest
branch and says how many branches it has). The step table next to it is the
text equivalent, so the drawing is one labelled image.
"""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from tuuma.processes.maps import VersionMap

COLUMN = 150
LEFT = 10
TOTALS = 190
TOP, BOTTOM = 70, 120


def minutes_text(minutes: float) -> str:
    if minutes < 120:
        return _("%(n)s min") % {"n": number_format(round(minutes), 0)}
    return _("%(n)s h") % {"n": number_format(round(minutes / 60, 1), 1)}


def days_text(days: float) -> str:
    return _("%(n)s d") % {"n": number_format(round(days, 1), 1)}


def _truncate(text: str, size: int = 20) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def timeline(vmap: VersionMap, element_id: str = "vsm") -> SafeString:
    segments = vmap.figures.segments
    width = LEFT * 2 + COLUMN * len(segments) + TOTALS
    parts = [_segment(vmap, index, segment) for index, segment in enumerate(segments)]
    parts += _totals(vmap, LEFT + COLUMN * len(segments) + 10)
    title = _("Value stream timeline of %(version)s") % {"version": vmap.version.name}
    description = _(
        "Process time of each stretch above the line, waiting below it in working "
        "days. The step table below gives the same figures."
    )
    return mark_safe(  # noqa: S308 - every value above went through format_html
        f'<svg class="vsm-timeline" role="img" viewBox="0 0 {width} {BOTTOM + 40}" '
        f'width="{width}" height="{BOTTOM + 40}" '
        f'aria-labelledby="{element_id}-title {element_id}-desc">'
        f'<title id="{element_id}-title">{escape(title)}</title>'
        f'<desc id="{element_id}-desc">{escape(description)}</desc>'
        + "".join(parts)
        + "</svg>"
    )


def _segment(vmap: VersionMap, index: int, segment) -> SafeString:
    """One stretch of the map: its process time above the line, waiting below."""
    rows = vmap.rows
    x = LEFT + index * COLUMN
    name = rows[segment.critical[0]].step.name
    if segment.parallel:
        name = _("%(name)s (+%(n)s parallel)") % {
            "name": _truncate(name, 12),
            "n": len(segment.branches) - 1,
        }
    wastes = " ".join(w for i in segment.critical for w in rows[i].step.wastes)
    return format_html(
        '<g class="vsm-step{}">'
        '<text x="{}" y="18" class="vsm-name">{}</text>'
        '<text x="{}" y="34" class="vsm-waste">{}</text>'
        '<line x1="{}" y1="{}" x2="{}" y2="{}" class="vsm-pt-line"/>'
        '<text x="{}" y="{}" class="vsm-pt">{}</text>'
        '<line x1="{}" y1="{}" x2="{}" y2="{}" class="vsm-rise"/>'
        '<line x1="{}" y1="{}" x2="{}" y2="{}" class="vsm-wait-line"/>'
        '<text x="{}" y="{}" class="vsm-wait">{}</text>'
        "</g>",
        " vsm-log" if any(rows[i].from_log for i in segment.critical) else "",
        x + 4,
        _truncate(name),
        x + 4,
        wastes,
        x,
        TOP,
        x + COLUMN * 0.55,
        TOP,
        x + 4,
        TOP - 8,
        minutes_text(segment.pt),
        x + COLUMN * 0.55,
        TOP,
        x + COLUMN * 0.55,
        BOTTOM,
        x + COLUMN * 0.55,
        BOTTOM,
        x + COLUMN,
        BOTTOM,
        x + COLUMN * 0.55 + 4,
        BOTTOM + 18,
        days_text(segment.waiting / vmap.version.minutes_per_working_day),
    )


def _totals(vmap: VersionMap, x: float) -> list[SafeString]:
    result = vmap.figures
    totals = [
        _("Lead time %(d)s") % {"d": days_text(result.total_lt_days)},
        _("Process time %(t)s") % {"t": minutes_text(result.total_pt)},
        _("Activity ratio %(p)s %%")
        % {"p": number_format(round(result.activity_ratio or 0, 2), 2)},
    ]
    return [
        format_html(
            '<text x="{}" y="{}" class="vsm-total">{}</text>', x, TOP + line * 20, text
        )
        for line, text in enumerate(totals)
    ]
