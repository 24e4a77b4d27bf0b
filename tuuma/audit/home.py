"""Front-page hooks: the administrator's logs; everyone's own data."""

from django.urls import reverse
from django.utils.translation import gettext as _

from tuuma.organisation.permissions import can


def nav_item(request) -> dict | None:
    if not can(request.user, "audit.view_log", request.organisation):
        return None
    return {"url": reverse("audit:log"), "label": _("Logs")}


def home_section(request) -> dict | None:
    if not can(request.user, "audit.own_data", request.organisation):
        return None
    return {
        "title": _("Your personal data"),
        "text": _("See and download everything Tuuma holds about you."),
        "url": reverse("audit:my-data"),
        "link_text": _("Your personal data"),
    }
