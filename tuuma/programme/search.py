"""Measures in the header's search: full text (Finnish configuration) on
PostgreSQL, ``icontains`` on SQLite; unpublished measures only for staff."""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.http import HttpRequest
from django.utils.translation import gettext as _

from tuuma.lib.search import SHOWN_PER_KIND, SearchGroup, SearchHit
from tuuma.programme.models import Measure

SEARCH_CONFIG = "finnish"


def _matching(measures, text: str):
    words = text.split()[:12]
    if connection.vendor == "postgresql":
        # A few thousand measures at most: the vector is computed on the fly.
        vector = SearchVector(
            "title", "public_summary", "description", config=SEARCH_CONFIG
        )
        query = SearchQuery(
            " ".join(words), config=SEARCH_CONFIG, search_type="websearch"
        )
        return measures.annotate(found=vector).filter(found=query)
    for word in words:
        measures = measures.search(word)
    return measures


def search_results(request: HttpRequest, text: str) -> SearchGroup | None:
    visible = Measure.objects.visible_to(request.user, request.organisation)
    found = _matching(visible, text).only("pk", "title", "status")[:SHOWN_PER_KIND]
    hits = [
        SearchHit(m.title, m.get_absolute_url(), m.get_status_display()) for m in found
    ]
    return SearchGroup(_("Measures"), hits)
