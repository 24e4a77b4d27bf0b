"""The programme's block on the front page and its link in the main navigation."""

from django.http import HttpRequest
from django.urls import reverse
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


def nav_item(request: HttpRequest) -> dict | None:
    return {"url": reverse("programme:index"), "label": _("Development programme")}
