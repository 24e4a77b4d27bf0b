"""Resolve the organisation (tenant) from the request's host name."""

import copy
import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from tuuma.organisation.models import Organisation

# host -> (valid until, organisation). Per process on purpose: a shared cache would
# cost a query of its own, the very thing this saves on every request. Entries live
# ORGANISATION_CACHE_SECONDS; saving or deleting an organisation or a domain empties
# it in this process at once (tuuma.organisation.apps), other processes follow
# within that time. Unknown hosts are never kept, so made-up Host headers cannot
# fill it.
_resolved: dict[str, tuple[float, Organisation]] = {}
_MAX_HOSTS = 1000


def forget_resolved_hosts(**kwargs) -> None:
    _resolved.clear()


def organisation_for_host(host: str) -> Organisation | None:
    host = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    host = host.strip().lower()
    now = time.monotonic()
    hit = _resolved.get(host)
    if hit is None or hit[0] <= now:
        organisation = Organisation.objects.filter(
            domains__host=host, is_active=True
        ).first()
        if organisation is None:
            return None
        if len(_resolved) >= _MAX_HOSTS:
            _resolved.clear()
        hit = (now + settings.ORGANISATION_CACHE_SECONDS, organisation)
        _resolved[host] = hit
    # A copy per request: what a request caches on it or changes stays its own.
    return copy.copy(hit[1])


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
