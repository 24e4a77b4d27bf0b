"""What a ``<app>/search.py`` hook returns: one kind's results for the header's
search box. Each app offers ``search_results(request, text) -> SearchGroup | None``
and filters with its models' ``visible_to`` (a resident never finds a staff-only
idea); ``tuuma.web`` gathers the groups into one page."""

from __future__ import annotations

from dataclasses import dataclass, field

SHOWN_PER_KIND = 10


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str
    detail: str = ""


@dataclass(frozen=True)
class SearchGroup:
    kind: str  # translated: "Ideas", "Measures"
    hits: list[SearchHit] = field(default_factory=list)
    more_url: str = ""  # the kind's own list with the same search, if any
