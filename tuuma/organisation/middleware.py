"""Resolve the organisation (tenant) from the request's host name."""

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from tuuma.organisation.models import Organisation


def organisation_for_host(host: str) -> Organisation | None:
    host = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return Organisation.objects.filter(
        domains__host=host.strip().lower(), is_active=True
    ).first()


def unknown_host(request: HttpRequest) -> HttpResponse:
    """No organisation serves this host: a plain 404 that reveals nothing."""
    return render(
        request,
        "404.html",
        {"message": _("No municipality is served at this address.")},
        status=404,
    )


class OrganisationMiddleware:
    """Sets ``request.organisation``; an unknown host gets 404, never another's data."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        organisation = organisation_for_host(request.get_host())
        if organisation is None:
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
