"""Downloads: the figures as CSV or XLSX, the process map as SVG."""

import csv
import io

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify
from openpyxl import Workbook

from tuuma.caselog.exports import tables
from tuuma.caselog.forms import MapForm
from tuuma.caselog.views.access import log_page
from tuuma.caselog.views.analysis import map_for, map_svg


def _download(content, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def export_csv(request: HttpRequest, log_id: int) -> HttpResponse:
    page = log_page(request, log_id)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    for name, header, rows in tables(
        page.view, list(page.caselog.deadline_rules.all())
    ):
        writer.writerow([name])
        writer.writerow(header)
        writer.writerows(rows)
        writer.writerow([])
    return _download(
        "\ufeff" + out.getvalue(),
        "text/csv; charset=utf-8",
        f"{slugify(page.caselog.name) or 'caselog'}.csv",
    )


@login_required
def export_xlsx(request: HttpRequest, log_id: int) -> HttpResponse:
    page = log_page(request, log_id)
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


@login_required
def export_map_svg(request: HttpRequest, log_id: int) -> HttpResponse:
    page = log_page(request, log_id)
    measure, detail = MapForm(request.GET).settings()
    svg = map_svg(page, map_for(page, measure, detail), measure)
    return _download(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + svg,
        "image/svg+xml; charset=utf-8",
        f"{slugify(page.caselog.name) or 'caselog'}-map.svg",
    )
