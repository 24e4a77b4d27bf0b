"""The case logs' block on the front page and link in the main navigation,
for case-log staff only (logs are personal data)."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tuuma.caselog.models import CaseLog
from tuuma.organisation.permissions import can


def home_section(request: HttpRequest) -> dict | None:
    if not can(request.user, "caselog.view", request.organisation):
        return None
    logs = CaseLog.objects.filter(
        organisation=request.organisation, current_version__isnull=False
    )
    count = logs.count()
    if not count:
        return None
    return {
        "title": _("Case logs"),
        "text": ngettext(
            "%(count)s event log of case management to analyse.",
            "%(count)s event logs of case management to analyse.",
            count,
        )
        % {"count": count},
        "url": reverse("caselog:index"),
        "link_text": _("Open the case logs"),
    }


def nav_item(request: HttpRequest) -> dict | None:
    if not can(request.user, "caselog.view", request.organisation):
        return None
    return {"url": reverse("caselog:index"), "label": _("Case logs")}
