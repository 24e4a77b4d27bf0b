"""Kano survey pages: staff set a survey up and read results; anyone answers."""

import secrets

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.ideas.models import Idea
from tuuma.improvement import survey_actions as actions
from tuuma.improvement.errors import ImprovementError
from tuuma.improvement.models import KanoSurvey, Segment
from tuuma.improvement.survey_charts import results_context
from tuuma.improvement.survey_forms import AnswerForm, FeatureForm, SurveyForm
from tuuma.improvement.views.common import areas_for, signed_in_user
from tuuma.organisation.access import requires
from tuuma.organisation.models import ServiceArea
from tuuma.programme.models import Measure

TOKEN_COOKIE = "tuuma_kano"  # noqa: S105  (a cookie name, not a secret)


@requires("improvement.view")
def survey_list(request: HttpRequest) -> HttpResponse:
    surveys = KanoSurvey.objects.filter(organisation=request.organisation)
    return render(request, "improvement/survey_list.html", {"surveys": surveys})


@requires("improvement.manage_survey")
def survey_create(request: HttpRequest) -> HttpResponse:
    areas = areas_for(request, "improvement.manage_survey")
    form = SurveyForm(request.POST or None, areas=areas)
    if request.method == "POST" and form.is_valid():
        survey = actions.survey_create(
            organisation=request.organisation, by=request.user, **form.cleaned_data
        )
        return redirect(survey)
    return render(
        request,
        "improvement/form_page.html",
        {"form": form, "heading": _("New Kano survey")},
    )


def _feature_form(request: HttpRequest, data=None) -> FeatureForm:
    return FeatureForm(
        data,
        ideas=Idea.objects.visible_to(request.user, request.organisation),
        measures=Measure.objects.filter(organisation=request.organisation),
    )


@requires("improvement.view", load=KanoSurvey)
def survey_detail(request: HttpRequest, survey: KanoSurvey) -> HttpResponse:
    context = {
        "survey": survey,
        "features": survey.features.select_related("idea", "measure"),
        "responses": survey.responses.count(),
        "feature_form": _feature_form(request),
    }
    return render(request, "improvement/survey_detail.html", context)


@require_POST
@requires("improvement.manage_survey", load=KanoSurvey)
def feature_add(request: HttpRequest, survey: KanoSurvey) -> HttpResponse:
    form = _feature_form(request, request.POST)
    if form.is_valid():
        try:
            actions.feature_add(survey=survey, **form.cleaned_data)
        except ImprovementError as error:
            messages.error(request, str(error))
        return redirect(survey)
    return render(
        request,
        "improvement/form_page.html",
        {"form": form, "heading": _("Add a feature")},
    )


@require_POST
@requires("improvement.manage_survey", load=KanoSurvey)
def survey_status(request: HttpRequest, survey: KanoSurvey) -> HttpResponse:
    action = (
        actions.survey_open
        if request.POST.get("to") == "open"
        else actions.survey_close
    )
    try:
        action(survey=survey)
    except ImprovementError as error:
        messages.error(request, str(error))
    return redirect(survey)


def _segment_filter(request: HttpRequest) -> tuple[str, int | None, str]:
    """The segment and area asked for in the query string (unknown ones ignored)."""
    segment = request.GET.get("segment", "")
    segment = segment if segment in Segment.values else ""
    area_id = request.GET.get("area", "")
    area = ServiceArea.objects.filter(
        organisation=request.organisation, pk=int(area_id) if area_id.isdigit() else 0
    ).first()
    label = Segment(segment).label if segment else _("All respondents")
    if area:
        label = f"{label}, {area.name}"
    return segment, area.pk if area else None, label


@requires("improvement.view", load=KanoSurvey)
def survey_results(request: HttpRequest, survey: KanoSurvey) -> HttpResponse:
    segment, area_id, label = _segment_filter(request)
    results = actions.survey_results(survey, segment=segment, area_id=area_id)
    context = {
        "survey": survey,
        "segment": segment,
        "area_id": area_id,
        "segment_label": label,
        "segments": Segment.choices,
        "areas": ServiceArea.objects.filter(organisation=request.organisation),
        **results_context(results),
    }
    return render(request, "improvement/survey_results.html", context)


@requires("improvement.view", load=KanoSurvey)
def survey_export(request: HttpRequest, survey: KanoSurvey) -> HttpResponse:
    from tuuma.improvement.exports import survey_xlsx

    response = HttpResponse(
        survey_xlsx(survey),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="kano-{survey.pk}.xlsx"'
    return response


@requires(None, load=KanoSurvey)
def survey_answer(request: HttpRequest, survey: KanoSurvey) -> HttpResponse:
    """The respondents' page (phones first); anyone may open it, the action
    decides whether they may answer (open, audience, anonymity, once)."""
    user = signed_in_user(request)
    token = request.COOKIES.get(TOKEN_COOKIE, "")
    refusal = actions.refusal(survey, user)
    answered = actions.has_answered(survey, user, token)
    form = AnswerForm(
        request.POST if request.method == "POST" else None,
        survey=survey,
        features=survey.features.all(),
    )
    if request.method == "POST" and not refusal and not answered and form.is_valid():
        try:
            actions.survey_answer(
                survey=survey,
                user=user,
                browser_token=token,
                answers=form.answers(),
                service_area=form.cleaned_data["service_area"],
            )
            messages.success(request, _("Thank you! Your answers were saved."))
            return redirect("improvement:answer", pk=survey.pk)
        except ImprovementError as error:
            refusal = str(error)
    response = render(
        request,
        "improvement/survey_answer.html",
        {"survey": survey, "form": form, "refusal": refusal, "answered": answered},
        status=403 if refusal and request.method == "POST" else 200,
    )
    if not token and user is None:
        response.set_cookie(
            TOKEN_COOKIE,
            secrets.token_urlsafe(24),
            max_age=365 * 24 * 3600,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response
