"""The working-life survey: answering it, and its results."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tuuma.organisation.access import requires
from tuuma.organisation.permissions import can
from tuuma.productivity import actions
from tuuma.productivity.forms import SurveyAnswerForm
from tuuma.productivity.models import Survey, SurveyParticipation
from tuuma.productivity.survey_results import survey_results


@requires("productivity.survey_results")
def survey_list(request: HttpRequest) -> HttpResponse:
    surveys = Survey.objects.filter(organisation=request.organisation)
    answered = set(
        SurveyParticipation.objects.filter(
            person=request.user, survey__in=surveys
        ).values_list("survey", flat=True)
    )
    return render(
        request,
        "productivity/surveys.html",
        {
            "surveys": surveys,
            "answered": answered,
            "may_manage_surveys": can(
                request.user, "productivity.manage_surveys", request.organisation
            ),
        },
    )


@requires("productivity.answer_survey", load=Survey)
def survey_answer(request: HttpRequest, survey: Survey) -> HttpResponse:
    if SurveyParticipation.objects.filter(survey=survey, person=request.user).exists():
        messages.info(request, _("You have already answered this survey. Thank you!"))
        return redirect("productivity:survey-results", pk=survey.pk)
    form = SurveyAnswerForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        try:
            actions.survey_answer(
                survey=survey,
                person=request.user,
                unit=form.cleaned_data["unit"],
                values=form.values(),
                recommendation=form.cleaned_data["recommendation"],
                remark=form.cleaned_data["remark"],
                remark_may_become_idea=form.cleaned_data["remark_may_become_idea"],
            )
        except actions.SurveyAnswerError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Thank you! Your answer was saved without your name.")
            )
            return redirect("productivity:survey-results", pk=survey.pk)
    return render(
        request,
        "productivity/survey_answer.html",
        {"survey": survey, "form": form},
        status=400 if form.errors else 200,
    )


@requires("productivity.survey_results", load=Survey)
def survey_result(request: HttpRequest, survey: Survey) -> HttpResponse:
    overall, units = survey_results(survey)
    statements = list(survey.statements.all())
    return render(
        request,
        "productivity/survey_results.html",
        {
            "survey": survey,
            "overall": overall,
            "units": units,
            "statements": statements,
        },
    )
