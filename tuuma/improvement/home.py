"""The improvement methods' link in the main navigation (staff only)."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from tuuma.organisation.permissions import can_somewhere


def home_section(request: HttpRequest) -> dict | None:
    return None


def nav_item(request: HttpRequest) -> dict | None:
    if not can_somewhere(request.user, "improvement.view", request.organisation):
        return None
    return {"url": reverse("improvement:index"), "label": _("Improvement methods")}
