"""Pages show time in the organisation's time zone (Europe/Helsinki by default).

Django's ``|date`` and ``tuuma.lib.formatting`` both read the active zone, so
activating it once per request is enough for every page.
"""

import zoneinfo

from django.http import HttpRequest, HttpResponse
from django.utils import timezone


class OrganisationTimeZoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        organisation = getattr(request, "organisation", None)
        zone = getattr(organisation, "time_zone", "")
        if zone:
            timezone.activate(zoneinfo.ZoneInfo(zone))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
