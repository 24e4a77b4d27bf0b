"""The ideas' part of "My work": ideas to answer, reports to moderate, and the
ideas one proposed or follows."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tuuma.ideas.models import Idea, IdeaSettings, Report
from tuuma.ideas.models.status import OPEN_STATUSES
from tuuma.lib.work import Urgency, WorkItem
from tuuma.organisation.permissions import can

SOON = 3  # days left to the answer-time target that count as "due soon"
OWN_IDEAS_SHOWN = 10


def _to_answer(request: HttpRequest) -> list[WorkItem]:
    ideas = Idea.objects.filter(
        organisation=request.organisation,
        responsible=request.user,
        status__in=OPEN_STATUSES,
    ).only("pk", "title", "published_at", "created_at")
    target = timedelta(
        days=IdeaSettings.for_organisation(request.organisation).answer_target_days
    )
    today = timezone.localdate()
    items = []
    for idea in ideas:
        due = timezone.localtime(idea.published_at or idea.created_at).date() + target
        left = (due - today).days
        if left < 0:
            urgency, detail = Urgency.OVERDUE, _("Answer-time target passed")
        else:
            urgency = Urgency.DUE_SOON if left <= SOON else Urgency.TO_DO
            detail = ngettext(
                "%(days)s day left to the answer-time target",
                "%(days)s days left to the answer-time target",
                left,
            ) % {"days": left}
        url = reverse("ideas:triage", args=[idea.pk])
        items.append(
            WorkItem(_("Ideas to answer"), idea.title, url, urgency, detail, due)
        )
    return items


def _to_moderate(request: HttpRequest) -> list[WorkItem]:
    if not can(request.user, "ideas.moderate", request.organisation):
        return []
    pending = Report.objects.filter(
        organisation=request.organisation, resolved_at__isnull=True
    ).count()
    if not pending:
        return []
    detail = ngettext(
        "%(count)s report waits for a moderator",
        "%(count)s reports wait for a moderator",
        pending,
    ) % {"count": pending}
    url = reverse("ideas:moderation")
    return [
        WorkItem(_("Moderation"), _("Reported content"), url, Urgency.TO_DO, detail)
    ]


def _own_and_followed(request: HttpRequest) -> list[WorkItem]:
    user = request.user
    # Two small queries, not one OR over a join: each uses its own index.
    mine = Idea.objects.filter(organisation=request.organisation).only(
        "pk", "title", "status", "updated_at"
    )
    found = {
        idea.pk: idea
        for query in (mine.filter(author=user), mine.filter(follows__user=user))
        for idea in query.order_by("-updated_at", "-pk")[:OWN_IDEAS_SHOWN]
    }
    ideas = sorted(found.values(), key=lambda i: (i.updated_at, i.pk), reverse=True)
    ideas = ideas[:OWN_IDEAS_SHOWN]
    return [
        WorkItem(
            _("Ideas I proposed or follow"),
            idea.title,
            idea.get_absolute_url(),
            Urgency.FOR_INFORMATION,
            _("%(status)s since %(date)s")
            % {
                "status": idea.get_status_display(),
                "date": date_format(
                    timezone.localtime(idea.updated_at), "SHORT_DATE_FORMAT"
                ),
            },
        )
        for idea in ideas
    ]


def work_items(request: HttpRequest) -> list[WorkItem]:
    return _to_answer(request) + _to_moderate(request) + _own_and_followed(request)
