"""Competence's block on a measure's and an idea's page (``{% app_panels %}``):
the new skills a change asks for and the training needs already made of them.

Only whoever may manage competence for the measure's or idea's area sees it
(they see every name in the units anyway); the block shows counts, no names.
"""

from __future__ import annotations

from django.db.models import Count

from tuuma.competence.change_actions import added_steps, idea_taken_forward
from tuuma.competence.forms import ChangeNeedsForm, IdeaSkillForm
from tuuma.competence.models import TrainingNeed
from tuuma.lib.panels import Panel
from tuuma.organisation.permissions import can

TEMPLATE = "competence/_change_panel.html"


def _needs(request, **origin) -> list[dict]:
    """Needs made from this change, counted per unit and task."""
    return list(
        TrainingNeed.objects.filter(organisation=request.organisation, **origin)
        .values("task__unit__name", "task__name")
        .annotate(people=Count("pk"))
        .order_by("task__unit__name", "task__name")
    )


def measure_panels(request, measure) -> list[Panel]:
    if not can(request.user, "competence.manage", request.organisation, measure):
        return []
    steps = added_steps(measure)
    needs = _needs(request, origin_measure=measure)
    if not steps and not needs:
        return []
    form = ChangeNeedsForm(user=request.user, organisation=request.organisation)
    context = {"kind": "measure", "target": measure, "steps": steps, "needs": needs}
    return [Panel(TEMPLATE, {**context, "form": form if steps else None})]


def idea_panels(request, idea) -> list[Panel]:
    if not can(request.user, "competence.manage", request.organisation, idea):
        return []
    needs = _needs(request, origin_idea=idea)
    if not idea_taken_forward(idea) and not needs:
        return []
    form = IdeaSkillForm(user=request.user, organisation=request.organisation)
    context = {"kind": "idea", "target": idea, "steps": [], "needs": needs}
    return [Panel(TEMPLATE, {**context, "form": form})]
