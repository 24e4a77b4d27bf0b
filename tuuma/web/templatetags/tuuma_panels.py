"""``{% app_panels "idea" idea %}``: blocks that higher apps add to a lower app's page.

An app that wants a block on another app's page (the programme's measures on an
idea, a process's steps on a measure) offers ``<app>/panels.py`` with a function
``<kind>_panels(request, obj) -> list[Panel]``; the page names the kind and the
object, and never imports the higher app. Panels render in ``INSTALLED_APPS`` order.
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html_join

from tuuma.lib.apps import app_modules
from tuuma.lib.panels import Panel

register = template.Library()


def panels_for(request, kind: str, obj) -> list[Panel]:
    """Every app's panels of ``kind`` for ``obj`` that this reader may see."""
    found: list[Panel] = []
    for module in app_modules("panels"):
        offer = getattr(module, f"{kind}_panels", None)
        if offer is not None:
            found.extend(offer(request, obj))
    return found


@register.simple_tag(takes_context=True)
def app_panels(context, kind: str, obj) -> str:
    request = context["request"]
    # Rendered templates are safe strings, so format_html_join keeps them as HTML.
    return format_html_join(
        "",
        "{}",
        (
            (render_to_string(panel.template, panel.context, request=request),)
            for panel in panels_for(request, kind, obj)
        ),
    )
