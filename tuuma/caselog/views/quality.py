"""Metadata quality: how complete each attribute is, cases missing required ones."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tuuma.caselog import actions
from tuuma.caselog.engine import completeness
from tuuma.caselog.forms import RequiredAttributesForm
from tuuma.caselog.models import CaseLog
from tuuma.caselog.views.access import log_page
from tuuma.organisation.access import requires


@requires(
    {"GET": "caselog.view", "POST": "caselog.upload"}, load=CaseLog, kwarg="log_id"
)
def quality(request: HttpRequest, caselog: CaseLog) -> HttpResponse:
    page = log_page(request, caselog)
    attributes = page.version.case_attributes + page.version.event_attributes
    form = RequiredAttributesForm(
        request.POST or None,
        initial={"attributes": page.caselog.required_attributes},
        attributes=sorted(set(attributes)),
    )
    if request.method == "POST" and form.is_valid():
        actions.caselog_set_required(
            caselog=page.caselog, attributes=form.cleaned_data["attributes"]
        )
        return redirect(request.get_full_path())
    result = completeness(
        page.view,
        required=[a for a in page.caselog.required_attributes if a in attributes],
        list_missing=50,
    )
    return render(
        request,
        "caselog/quality.html",
        page.context(
            tab="quality",
            result=result,
            form=form,
            case_shares=sorted(result["case_attributes"].items()),
            event_shares=sorted(result["event_attributes"].items()),
            can_change=page.can_upload,
        ),
    )
