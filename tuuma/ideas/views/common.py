"""Helpers shared by the idea views: area filters for staff lists and rate limits.

Who may open a view is declared on the view itself (``@requires`` with the rules
of ``tuuma/ideas/rules.py``); nothing here decides a permission.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tuuma.ideas.models import IdeaQuerySet
from tuuma.organisation.permissions import areas_where
from tuuma.web import ratelimit

# (limit, period in seconds) per person, or per address when not signed in.
RATE_LIMITS = {
    "submit": (10, 3600),
    "comment": (30, 3600),
    "report": (20, 3600),
}


def in_areas(
    request: HttpRequest, ideas: IdeaQuerySet, permission: str
) -> IdeaQuerySet:
    """The ideas of the areas where the person holds ``permission`` (a lead of one
    service area handles only that area's ideas; an organisation-wide role all)."""
    areas = areas_where(request.user, permission, request.organisation)
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
