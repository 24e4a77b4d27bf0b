"""Preparing working-life surveys, and reading their remarks (the lead's pages)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tuuma.organisation.access import requires
from tuuma.productivity import actions
from tuuma.productivity.editing_forms import (
    RemarkIdeaForm,
    SurveyForm,
    statement_formset,
)
from tuuma.productivity.models import Survey, SurveyRemark


def _survey_page(request, *, form, statements, survey=None, status=200):
    return render(
        request,
        "productivity/survey_edit.html",
        {"form": form, "statements": statements, "survey": survey},
        status=status,
    )


@requires("productivity.manage_surveys")
def survey_create(request: HttpRequest) -> HttpResponse:
    form = SurveyForm(request.POST or None)
    statements = statement_formset(request.POST or None)
    if request.method == "POST":
        if form.is_valid() and statements.is_valid():
            survey = actions.survey_create(
                organisation=request.organisation,
                by=request.user,
                statements=statements.texts(),
                **form.cleaned_data,
            )
            messages.success(request, _("The survey was saved."))
            return redirect("productivity:survey-edit", pk=survey.pk)
        return _survey_page(request, form=form, statements=statements, status=400)
    return _survey_page(request, form=form, statements=statements)


@requires("productivity.manage_surveys", load=Survey)
def survey_edit(request: HttpRequest, survey: Survey) -> HttpResponse:
    """Title and dates always; the statements only until the first answer."""
    initial = {
        "title": survey.title,
        "opens_on": survey.opens_on,
        "closes_on": survey.closes_on,
    }
    form = SurveyForm(request.POST or None, initial=initial)
    answered = survey.responses.exists()
    statements = (
        None if answered else statement_formset(request.POST or None, survey=survey)
    )
    if request.method == "POST":
        if form.is_valid() and (statements is None or statements.is_valid()):
            try:
                actions.survey_update(
                    survey=survey,
                    by=request.user,
                    statements=statements.texts() if statements else None,
                    **form.cleaned_data,
                )
            except actions.SurveyAnswerError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The survey was saved."))
                return redirect("productivity:survey-edit", pk=survey.pk)
        return _survey_page(
            request, form=form, statements=statements, survey=survey, status=400
        )
    return _survey_page(request, form=form, statements=statements, survey=survey)


@requires("productivity.manage_surveys", load=Survey)
def survey_remarks(request: HttpRequest, survey: Survey) -> HttpResponse:
    """The remarks, once the survey has closed with five answers or more."""
    readable = actions.remarks_readable(survey)
    remarks = survey.remarks.select_related("idea") if readable else []
    # One form per remark, its ids made unique on the page by the remark's key.
    rows = [
        (
            remark,
            RemarkIdeaForm(
                organisation=request.organisation, auto_id=f"id_{remark.pk}_%s"
            ),
        )
        for remark in remarks
    ]
    return render(
        request,
        "productivity/survey_remarks.html",
        {"survey": survey, "readable": readable, "rows": rows},
    )


@requires({"POST": "productivity.manage_surveys"}, load=SurveyRemark)
def remark_to_idea(request: HttpRequest, remark: SurveyRemark) -> HttpResponse:
    form = RemarkIdeaForm(request.POST, organisation=request.organisation)
    if not form.is_valid():
        messages.error(request, _("The idea was not made: give it a title."))
        return redirect("productivity:survey-remarks", pk=remark.survey_id)
    try:
        idea = actions.survey_remark_to_idea(
            remark=remark, by=request.user, **form.cleaned_data
        )
    except actions.SurveyAnswerError as error:
        messages.error(request, str(error))
        return redirect("productivity:survey-remarks", pk=remark.survey_id)
    messages.success(request, _("The remark is now an idea in your name."))
    return redirect(idea.get_absolute_url())
