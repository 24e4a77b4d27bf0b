"""``{% idea_measures idea as found %}`` for the idea page's programme block."""

from django import template

from tuuma.organisation.permissions import areas_where
from tuuma.programme.actions import linkable_ideas
from tuuma.programme.models import Measure

register = template.Library()


@register.simple_tag(takes_context=True)
def idea_measures(context, idea) -> dict:
    """The measures carrying ``idea`` that the reader sees, and whether they may
    start a measure from it."""
    request = context["request"]
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
    return {"measures": measures, "may_create": may_create}
