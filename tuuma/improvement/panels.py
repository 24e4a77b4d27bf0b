"""The improvement methods' block on an idea's and a measure's page
(``{% app_panels %}``): the Kano category of each survey feature testing it, the
A3 causes it answers (and A3s on it as a problem), and its latest priority score.
Staff only, like the tools themselves."""

from __future__ import annotations

from tuuma.improvement import priority
from tuuma.improvement.models import A3, Cause, KanoFeature, PriorityScore
from tuuma.improvement.priority_charts import quadrant_names
from tuuma.improvement.survey_actions import feature_category
from tuuma.lib.panels import Panel
from tuuma.organisation.permissions import can

TEMPLATE = "improvement/_target_panel.html"


def _kano(field: str, target) -> list[dict]:
    features = KanoFeature.objects.filter(**{field: target}).select_related("survey")
    return [
        {"feature": feature, "category": feature_category(feature)}
        for feature in features
    ]


def _score(field: str, target) -> dict | None:
    score = (
        PriorityScore.objects.filter(**{field: target})
        .order_by("-scored_at", "-pk")
        .first()
    )
    if score is None:
        return None
    quadrant = priority.quadrant(score.impact, score.effort)
    return {"score": score, "quadrant": quadrant_names()[quadrant]}


def _panel(request, field: str, target) -> list[Panel]:
    if not can(request.user, "improvement.view", request.organisation):
        return []
    organisation = request.organisation
    found = {
        "kano": _kano(field, target),
        "causes": Cause.objects.filter(
            organisation=organisation, **{field: target}
        ).select_related("a3"),
        "a3s": (
            A3.objects.filter(organisation=organisation, problem=target)
            if field == "idea"
            else A3.objects.none()
        ),
        "priority": _score(field, target),
    }
    if not any(found.values()):
        return []
    return [Panel(TEMPLATE, {"found": found, "field": field})]


def version_panels(request, version) -> list[Panel]:
    """A3s working on a step of this process map, on the map's page."""
    if not can(request.user, "improvement.view", request.organisation):
        return []
    a3s = A3.objects.filter(
        organisation=request.organisation, process_step__version=version
    ).select_related("process_step")
    if not a3s:
        return []
    return [Panel("improvement/_version_panel.html", {"a3s": a3s})]


def idea_panels(request, idea) -> list[Panel]:
    return _panel(request, "idea", idea)


def measure_panels(request, measure) -> list[Panel]:
    return _panel(request, "measure", measure)
