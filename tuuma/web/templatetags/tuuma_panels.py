"""``{% app_panels "idea" idea %}``: blocks that higher apps add to a lower app's page.

An app that wants a block on another app's page (the programme's measures on an
idea, a process's steps on a measure) offers ``<app>/panels.py`` with a function
``<kind>_panels(request, obj) -> list[Panel]``; the page names the kind and the
object, and never imports the higher app. Panels render in ``INSTALLED_APPS`` order.

E-mails have no request: ``<app>/panels.py`` offers
``<kind>_email_blocks(user, obj) -> list[Panel]`` for the recipient ``user``
(``None`` for an address without an account: what a visitor may see), each
panel naming its template without the extension; ``{% email_blocks "idea" idea
recipient "txt" %}`` renders ``<template>.txt`` in the text body and ``"html"``
``<template>.html`` in the HTML alternative, in the language the mail is rendered in.
"""

from __future__ import annotations

from django import template
from django.contrib.auth.models import AnonymousUser
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


def email_blocks_for(user, kind: str, obj) -> list[Panel]:
    """Every app's e-mail blocks of ``kind`` for ``obj`` that ``user`` may see."""
    reader = user if user is not None else AnonymousUser()
    found: list[Panel] = []
    for module in app_modules("panels"):
        offer = getattr(module, f"{kind}_email_blocks", None)
        if offer is not None:
            found.extend(offer(reader, obj))
    return found


@register.simple_tag
def email_blocks(kind: str, obj, user, extension: str) -> str:
    return format_html_join(
        "",
        "{}",
        (
            (render_to_string(f"{panel.template}.{extension}", panel.context),)
            for panel in email_blocks_for(user, kind, obj)
        ),
    )
