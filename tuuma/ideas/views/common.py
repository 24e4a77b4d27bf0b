"""Access helpers shared by the idea views: every lookup starts from the host's
organisation, so another organisation's idea is a 404."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from tuuma.ideas.models import Idea, IdeaQuerySet
from tuuma.organisation.permissions import areas_where, can
from tuuma.web import ratelimit

# (limit, period in seconds) per person, or per address when not signed in.
RATE_LIMITS = {
    "submit": (10, 3600),
    "comment": (30, 3600),
    "report": (20, 3600),
}


def _get_idea_for_user(request: HttpRequest, pk: int) -> Idea:
    """The idea if this person may see it; otherwise 404."""
    ideas = Idea.objects.visible_to(request.user, request.organisation)
    return get_object_or_404(
        ideas.select_related("author", "service_area", "merged_into", "organisation"),
        pk=pk,
    )


def _get_idea_for_staff(request: HttpRequest, pk: int, permission: str) -> Idea:
    """The idea if this person holds ``permission`` for its service area.

    Another organisation's idea is a 404; a visible idea without the right is 403.
    """
    idea = _get_idea_for_user(request, pk)
    require(request, permission, idea=idea)
    return idea


def require(request: HttpRequest, permission: str, *, idea: Idea | None = None) -> None:
    area = idea.service_area if idea is not None else None
    if not can(request.user, permission, request.organisation, area=area):
        raise PermissionDenied


def require_any_area(request: HttpRequest, permission: str) -> list[int] | None:
    """For lists: the areas where ``permission`` holds (None: all); 403 if none."""
    areas = areas_where(request.user, permission, request.organisation)
    if areas == [] or not request.user.is_authenticated:
        raise PermissionDenied
    return areas


def in_areas(ideas: IdeaQuerySet, areas: list[int] | None) -> IdeaQuerySet:
    return ideas if areas is None else ideas.filter(service_area__in=areas)


def rate_limited(request: HttpRequest, what: str) -> bool:
    """Count one attempt; True when over the limit (the caller answers 429)."""
    limit, period = RATE_LIMITS[what]
    who = (
        f"user:{request.user.pk}"
        if request.user.is_authenticated
        else f"ip:{ratelimit.client_ip(request)}"
    )
    return ratelimit.hit_and_check(f"ideas-{what}:{who}", limit=limit, period=period)


def too_many(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "ideas/rate_limited.html", {"message": message}, status=429)
