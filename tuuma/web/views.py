from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.utils.translation import gettext as _
from rest_framework import exceptions

from tuuma.lib.paths import is_api_request
from tuuma.organisation.access import public, requires
from tuuma.web.home import home_sections
from tuuma.web.my_work import grouped, my_work


@public
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says: send them the SVG."""
    return redirect(static("tuuma/favicon.svg"), permanent=True)


@public
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/home.html",
        {"sections": home_sections(request)},
    )


@requires("web.my_work")
def my_work_page(request: HttpRequest) -> HttpResponse:
    """Everything that is the person's to do, most urgent first."""
    items = my_work(request)
    return render(
        request,
        "web/my_work.html",
        {"groups": grouped(items), "item_count": len(items)},
    )


def error_404(request: HttpRequest, exception=None) -> HttpResponse:
    if is_api_request(request):
        return _api_error(exceptions.NotFound)
    return render(request, "404.html", status=404)


def error_403(request: HttpRequest, exception=None) -> HttpResponse:
    if is_api_request(request):
        return _api_error(exceptions.PermissionDenied)
    return render(request, "403.html", status=403)


def error_500(request: HttpRequest) -> HttpResponse:
    """Rendered without context processors: the database may be what failed."""
    if is_api_request(request):
        return _api_error(exceptions.APIException)
    body = loader.get_template("500.html").render()
    return HttpResponse(body, status=500)


def _api_error(error: type[exceptions.APIException]) -> JsonResponse:
    """An API client gets JSON as from any API view, never an HTML page."""
    return JsonResponse({"detail": str(error.default_detail)}, status=error.status_code)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(
        request,
        "403.html",
        {
            "message": _(
                "The form expired or came from elsewhere. Reload and try again."
            )
        },
        status=403,
    )
