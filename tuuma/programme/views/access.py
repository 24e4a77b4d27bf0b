"""Lookups the measure views share. Who may open a view is declared on the view
(``@requires`` with the rules of ``tuuma/programme/rules.py``); these only find
the objects, always from the request's organisation."""

from django.db.models import Model
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from tuuma.ideas.models import Idea
from tuuma.organisation.access import load_object
from tuuma.organisation.permissions import can, require
from tuuma.programme.actions import linkable_ideas
from tuuma.programme.models import Measure

CHANGE = "programme.change_measure"


def part_to_change(request: HttpRequest, model: type[Model], pk: int):
    """A milestone or indicator whose measure the person may change.

    The part is as visible as its measure (404 otherwise), and changing it is
    changing the measure: the measure's rule decides (403 otherwise)."""
    part = load_object(request, model, pk)
    require(request, CHANGE, part.measure)
    return part


def idea_to_link(request: HttpRequest, idea_id: str | int | None) -> Idea | None:
    """An accepted idea the person sees (404 otherwise); None without an id."""
    if idea_id in (None, ""):
        return None
    if not str(idea_id).isdigit():
        raise Http404
    ideas = Idea.objects.visible_to(request.user, request.organisation).filter(
        pk__in=linkable_ideas(request.organisation)
    )
    return get_object_or_404(ideas, pk=int(idea_id))


def changeable_measures(request: HttpRequest) -> list[int]:
    """Ids of the measures the person may change (for linking an idea)."""
    measures = (
        Measure.objects.filter(organisation=request.organisation)
        .exclude(status="cancelled")
        .only("pk", "organisation_id", "service_area_id", "owner_id")
    )
    return [
        m.pk for m in measures if can(request.user, CHANGE, request.organisation, m)
    ]
