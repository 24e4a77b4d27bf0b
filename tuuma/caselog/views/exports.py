"""Downloads: the figures as CSV or XLSX, the process map as SVG, PNG or PDF."""

import io

from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify
from openpyxl import Workbook

from tuuma.caselog.exports import tables
from tuuma.caselog.mapfiles import map_pdf, map_png
from tuuma.caselog.models import CaseLog
from tuuma.caselog.pageforms import MapForm
from tuuma.caselog.views.access import log_page
from tuuma.caselog.views.analysis import process_map_for, process_map_svg
from tuuma.lib.exports import csv_tables_bytes, download
from tuuma.organisation.access import requires


def _download(content, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@requires("caselog.view", load=CaseLog, kwarg="log_id")
def export_csv(request: HttpRequest, caselog: CaseLog) -> HttpResponse:
    page = log_page(request, caselog)
    found = tables(page.view, list(page.caselog.deadline_rules.all()))
    name = page.caselog.name or "caselog"
    return download(csv_tables_bytes(found), name=name, kind="csv")


@requires("caselog.view", load=CaseLog, kwarg="log_id")
def export_xlsx(request: HttpRequest, caselog: CaseLog) -> HttpResponse:
    page = log_page(request, caselog)
    book = Workbook()
    book.remove(book.active)
    for name, header, rows in tables(
        page.view, list(page.caselog.deadline_rules.all())
    ):
        sheet = book.create_sheet(name[:31])
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return _download(
        out.getvalue(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"{slugify(page.caselog.name) or 'caselog'}.xlsx",
    )


def _map_svg(request: HttpRequest, caselog: CaseLog) -> tuple[str, str]:
    page = log_page(request, caselog)
    measure, detail = MapForm(request.GET).settings()
    svg = process_map_svg(page, process_map_for(page, measure, detail), measure)
    return svg, f"{slugify(page.caselog.name) or 'caselog'}-map"


@requires("caselog.view", load=CaseLog, kwarg="log_id")
def export_map_svg(request: HttpRequest, caselog: CaseLog) -> HttpResponse:
    svg, name = _map_svg(request, caselog)
    return _download(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + svg,
        "image/svg+xml; charset=utf-8",
        f"{name}.svg",
    )


@requires("caselog.view", load=CaseLog, kwarg="log_id")
def export_map_png(request: HttpRequest, caselog: CaseLog) -> HttpResponse:
    svg, name = _map_svg(request, caselog)
    return _download(map_png(svg), "image/png", f"{name}.png")


@requires("caselog.view", load=CaseLog, kwarg="log_id")
def export_map_pdf(request: HttpRequest, caselog: CaseLog) -> HttpResponse:
    svg, name = _map_svg(request, caselog)
    return _download(map_pdf(svg), "application/pdf", f"{name}.pdf")
