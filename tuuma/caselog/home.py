"""The case logs' link in the main navigation, for case-log staff only."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from tuuma.organisation.permissions import can


def nav_item(request: HttpRequest) -> dict | None:
    if not can(request.user, "caselog.view", request.organisation):
        return None
    return {"url": reverse("caselog:index"), "label": _("Case logs")}
