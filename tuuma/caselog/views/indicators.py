"""Programme indicators whose values are figures of this log."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tuuma.caselog import actions
from tuuma.caselog.forms import LogIndicatorForm
from tuuma.caselog.models import CaseLog, LogIndicator
from tuuma.caselog.views.access import log_page
from tuuma.organisation.access import requires
from tuuma.organisation.permissions import can
from tuuma.programme.models import Indicator


@requires(
    {"GET": "caselog.view", "POST": "caselog.upload"}, load=CaseLog, kwarg="log_id"
)
def indicators(request: HttpRequest, caselog: CaseLog) -> HttpResponse:
    page = log_page(request, caselog)
    candidates = [  # defining an indicator's source changes its measure
        indicator
        for indicator in Indicator.objects.filter(organisation=request.organisation)
        .select_related(
            "measure__organisation", "measure__service_area", "measure__owner"
        )
        .order_by("measure__title", "name")
        if can(
            request.user,
            "programme.change_measure",
            request.organisation,
            indicator.measure,
        )
    ]
    rules = list(page.caselog.deadline_rules.all())
    form = LogIndicatorForm(request.POST or None, indicators=candidates, rules=rules)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        actions.log_indicator_create(
            indicator=form.indicators[data["indicator"]],
            caselog=page.caselog,
            figure=data["figure"],
            rule=form.rules.get(data["rule"]),
            case_filter=page.case_filter,
        )
        return redirect(request.get_full_path())
    defined = [
        (li, actions.log_indicator_value(log_indicator=li))
        for li in LogIndicator.objects.filter(caselog=page.caselog).select_related(
            "indicator__measure", "rule"
        )
    ]
    return render(
        request,
        "caselog/indicators.html",
        page.context(
            tab="indicators",
            form=form,
            defined=defined,
            can_change=page.can_upload,
        ),
        status=422 if form.errors else 200,
    )
