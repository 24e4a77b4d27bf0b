"""Who reaches which measure: every query starts from the request's organisation."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from tuuma.ideas.models import Idea
from tuuma.organisation.permissions import can
from tuuma.programme.actions import linkable_ideas
from tuuma.programme.models import Indicator, Measure, Milestone


def _get_measure_for_user(request: HttpRequest, measure_id: int) -> Measure:
    """A measure the person may see; another organisation's or a hidden one is 404."""
    measures = Measure.objects.visible_to(request.user, request.organisation)
    return get_object_or_404(
        measures.select_related("goal__focus_area", "service_area", "owner"),
        pk=measure_id,
    )


def _get_measure_to_change(request: HttpRequest, measure_id: int) -> Measure:
    measure = _get_measure_for_user(request, measure_id)
    if not measure.can_be_changed_by(request.user):
        raise PermissionDenied
    return measure


def _get_measure_to_comment(request: HttpRequest, measure_id: int) -> Measure:
    measure = _get_measure_for_user(request, measure_id)
    if not can(request.user, "programme.comment", request.organisation):
        raise PermissionDenied
    return measure


def _get_indicator_to_change(request: HttpRequest, indicator_id: int) -> Indicator:
    indicator = get_object_or_404(
        Indicator, pk=indicator_id, organisation=request.organisation
    )
    _get_measure_to_change(request, indicator.measure_id)
    return indicator


def _get_milestone_to_change(request: HttpRequest, milestone_id: int) -> Milestone:
    milestone = get_object_or_404(
        Milestone, pk=milestone_id, measure__organisation=request.organisation
    )
    _get_measure_to_change(request, milestone.measure_id)
    return milestone


def _get_idea_to_link(request: HttpRequest, idea_id: str | int | None) -> Idea | None:
    """An accepted idea the person sees (404 otherwise); None without an id."""
    if idea_id in (None, ""):
        return None
    if not str(idea_id).isdigit():
        raise Http404
    ideas = Idea.objects.visible_to(request.user, request.organisation).filter(
        pk__in=linkable_ideas(request.organisation)
    )
    return get_object_or_404(ideas, pk=int(idea_id))


def _changeable_measures(request: HttpRequest) -> list[int]:
    """Ids of the measures the person may change (for linking an idea)."""
    measures = (
        Measure.objects.filter(organisation=request.organisation)
        .exclude(status="cancelled")
        .select_related("organisation", "service_area")
    )
    return [m.pk for m in measures if m.can_be_changed_by(request.user)]
