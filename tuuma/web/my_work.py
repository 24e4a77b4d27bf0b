""" "My work": everything that is the signed-in person's to do, from every app's
``work.py`` hook (``work_items(request) -> list[WorkItem]``), most urgent first.

Computed once per request (the page and the navigation badge share it).
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest

from tuuma.lib.apps import app_modules
from tuuma.lib.work import WorkItem

CACHE_ATTRIBUTE = "_tuuma_my_work"
BADGE_SECONDS = 60
# Hundreds of ideas to answer are not read one by one: the page shows the most
# urgent ones of each kind and says how many there are.
SHOWN_PER_KIND = 30


def my_work(request: HttpRequest) -> list[WorkItem]:
    cached = getattr(request, CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    items: list[WorkItem] = []
    if request.user.is_authenticated and getattr(request, "organisation", None):
        for module in app_modules("work"):
            offer = getattr(module, "work_items", None)
            if offer is not None:
                items.extend(offer(request))
    items.sort(key=WorkItem.sort_key)
    setattr(request, CACHE_ATTRIBUTE, items)
    return items


def action_count(request: HttpRequest) -> int:
    """The navigation badge: items that ask for an action (not information).

    Kept for a minute per person, so browsing costs the work list's queries once
    a minute, not on every page."""
    if not request.user.is_authenticated:
        return 0
    key = f"tuuma:my-work-count:{request.organisation.pk}:{request.user.pk}"
    # The page that listed the work anyway (My work, a staff front page)
    # refreshes the count.
    count = None if hasattr(request, CACHE_ATTRIBUTE) else cache.get(key)
    if count is None:
        count = sum(1 for item in my_work(request) if item.needs_action)
        cache.set(key, count, BADGE_SECONDS)
    return count


def grouped(items: list[WorkItem]) -> list[tuple[str, list[WorkItem], int]]:
    """(kind, the most urgent items, how many in all), kinds in the order of
    their most urgent item; a group shows at most ``SHOWN_PER_KIND`` items."""
    order: dict[str, list[WorkItem]] = {}
    for item in items:
        order.setdefault(item.kind, []).append(item)
    return [(kind, found[:SHOWN_PER_KIND], len(found)) for kind, found in order.items()]
