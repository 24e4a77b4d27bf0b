"""Tuuma's URLs plus ``/bench/bare/``: a view that does nothing, behind the same
middleware (organisation, session, CSRF, security headers) as every page."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from tuuma.organisation.access import public
from tuuma.urls import urlpatterns as tuuma_urlpatterns


@public
def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *tuuma_urlpatterns]
