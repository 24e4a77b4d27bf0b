"""Ideas in the header's search: full text (Finnish configuration) on PostgreSQL,
word-by-word ``icontains`` on SQLite; only ideas the reader may see."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from tuuma.ideas.models import Idea
from tuuma.lib.search import SHOWN_PER_KIND, SearchGroup, SearchHit


def search_results(request: HttpRequest, text: str) -> SearchGroup | None:
    found = (
        Idea.objects.visible_to(request.user, request.organisation)
        .exclude(status="draft")
        .search(text)
        .only("pk", "title", "status")
        .order_by("-published_at", "-id")[:SHOWN_PER_KIND]
    )
    hits = [
        SearchHit(idea.title, idea.get_absolute_url(), idea.get_status_display())
        for idea in found
    ]
    more = reverse("ideas:list") + "?" + urlencode({"q": text})
    return SearchGroup(_("Ideas"), hits, more)
