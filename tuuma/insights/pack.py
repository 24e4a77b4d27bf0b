"""A board pack's contents: frozen figures, the PDF and the XLSX.

``freeze`` computes the chosen sections through the metric registry (the same
figures as the dashboard) and keeps them as plain data in the pack's language;
the PDF and the XLSX are drawn from that frozen data only.
"""

from __future__ import annotations

from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from tuuma.insights import dashboard
from tuuma.insights.models import BoardPack
from tuuma.lib.exports import xlsx_bytes
from tuuma.lib.metrics import Filters, one_reading
from tuuma.web.charts import bar_chart


def pack_filters(pack: BoardPack) -> Filters:
    return Filters(start=pack.start, end=pack.end, service_area=pack.service_area_id)


def _figure(found: dashboard.Figure) -> dict[str, Any]:
    measured = found.measured
    return {
        "id": found.metric.id,
        "label": str(found.metric.label),
        "definition": str(found.metric.definition),
        "unit": found.metric.unit,
        "value": measured.value if measured else None,
        "n": measured.n if measured and not measured.suppressed else None,
        "suppressed": bool(measured and measured.suppressed),
        "text": found.text,
    }


def _table(columns: list, rows: list) -> dict[str, Any]:
    return {
        "columns": [str(column.label) for column in columns],
        "rows": [
            {"label": row.label, "figures": [_figure(f) for f in row.figures]}
            for row in rows
        ],
    }


def freeze(pack: BoardPack) -> dict[str, Any]:
    """The pack's figures as plain data (call inside the pack's language)."""
    organisation, filters = pack.organisation, pack_filters(pack)
    with one_reading():
        sections = dashboard.sections(organisation, filters, pack.sections)
        charts = dashboard.charts(organisation, filters, pack.sections)
        columns, rows = dashboard.drill_down(organisation, filters)
    return {
        "sections": [
            {
                "key": s.key,
                "title": s.title,
                "figures": [_figure(f) for f in s.figures],
                "table": _table(*s.table) if s.table else None,
            }
            for s in sections
        ],
        "charts": [
            {
                "id": chart.id,
                "title": chart.title,
                "label_heading": chart.label_heading,
                "value_heading": chart.value_heading,
                "rows": [[bar.label, bar.value] for bar in chart.bars],
            }
            for chart in charts
        ],
        "drill_down": _table(columns, rows),
    }


def drawn_charts(figures: dict[str, Any]) -> list:
    """The frozen charts drawn again as SVG bar charts."""
    return [
        bar_chart(
            chart_id=chart["id"],
            title=chart["title"],
            rows=[(label, value) for label, value in chart["rows"]],
            label_heading=chart["label_heading"],
            value_heading=chart["value_heading"],
            n=sum(value for _label, value in chart["rows"]),
        )
        for chart in figures.get("charts", [])
    ]


def pdf_bytes(pack: BoardPack) -> bytes:
    """The pack as a tagged PDF (PDF/UA) from the print template."""
    from weasyprint import CSS, HTML  # noqa: PLC0415 - heavy, only the worker needs it

    html = render_to_string(
        "insights/pack_print.html",
        {"pack": pack, "figures": pack.figures, "charts": drawn_charts(pack.figures)},
    )
    stylesheet = CSS(filename=finders.find("insights/print.css"))
    # No base URL: the document fetches nothing.
    return HTML(string=html).write_pdf(stylesheets=[stylesheet], pdf_variant="pdf/ua-1")


def xlsx_of(pack: BoardPack) -> bytes:
    """A sheet per section and per chart, and the drill-down table."""
    figures = pack.figures
    header = [_("Metric"), _("Identifier"), _("Value"), _("n"), _("Definition")]
    tables = [
        (
            section["title"],
            header,
            [
                [f["label"], f["id"], f["value"], f["n"], f["definition"]]
                for f in section["figures"]
            ],
        )
        for section in figures["sections"]
    ]
    tables += [
        (
            section["title"],
            [_("Group"), *section["table"]["columns"]],
            [
                [row["label"], *(f["value"] for f in row["figures"])]
                for row in section["table"]["rows"]
            ],
        )
        for section in figures["sections"]
        if section.get("table")
    ]
    tables += [
        (
            chart["title"],
            [chart["label_heading"], chart["value_heading"]],
            chart["rows"],
        )
        for chart in figures["charts"]
    ]
    drill = figures["drill_down"]
    tables.append(
        (
            _("Breakdown"),
            [_("Group"), *drill["columns"]],
            [
                [row["label"], *(f["value"] for f in row["figures"])]
                for row in drill["rows"]
            ],
        )
    )
    return xlsx_bytes(tables)
