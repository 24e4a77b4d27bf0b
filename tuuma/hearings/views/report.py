"""The closing report: the staff's workspace, and the published page, PDF, XLSX."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tuuma.hearings import actions
from tuuma.hearings.actions import HearingError
from tuuma.hearings.charts import bar_chart
from tuuma.hearings.exports import report_pdf, report_xlsx
from tuuma.hearings.forms import ThemeResponseForm
from tuuma.hearings.models import Hearing
from tuuma.hearings.results import hearing_report, totals
from tuuma.hearings.similar import suggested_pairs
from tuuma.organisation.access import requires
from tuuma.organisation.permissions import can

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@requires("hearings.write_report", load=Hearing)
def workspace(request: HttpRequest, hearing: Hearing) -> HttpResponse:
    """Group comments into themes per section with small forms: every command
    works from the keyboard and without JavaScript."""
    if request.method == "POST":
        try:
            _command(hearing, request.POST)
        except HearingError as error:
            messages.error(request, str(error))
        anchor = request.POST.get("back", "")
        return redirect(request.path + (f"#{anchor}" if anchor.isidentifier() else ""))
    comments = list(
        hearing.comments.shown().filter(parent=None).select_related("theme")
    )
    parts = []
    for section in [*hearing.sections.all(), None]:
        here = [
            c for c in comments if c.section_id == (section.pk if section else None)
        ]
        themes = list(hearing.themes.filter(section=section))
        for theme in themes:
            theme.members = [c for c in here if c.theme_id == theme.pk]
            theme.form = ThemeResponseForm(
                initial={"response": theme.response, "reason": theme.reason},
                auto_id=f"id_t{theme.pk}_%s",
            )
        parts.append(
            {
                "section": section,
                "key": f"part-{section.pk}" if section else "part-whole",
                "themes": themes,
                "loose": [c for c in here if c.theme_id is None],
                "pairs": suggested_pairs([c for c in here if c.theme_id is None]),
            }
        )
    context = {"hearing": hearing, "parts": parts, "totals": totals(hearing)}
    return render(request, "hearings/workspace.html", context)


def _command(hearing: Hearing, data) -> None:
    action = data.get("action", "")
    themes = hearing.themes.all()
    comments = hearing.comments.all()

    def theme_of(name: str):
        value = data.get(name) or ""
        return get_object_or_404(themes, pk=value) if value.isdigit() else None

    if action == "create":
        section_id = data.get("section") or ""
        section = (
            get_object_or_404(hearing.sections, pk=section_id)
            if section_id.isdigit()
            else None
        )
        actions.theme_create(
            hearing=hearing, section=section, title=data.get("title", "")
        )
    elif action == "rename":
        actions.theme_rename(theme=theme_of("theme"), title=data.get("title", ""))
    elif action == "merge":
        actions.theme_merge(theme=theme_of("theme"), into=theme_of("into"))
    elif action == "move":
        comment = get_object_or_404(comments, pk=data.get("comment") or 0)
        actions.comment_assign(comment=comment, theme=theme_of("into"))
    elif action in ("quote", "unquote"):
        comment = get_object_or_404(comments, pk=data.get("comment") or 0)
        actions.comment_quote(comment=comment, quote=action == "quote")
    elif action == "respond":
        theme = theme_of("theme")
        form = ThemeResponseForm(data, auto_id=f"id_t{theme.pk}_%s")
        if not form.is_valid():
            raise HearingError(_("Choose the response and write the reason."))
        actions.theme_respond(theme=theme, **form.cleaned_data)
    else:
        raise HearingError(_("Unknown command."))


@requires("hearings.write_report", load=Hearing)
def publish(request: HttpRequest, hearing: Hearing) -> HttpResponse:
    if request.method == "POST":
        try:
            actions.report_publish(
                hearing=hearing,
                by=request.user,
                summary=request.POST.get("summary", ""),
            )
        except HearingError as error:
            messages.error(request, str(error))
            return redirect("hearings:workspace", pk=hearing.pk)
        messages.success(request, _("The report is published; commenters are told."))
        return redirect("hearings:report", pk=hearing.pk)
    return redirect("hearings:workspace", pk=hearing.pk)


def _report_context(request: HttpRequest, hearing: Hearing) -> dict:
    """The report's figures; the view's rule decides who sees it, and when."""
    may_write = can(
        request.user, "hearings.write_report", request.organisation, hearing
    )
    report = hearing_report(hearing)
    for part in report:
        for result in part.questions:
            result.chart = bar_chart(result.rows) if result.rows else ""
    return {
        "hearing": hearing,
        "report": report,
        "totals": totals(hearing),
        "may_write": may_write,
    }


@requires("hearings.write_report", load=Hearing)
def report_preview(request: HttpRequest, hearing: Hearing) -> HttpResponse:
    """The report as it will look, for its writers, before and after publishing."""
    return render(request, "hearings/report.html", _report_context(request, hearing))


@requires("hearings.read_report", load=Hearing)
def report_page(request: HttpRequest, hearing: Hearing) -> HttpResponse:
    return render(request, "hearings/report.html", _report_context(request, hearing))


@requires("hearings.read_report", load=Hearing)
def report_pdf_download(request: HttpRequest, hearing: Hearing) -> HttpResponse:
    context = _report_context(request, hearing)
    context["language"] = request.LANGUAGE_CODE
    response = HttpResponse(
        report_pdf(hearing, context), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="report-{hearing.pk}.pdf"'
    return response


@requires("hearings.read_report", load=Hearing)
def report_xlsx_download(request: HttpRequest, hearing: Hearing) -> HttpResponse:
    response = HttpResponse(report_xlsx(hearing), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="report-{hearing.pk}.xlsx"'
    return response
