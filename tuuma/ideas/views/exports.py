"""The ideas to handle as CSV or XLSX (``tuuma.lib.exports``: one dialect).

The same ideas as the triage list (the person's areas, ``?mine=1`` kept), with
no author or other personal data; each download goes to the audit log.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from tuuma.audit.actions import audit_record
from tuuma.ideas.models import OPEN_STATUSES, Idea
from tuuma.ideas.views.common import in_areas
from tuuma.lib import exports
from tuuma.organisation.access import requires

MAX_ROWS = 50_000


def _table(request: HttpRequest) -> tuple[list[str], list[list]]:
    ideas = in_areas(
        request,
        Idea.objects.filter(
            organisation=request.organisation, status__in=OPEN_STATUSES
        ),
        "ideas.triage",
    ).select_related("service_area", "responsible")
    if request.GET.get("mine"):
        ideas = ideas.filter(responsible=request.user)
    header = [
        _("Number"),
        _("Idea"),
        _("Status"),
        _("Service area"),
        _("Responsible person"),
        _("Published"),
        _("Supports"),
        _("Impact"),
        _("Effort"),
        _("Address"),
    ]
    rows = [
        [
            idea.pk,
            idea.title,
            idea.get_status_display(),
            idea.service_area.localized_name if idea.service_area else "",
            idea.responsible.get_full_name() if idea.responsible else "",
            idea.published_at,
            idea.support_count,
            idea.impact_score,
            idea.effort_score,
            request.organisation.absolute_url(idea.get_absolute_url()),
        ]
        for idea in ideas.order_by("published_at", "id")[:MAX_ROWS]
    ]
    return header, rows


def _download(request: HttpRequest, kind: str) -> HttpResponse:
    header, rows = _table(request)
    audit_record(
        organisation=request.organisation,
        actor=request.user,
        action="ideas.exported",
        details={"format": kind, "rows": len(rows)},
    )
    name = _("ideas to handle")
    if kind == "csv":
        return exports.csv_download(name, header, rows)
    return exports.xlsx_download(name, header, rows)


@login_required
@requires("ideas.triage")
def triage_csv(request: HttpRequest) -> HttpResponse:
    return _download(request, "csv")


@login_required
@requires("ideas.triage")
def triage_xlsx(request: HttpRequest) -> HttpResponse:
    return _download(request, "xlsx")
