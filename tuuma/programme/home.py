"""The programme's block on the front page and its link in the main navigation."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from tuuma.lib.metrics import measure
from tuuma.programme.models import Measure, MeasureStatus

STATE_METRICS = (
    "programme.measures_open",
    "programme.measures_late",
    "programme.measures_at_risk",
    "programme.measures_done",
)


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
    return {
        "title": _("State of the programme"),
        "template": "programme/_state.html",
        "data": {
            # The figures and their definitions from programme/metrics.py.
            "figures": [
                measure(metric_id, request.organisation) for metric_id in STATE_METRICS
            ]
        },
        "url": reverse("programme:report"),
        "link_text": _("The programme report"),
    }


def nav_item(request: HttpRequest) -> dict | None:
    return {"url": reverse("programme:index"), "label": _("Development programme")}
