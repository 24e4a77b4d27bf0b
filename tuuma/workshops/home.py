"""Workshops on the front page: staff see the link; everyone can join by code."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from tuuma.organisation.permissions import can_somewhere


def home_section(request: HttpRequest) -> dict | None:
    return {
        "title": _("Workshops"),
        "text": _("Got a workshop code? Join from your phone, no account needed."),
        "url": reverse("workshops:join-code"),
        "link_text": _("Join a workshop"),
    }


def nav_item(request: HttpRequest) -> dict | None:
    if not can_somewhere(request.user, "workshops.view", request.organisation):
        return None
    return {"url": reverse("workshops:list"), "label": _("Workshops")}
