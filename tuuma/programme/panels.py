"""The programme's blocks on other apps' pages (``{% app_panels %}``)."""

from __future__ import annotations

from tuuma.lib.panels import Panel
from tuuma.organisation.permissions import areas_where
from tuuma.programme.actions import linkable_ideas
from tuuma.programme.models import Measure, MeasureStatus
from tuuma.programme.results import measured_ideas, results_of, with_results


def idea_panels(request, idea) -> list[Panel]:
    """The measures carrying ``idea`` that the reader sees, what the done ones
    changed ("what changed": outcome and indicators), and whether the reader may
    start a measure from it."""
    measures = list(
        with_results(
            Measure.objects.visible_to(request.user, request.organisation)
            .filter(ideas=idea)
            .with_progress()
        )
    )
    may_create = (
        areas_where(request.user, "programme.create_measure", request.organisation)
        != []
        and linkable_ideas(request.organisation).filter(pk=idea.pk).exists()
    )
    if not may_create and not measures:
        return []
    found = {
        "measures": measures,
        "results": results_of(m for m in measures if m.status == MeasureStatus.DONE),
        "may_create": may_create,
    }
    return [Panel("programme/_idea_measures.html", {"idea": idea, "found": found})]


def idea_statistics_panels(request, organisation) -> list[Panel]:
    """ "Ideas whose result was measured" beside the answer-time figures."""
    count = measured_ideas(organisation).count()
    return [Panel("programme/_measured_ideas.html", {"measured_count": count})]
