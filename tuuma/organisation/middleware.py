"""Resolve the organisation (tenant) from the request's host name."""

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

from tuuma.organisation.models import Organisation


def organisation_for_host(host: str) -> Organisation | None:
    host = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return Organisation.objects.filter(
        domains__host=host.strip().lower(), is_active=True
    ).first()


class OrganisationMiddleware:
    """Sets ``request.organisation``; an unknown host gets 404, never another's data."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        organisation = organisation_for_host(request.get_host())
        if organisation is None:
            from tuuma.web.views import unknown_host

            return unknown_host(request)
        request.organisation = organisation
        return self.get_response(request)


class OrganisationUserMiddleware:
    """A session of another organisation's user counts for nothing on this host."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not user.is_superuser
            and user.organisation_id != request.organisation.pk
        ):
            logout(request)
        return self.get_response(request)
