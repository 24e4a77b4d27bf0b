"""The programme's blocks on other apps' pages (``{% app_panels %}``)."""

from __future__ import annotations

from tuuma.lib.panels import Panel
from tuuma.organisation.permissions import areas_where
from tuuma.programme.actions import linkable_ideas
from tuuma.programme.models import Measure


def idea_panels(request, idea) -> list[Panel]:
    """The measures carrying ``idea`` that the reader sees, and whether they may
    start a measure from it."""
    measures = (
        Measure.objects.visible_to(request.user, request.organisation)
        .filter(ideas=idea)
        .with_progress()
    )
    may_create = (
        areas_where(request.user, "programme.create_measure", request.organisation)
        != []
        and linkable_ideas(request.organisation).filter(pk=idea.pk).exists()
    )
    if not may_create and not measures:
        return []
    found = {"measures": measures, "may_create": may_create}
    return [Panel("programme/_idea_measures.html", {"idea": idea, "found": found})]
