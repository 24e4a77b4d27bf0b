"""The priority list: a 2×2 matrix and a ranked table, scoring, frozen rankings."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.ideas.models import Idea
from tuuma.improvement import priority
from tuuma.improvement import priority_actions as actions
from tuuma.improvement.errors import ImprovementError
from tuuma.improvement.models import RankingDecision
from tuuma.improvement.priority_charts import matrix, quadrant_names
from tuuma.improvement.priority_forms import FreezeForm, ScoreForm
from tuuma.improvement.views.common import areas_for
from tuuma.organisation.access import requires
from tuuma.organisation.models import ServiceArea
from tuuma.programme.models import Measure


def _weights(request: HttpRequest) -> dict[str, float]:
    """Weights from the query string (0–10), else the defaults."""
    weights = dict(priority.DEFAULT_WEIGHTS)
    for key in weights:
        try:
            value = float(request.GET.get(f"w_{key}", weights[key]))
        except ValueError:
            continue
        if 0 <= value <= 10:
            weights[key] = value
    if not sum(weights.values()):
        weights = dict(priority.DEFAULT_WEIGHTS)
    return weights


def _area(request: HttpRequest) -> ServiceArea | None:
    value = request.GET.get("area", "")
    return ServiceArea.objects.filter(
        organisation=request.organisation, pk=int(value) if value.isdigit() else 0
    ).first()


@requires("improvement.view")
def priority_list(request: HttpRequest) -> HttpResponse:
    area = _area(request)
    weights = _weights(request)
    area_ids = [area.pk] if area else None
    items = actions.ranking(request.organisation, area_ids=area_ids, weights=weights)
    context = {
        "items": items,
        "chart": matrix(items),
        "quadrant_names": quadrant_names(),
        "area": area,
        "areas": ServiceArea.objects.filter(organisation=request.organisation),
        "weights": weights,
        "unscored": actions.unscored(request.organisation, area_ids),
        "decisions": RankingDecision.objects.filter(organisation=request.organisation)[
            :10
        ],
        "freeze_form": FreezeForm(
            initial={"service_area": area},
            areas=areas_for(request, "improvement.freeze_ranking"),
        ),
    }
    return render(request, "improvement/priority_list.html", context)


def _score_page(request: HttpRequest, target) -> HttpResponse:
    form = ScoreForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            actions.item_score(target=target, by=request.user, **form.cleaned_data)
        except ImprovementError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The score was saved."))
            return redirect("improvement:priorities")
    history = target.priority_scores.select_related("scored_by")
    return render(
        request,
        "improvement/score_form.html",
        {
            "form": form,
            "target": target,
            "history": history,
            "grounds": actions.grounds_for(target),
        },
    )


@requires({"GET": "improvement.view", "POST": "improvement.score"}, load=Idea)
def score_idea(request: HttpRequest, idea: Idea) -> HttpResponse:
    return _score_page(request, idea)


@requires({"GET": "improvement.view", "POST": "improvement.score"}, load=Measure)
def score_measure(request: HttpRequest, measure: Measure) -> HttpResponse:
    return _score_page(request, measure)


@require_POST
@requires("improvement.freeze_ranking")
def ranking_freeze(request: HttpRequest) -> HttpResponse:
    form = FreezeForm(
        request.POST, areas=areas_for(request, "improvement.freeze_ranking")
    )
    if form.is_valid():
        try:
            decision = actions.ranking_freeze(
                organisation=request.organisation,
                by=request.user,
                weights=_weights(request),
                **form.cleaned_data,
            )
        except ImprovementError as error:
            messages.error(request, str(error))
        else:
            return redirect(decision)
    else:
        messages.error(request, _("Give the decision a title and a date."))
    return redirect("improvement:priorities")


@requires("improvement.view", load=RankingDecision)
def decision_detail(request: HttpRequest, decision: RankingDecision) -> HttpResponse:
    return render(
        request,
        "improvement/decision.html",
        {"decision": decision, "quadrant_names": quadrant_names()},
    )
