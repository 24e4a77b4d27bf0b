"""Who reaches which measure: every query starts from the request's organisation."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from tuuma.organisation.permissions import can
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
