"""The figures and survey results as XLSX: what the page shows, to the same
people (residents get the published products only). Staff downloads go to the
audit log."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from tuuma.audit.actions import audit_record
from tuuma.lib import exports
from tuuma.organisation.access import public, requires
from tuuma.organisation.models import ServiceArea
from tuuma.organisation.permissions import can
from tuuma.productivity import export_tables
from tuuma.productivity.models import Product, Survey
from tuuma.productivity.results import area_figures, organisation_figures
from tuuma.productivity.survey_results import survey_results


def _download(request: HttpRequest, name: str, tables: list, target=None):
    if request.user.is_authenticated:
        audit_record(
            organisation=request.organisation,
            actor=request.user,
            action="productivity.exported",
            target=target,
            details={"export": name, "rows": sum(len(t[2]) for t in tables)},
        )
    return exports.download(exports.xlsx_bytes(tables), name=name, kind="xlsx")


@public
def figures_xlsx(request: HttpRequest) -> HttpResponse:
    """Every visible product's figures by year; staff also get the indices and
    the working-life figures of each area."""
    organisation = request.organisation
    staff = can(request.user, "productivity.view_all", organisation)
    visible = set(
        Product.objects.visible_to(request.user, organisation).values_list(
            "pk", flat=True
        )
    )
    everything = organisation_figures(organisation)
    areas = list(ServiceArea.objects.filter(organisation=organisation))
    sections = [(area, area_figures(organisation, area, everything)) for area in areas]
    tables = [export_tables.product_table(sections, visible=visible, staff=staff)]
    if staff:
        tables += [
            export_tables.area_table(sections),
            export_tables.unit_hours_table(areas),
            export_tables.working_life_table(areas),
        ]
    return _download(request, _("service products"), tables)


@requires("productivity.view_all")
def area_xlsx(request: HttpRequest, area_id: int) -> HttpResponse:
    area = get_object_or_404(ServiceArea, pk=area_id, organisation=request.organisation)
    found = area_figures(request.organisation, area)
    sections = [(area, found)]
    tables = [
        export_tables.product_table(
            sections, visible={p.pk for p in found.products}, staff=True
        ),
        export_tables.area_table(sections),
        export_tables.unit_hours_table([area]),
        export_tables.working_life_table([area]),
    ]
    return _download(request, area.localized_name, tables, target=area)


@requires("productivity.survey_results", load=Survey)
def survey_xlsx(request: HttpRequest, survey: Survey) -> HttpResponse:
    overall, units = survey_results(survey)
    statements = list(survey.statements.all())
    table = export_tables.survey_table([overall, *units], statements)
    return _download(request, survey.title, [table], target=survey)
