"""The ideas block on the front page and the "Ideas" link in the navigation."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from tuuma.ideas.models import Idea
from tuuma.ideas.stats import answer_stats


def home_section(request: HttpRequest) -> dict:
    organisation = request.organisation
    latest = list(
        Idea.objects.filter(organisation=organisation)
        .public()
        .order_by("-published_at", "-id")[:5]
    )
    return {
        "title": _("Latest ideas"),
        "template": "ideas/_home.html",
        "data": {"ideas": latest, "stats": answer_stats(organisation)},
        "url": reverse("ideas:list"),
        "link_text": _("All ideas and feedback"),
    }


def state_section(request: HttpRequest) -> dict:
    """Answer-time figures for managers and the steering group."""
    return {
        "title": _("Answer times"),
        "template": "ideas/_state.html",
        "data": {"stats": answer_stats(request.organisation)},
        "url": reverse("ideas:overdue"),
        "link_text": _("Ideas past the answer-time target"),
    }


def nav_item(request: HttpRequest) -> dict:
    return {"url": reverse("ideas:list"), "label": _("Ideas")}
