"""The improvement methods' landing page for staff."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tuuma.improvement.models import KanoSurvey
from tuuma.organisation.access import requires


@requires("improvement.view")
def index(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation
    context = {
        "surveys": KanoSurvey.objects.filter(organisation=organisation)[:5],
    }
    return render(request, "improvement/index.html", context)
