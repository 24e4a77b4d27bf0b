"""Participatory budgeting on the front page: the round open now, if any."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tuuma.budgeting.choices import Phase
from tuuma.budgeting.models import Round


def home_section(request: HttpRequest) -> dict | None:
    rounds = Round.objects.visible_to(request.user, request.organisation)
    current = rounds.filter(phase__in=[Phase.PROPOSALS, Phase.VOTING]).first()
    if current is None:
        return None
    if current.phase == Phase.VOTING:
        text = _("The vote is open until %(date)s: choose what gets built.")
        link = _("Vote")
    else:
        text = _("Proposals are open: how would you spend part of the budget?")
        link = _("Make a proposal")
    return {
        "title": current.title,
        "text": text % {"date": date_format(current.voting_until, "j.n.Y")},
        "url": reverse("budgeting:round", args=[current.pk]),
        "link_text": link,
    }


def nav_item(request: HttpRequest) -> dict | None:
    if not Round.objects.visible_to(request.user, request.organisation).exists():
        return None
    return {"url": reverse("budgeting:list"), "label": _("Participatory budgeting")}
