"""Hearings' blocks on other apps' pages (``{% app_panels %}``)."""

from __future__ import annotations

from tuuma.hearings.models import Matter
from tuuma.lib.panels import Panel


def measure_panels(request, measure) -> list[Panel]:
    """The matters (decisions) a measure implements, as the reader sees them."""
    matters = Matter.objects.visible_to(request.user, request.organisation).filter(
        measures=measure
    )
    if not matters:
        return []
    return [Panel("hearings/_measure_matters.html", {"matters": matters})]
