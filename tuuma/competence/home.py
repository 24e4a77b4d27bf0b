"""The competence link in the main navigation (staff only)."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from tuuma.organisation.permissions import can_somewhere


def nav_item(request: HttpRequest) -> dict | None:
    if not can_somewhere(request.user, "competence.view", request.organisation):
        return None
    return {"url": reverse("competence:index"), "label": _("Competence")}
