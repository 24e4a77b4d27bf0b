"""The programme's block on the front page and its link in the main navigation."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tuuma.programme.models import Measure, MeasureStatus


def home_section(request: HttpRequest) -> dict | None:
    published = Measure.objects.filter(
        organisation=request.organisation, is_published=True
    )
    if not published.exists():
        return None
    return {
        "title": _("Development programme"),
        "template": "programme/_home.html",
        "data": {
            "results": published.exclude(result_achieved="").order_by(
                "-result_recorded_at"
            )[:3],
            "measures": published.filter(status=MeasureStatus.IN_PROGRESS)
            .with_progress()
            .order_by("due_date")[:5],
        },
        "url": reverse("programme:index"),
        "link_text": _("See the whole programme"),
    }


def state_section(request: HttpRequest) -> dict | None:
    """The programme's state for managers and the steering group: late and
    at-risk measures, and where the report is."""
    measures = Measure.objects.filter(organisation=request.organisation)
    today = timezone.localdate()
    return {
        "title": _("State of the programme"),
        "template": "programme/_state.html",
        "data": {
            "open": measures.open().count(),
            "late": measures.overdue(today).count(),
            "at_risk": measures.at_risk(today).count(),
            "done": measures.filter(status=MeasureStatus.DONE).count(),
        },
        "url": reverse("programme:report"),
        "link_text": _("The programme report"),
    }


def nav_item(request: HttpRequest) -> dict | None:
    return {"url": reverse("programme:index"), "label": _("Development programme")}
