"""Small helpers the improvement pages share."""

from django.db.models import QuerySet
from django.http import HttpRequest

from tuuma.organisation.models import ServiceArea
from tuuma.organisation.permissions import areas_where


def areas_for(request: HttpRequest, permission: str) -> QuerySet:
    """Service areas where the person holds ``permission``."""
    areas = ServiceArea.objects.filter(organisation=request.organisation)
    allowed = areas_where(request.user, permission, request.organisation)
    return areas if allowed is None else areas.filter(pk__in=allowed)


def signed_in_user(request: HttpRequest):
    return request.user if request.user.is_authenticated else None
