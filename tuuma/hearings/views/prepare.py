"""Staff prepare a hearing: settings, sections, questions, publishing, closing."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.audit.actions import audit_record
from tuuma.hearings import actions
from tuuma.hearings.actions import HearingError
from tuuma.hearings.exports import comments_xlsx
from tuuma.hearings.forms import HearingForm, QuestionForm, SectionForm
from tuuma.hearings.models import Hearing, Section
from tuuma.organisation.access import requires
from tuuma.organisation.permissions import require

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _form_page(request: HttpRequest, form, title: str, **extra) -> HttpResponse:
    context = {"form": form, "title": title, **extra}
    return render(request, "hearings/form_page.html", context)


@requires("hearings.prepare")
def hearing_create(request: HttpRequest) -> HttpResponse:
    form = HearingForm(request.POST or None)
    form.limit_areas(request.organisation)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        # An area-scoped preparer may create hearings only in their own areas.
        require(request, "hearings.prepare", area=data.get("service_area"))
        try:
            hearing = actions.hearing_create(
                organisation=request.organisation, by=request.user, **data
            )
        except HearingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Draft saved. Add the sections next."))
            return redirect("hearings:section-add", pk=hearing.pk)
    return _form_page(request, form, _("New hearing"))


@requires("hearings.prepare", load=Hearing)
def hearing_edit(request: HttpRequest, hearing: Hearing) -> HttpResponse:
    form = HearingForm(request.POST or None, instance=hearing)
    form.limit_areas(request.organisation)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            actions.hearing_update(
                hearing=Hearing.objects.get(pk=hearing.pk), by=request.user, **data
            )
        except HearingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Hearing saved."))
            return redirect(hearing)
    return _form_page(request, form, _("Edit hearing"), hearing=hearing)


@requires("hearings.prepare", load=Hearing)
def section_add(request: HttpRequest, hearing: Hearing) -> HttpResponse:
    form = SectionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.section_add(hearing=hearing, **form.cleaned_data)
        except HearingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Section added."))
            return redirect(hearing)
    return _form_page(
        request, form, _("Add a section"), hearing=hearing, multipart=True
    )


@requires("hearings.prepare", load=Section)
def section_edit(request: HttpRequest, section: Section) -> HttpResponse:
    form = SectionForm(request.POST or None, request.FILES or None, instance=section)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            actions.section_update(
                section=Section.objects.get(pk=section.pk), by=request.user, **data
            )
        except HearingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Section saved."))
            return redirect(section.hearing)
    note = _("Comments already written stay tied to the version they were written on.")
    return _form_page(
        request,
        form,
        _("Edit section"),
        hearing=section.hearing,
        multipart=True,
        note=note,
    )


@requires("hearings.prepare", load=Section)
def question_add(request: HttpRequest, section: Section) -> HttpResponse:
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.question_add(section=section, **form.cleaned_data)
        except HearingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Question added."))
            return redirect(section.hearing)
    return _form_page(request, form, _("Add a question"), hearing=section.hearing)


@requires("hearings.prepare", load=Hearing)
@require_POST
def hearing_publish(request: HttpRequest, hearing: Hearing) -> HttpResponse:
    try:
        actions.hearing_publish(hearing=hearing, by=request.user)
    except HearingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The hearing is published."))
    return redirect(hearing)


@requires("hearings.prepare", load=Hearing)
@require_POST
def hearing_close(request: HttpRequest, hearing: Hearing) -> HttpResponse:
    try:
        actions.hearing_close(hearing=hearing, by=request.user)
    except HearingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The hearing is closed."))
    return redirect(hearing)


@requires("hearings.export", load=Hearing)
def export_comments(request: HttpRequest, hearing: Hearing) -> HttpResponse:
    """Every comment, withdrawn and hidden ones marked, for the preparers."""
    audit_record(
        organisation=request.organisation,
        actor=request.user,
        action="hearings.export_comments",
        target=hearing,
    )
    response = HttpResponse(comments_xlsx(hearing), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="hearing-{hearing.pk}.xlsx"'
    )
    return response
