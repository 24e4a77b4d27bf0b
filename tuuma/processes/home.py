"""The processes' link in the main navigation and block on the front page."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tuuma.organisation.permissions import can
from tuuma.processes.models import Process
from tuuma.processes.review_actions import overdue


def nav_item(request: HttpRequest) -> dict | None:
    if not Process.objects.visible_to(request.user, request.organisation).exists():
        if not can(request.user, "processes.view_all", request.organisation):
            return None
    return {"url": reverse("processes:index"), "label": _("Processes")}


def home_section(request: HttpRequest) -> dict | None:
    organisation = request.organisation
    if not can(request.user, "processes.view_all", organisation):
        return None
    late = overdue(organisation, timezone.localdate()).count()
    count = Process.objects.filter(organisation=organisation).count()
    text = ngettext(
        "%(count)s process in the catalogue.",
        "%(count)s processes in the catalogue.",
        count,
    ) % {"count": count}
    if late:
        text += " " + ngettext(
            "%(late)s annual review is overdue.",
            "%(late)s annual reviews are overdue.",
            late,
        ) % {"late": late}
    return {
        "title": _("Processes"),
        "text": text,
        "url": reverse("processes:reviews") if late else reverse("processes:index"),
        "link_text": _("Open the processes"),
    }
