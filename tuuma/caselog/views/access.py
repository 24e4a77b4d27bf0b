"""Who reaches which log: only case-log staff of the log's organisation.

Logs are personal data. Another organisation's log is a 404; a person without
the case-log permission gets a 403.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from tuuma.caselog.engine import CaseFilter, LogView
from tuuma.caselog.forms import FilterForm
from tuuma.caselog.logs import open_version, view_of
from tuuma.caselog.models import CaseLog, CaseLogVersion
from tuuma.organisation.permissions import can


def require(request: HttpRequest, permission: str = "caselog.view") -> None:
    if not can(request.user, permission, request.organisation):
        raise PermissionDenied


def _get_log_for_user(
    request: HttpRequest, log_id: int, permission: str = "caselog.view"
) -> CaseLog:
    caselog = get_object_or_404(
        CaseLog.objects.select_related("current_version", "service_area"),
        pk=log_id,
        organisation=request.organisation,
    )
    require(request, permission)
    return caselog


@dataclass
class LogPage:
    """What every analysis page of a log needs: the version, filter and view."""

    caselog: CaseLog
    version: CaseLogVersion
    form: FilterForm
    case_filter: CaseFilter
    view: LogView
    filter_query: str
    can_upload: bool

    def context(self, **extra) -> dict:
        return {
            "caselog": self.caselog,
            "version": self.version,
            "filter_form": self.form,
            "filter_query": self.filter_query,
            "view": self.view,
            "case_count": self.view.cases.height,
            "filtered": not self.case_filter.is_empty,
            "can_upload": self.can_upload,
            **extra,
        }


def log_page(request: HttpRequest, log_id: int) -> LogPage:
    caselog = _get_log_for_user(request, log_id)
    version = caselog.current_version
    if version is None:
        raise Http404
    log = open_version(version)
    form = FilterForm(
        request.GET or None,
        attributes=version.case_attributes,
        activities=log.activity_names,
    )
    case_filter = form.case_filter()
    try:
        view = view_of(version, case_filter)
    except ValueError:
        case_filter = CaseFilter()
        view = view_of(version, case_filter)
    query = urlencode(
        [
            (key, value)
            for key in FilterForm.KEYS
            for value in request.GET.getlist(key)
            if value
        ]
    )
    return LogPage(
        caselog,
        version,
        form,
        case_filter,
        view,
        query,
        can(request.user, "caselog.upload", request.organisation),
    )
