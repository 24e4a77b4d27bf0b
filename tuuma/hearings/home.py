"""Hearings on the front page: open and upcoming ones, and the menu link."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from tuuma.hearings.models import Hearing

SHOWN = 4


def home_section(request: HttpRequest) -> dict | None:
    hearings = Hearing.objects.visible_to(request.user, request.organisation)
    data = {
        "open": list(hearings.open_now().order_by("closes_at")[:SHOWN]),
        "upcoming": list(hearings.upcoming().order_by("opens_at")[:SHOWN]),
    }
    return {
        "title": _("Have your say"),
        "template": "hearings/_home.html",
        "data": data,
        "url": reverse("hearings:list"),
        "link_text": _("All hearings and matters"),
    }


def nav_item(request: HttpRequest) -> dict | None:
    return {"url": reverse("hearings:list"), "label": _("Hearings")}
