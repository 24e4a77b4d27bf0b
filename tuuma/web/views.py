from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.utils.translation import gettext as _
from rest_framework import exceptions

from tuuma.lib.paths import is_api_request
from tuuma.organisation.access import public, requires
from tuuma.web.home import (
    LEADER,
    STAFF,
    home_role,
    home_sections,
    state_sections,
)
from tuuma.web.my_work import grouped, my_work
from tuuma.web.pagecache import cached_page, organisation_scopes
from tuuma.web.search import search_everything

WORK_ON_HOME = 5  # the most urgent items of "My work" on a staff front page


@public
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says: send them the SVG."""
    return redirect(static("tuuma/favicon.svg"), permanent=True)


@public
@cached_page(organisation_scopes)
def home(request: HttpRequest) -> HttpResponse:
    """The front page for the reader's role (``home_role``): the same page works
    signed out, as a resident's."""
    role = home_role(request)
    context = {"sections": home_sections(request), "role": role}
    if role == LEADER:
        context["state_sections"] = state_sections(request)
    if role in (STAFF, LEADER):
        items = my_work(request)
        context["work"] = {"items": items[:WORK_ON_HOME], "count": len(items)}
    return render(request, "web/home.html", context)


@requires("web.my_work")
def my_work_page(request: HttpRequest) -> HttpResponse:
    """Everything that is the person's to do, most urgent first."""
    items = my_work(request)
    return render(
        request,
        "web/my_work.html",
        {"groups": grouped(items), "item_count": len(items)},
    )


@public
def search(request: HttpRequest) -> HttpResponse:
    """One box, results grouped by kind (ideas, measures, …)."""
    text = request.GET.get("q", "")
    groups = search_everything(request, text)
    return render(
        request,
        "web/search.html",
        {"text": text, "groups": groups, "found": any(g.hits for g in groups)},
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
