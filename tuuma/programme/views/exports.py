"""CSV and XLSX of the programme, and a printable report."""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tuuma.organisation.access import public
from tuuma.programme.exports import measure_rows, to_csv, to_xlsx
from tuuma.programme.forms import FilterForm
from tuuma.programme.models import Indicator, IndicatorValue, ProgressUpdate
from tuuma.programme.views.lists import _group, visible_measures

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filtered(request: HttpRequest):
    form = FilterForm(request.GET or None, organisation=request.organisation)
    values = IndicatorValue.objects.order_by("date")
    indicators = Indicator.objects.prefetch_related(Prefetch("values", queryset=values))
    measures = form.apply(visible_measures(request)).prefetch_related(
        Prefetch("indicators", queryset=indicators)
    )
    return form, measures


def _attachment(content, content_type: str, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    name = f"kehittamisohjelma-{timezone.localdate().isoformat()}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@public
def export_csv(request: HttpRequest) -> HttpResponse:
    _form, measures = _filtered(request)
    return _attachment(to_csv(measure_rows(measures)), "text/csv; charset=utf-8", "csv")


@public
def export_xlsx(request: HttpRequest) -> HttpResponse:
    _form, measures = _filtered(request)
    return _attachment(to_xlsx(measure_rows(measures)), XLSX, "xlsx")


@public
def report(request: HttpRequest) -> HttpResponse:
    """Progress and results per service area, or the whole programme for the
    steering group (YT-toimikunta); printable."""
    form, measures = _filtered(request)
    latest = ProgressUpdate.objects.order_by("-date", "-pk")
    measures = list(
        measures.prefetch_related(Prefetch("progress_updates", queryset=latest))
    )
    area = form.cleaned_data.get("area") if form.is_valid() else None
    return render(
        request,
        "programme/report.html",
        {
            "form": form,
            "area": area,
            "groups": _group(measures, "goal"),
            "count": len(measures),
            "done": sum(1 for m in measures if m.status == "done"),
            "today": timezone.localdate(),
        },
    )
