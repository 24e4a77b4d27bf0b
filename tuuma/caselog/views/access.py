"""What every analysis page of a log needs, once its view has loaded the log.

Logs are personal data: the views declare ``caselog.view`` (or ``caselog.upload``)
with ``@requires(..., load=CaseLog, kwarg="log_id")``, so another organisation's
log is a 404 and a person without the case-log permission gets a 403 before any
of this runs (tuuma/caselog/rules.py).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404, HttpRequest

from tuuma.caselog.engine import CaseFilter, LogView
from tuuma.caselog.forms import FilterForm
from tuuma.caselog.logs import open_version, view_of
from tuuma.caselog.models import CaseLog, CaseLogVersion
from tuuma.organisation.permissions import can


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


def log_page(request: HttpRequest, caselog: CaseLog) -> LogPage:
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
        can(request.user, "caselog.upload", request.organisation, caselog),
    )
