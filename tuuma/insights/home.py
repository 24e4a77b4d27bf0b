"""The insights' link in the main navigation, for those who may read them."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from tuuma.organisation.permissions import can


def nav_item(request: HttpRequest) -> dict | None:
    if not can(request.user, "insights.view", request.organisation):
        return None
    return {"url": reverse("insights:dashboard"), "label": _("Insights")}
