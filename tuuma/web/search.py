"""The header's search: every app's ``search.py`` hook, one group per kind."""

from __future__ import annotations

from django.http import HttpRequest

from tuuma.lib.apps import app_modules
from tuuma.lib.search import SearchGroup

MAX_LENGTH = 200


def search_everything(request: HttpRequest, text: str) -> list[SearchGroup]:
    text = " ".join(text.split())[:MAX_LENGTH]
    if not text:
        return []
    groups = []
    for module in app_modules("search", exclude=("tuuma.web",)):
        offer = getattr(module, "search_results", None)
        group = offer(request, text) if offer else None
        if group is not None:
            groups.append(group)
    return groups
