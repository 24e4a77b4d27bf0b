"""Deadline rules of a log: ready-made statutory ones, compliance, late cases."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.caselog import actions, charts
from tuuma.caselog.deadlines import TEMPLATES, TEMPLATES_BY_KEY, monthly_compliance
from tuuma.caselog.engine import compliance, rule_from_dict
from tuuma.caselog.formatting import number, share
from tuuma.caselog.forms import DeadlineRuleForm
from tuuma.caselog.models import CaseLog
from tuuma.caselog.views.access import log_page
from tuuma.organisation.access import requires


def _date_attributes(version) -> list[str]:
    types = version.summary.get("case_attributes", {})
    return sorted(name for name, kind in types.items() if kind in ("date", "string"))


@requires(
    {"GET": "caselog.view", "POST": "caselog.upload"}, load=CaseLog, kwarg="log_id"
)
def deadline_list(request: HttpRequest, caselog: CaseLog) -> HttpResponse:
    page = log_page(request, caselog)
    rules = []
    for rule in page.caselog.deadline_rules.all():
        try:
            result = compliance(
                page.view, rule_from_dict(rule.as_engine_rule()), list_late=0
            )
        except ValueError:
            result = None
        rules.append((rule, result))
    initial = {"kind": "activity"}
    template = TEMPLATES_BY_KEY.get(request.GET.get("template", ""))
    if template:
        initial = {"name": template.name, "kind": template.kind, "days": template.days}
    form = DeadlineRuleForm(
        request.POST or None,
        initial=initial,
        activities=page.view.log.activity_names,
        date_attributes=_date_attributes(page.version),
    )
    if request.method == "POST" and form.is_valid():
        rule = actions.deadline_rule_create(caselog=page.caselog, **form.cleaned_data)
        return redirect(rule.get_absolute_url())
    return render(
        request,
        "caselog/deadlines.html",
        page.context(
            tab="deadlines",
            rules=rules,
            form=form,
            templates=TEMPLATES,
            can_change=page.can_upload,
        ),
        status=422 if form.errors else 200,
    )


@requires("caselog.view", load=CaseLog, kwarg="log_id")
def deadline_detail(
    request: HttpRequest, caselog: CaseLog, rule_id: int
) -> HttpResponse:
    page = log_page(request, caselog)
    rule = get_object_or_404(page.caselog.deadline_rules, pk=rule_id)
    error = None
    result, monthly, chart = None, [], None
    try:
        result = compliance(
            page.view, rule_from_dict(rule.as_engine_rule()), list_late=100
        )
        monthly = monthly_compliance(page.view, rule)
    except ValueError:
        error = _("This log has no attribute or activity the rule needs.")
    if monthly:
        chart = charts.line_chart(
            "compliance",
            [
                (
                    m["month"],
                    None if m["share_met"] is None else m["share_met"] * 100,
                    _("%(month)s: %(share)s met, %(late)s late")
                    % {
                        "month": m["month"],
                        "share": share(m["share_met"]),
                        "late": number(m["late"]),
                    },
                )
                for m in monthly
            ],
            title=_("Share of cases meeting the deadline by month"),
            desc=_(
                "Per month the cases started, the percentage that met the deadline."
            ),
            unit="%",
        )
    return render(
        request,
        "caselog/deadline.html",
        page.context(
            tab="deadlines",
            rule=rule,
            result=result,
            monthly=monthly,
            chart=chart,
            error=error,
            can_change=page.can_upload,
        ),
    )


@requires("caselog.upload", load=CaseLog, kwarg="log_id")
@require_POST
def deadline_delete(
    request: HttpRequest, caselog: CaseLog, rule_id: int
) -> HttpResponse:
    rule = get_object_or_404(caselog.deadline_rules, pk=rule_id)
    actions.deadline_rule_delete(rule=rule)
    return redirect("caselog:deadlines", caselog.pk)
