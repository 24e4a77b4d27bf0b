"""Long lists in pages of a fixed size, the page number in the URL.

Filters and the sort order stay in the query string: the shared partial
``web/pagination.html`` builds its links with ``{% querystring page=… %}``, so
paging never drops them. A page number that is not a number or is past the end
gives the nearest real page, never an error.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

PAGE_SIZE = 50


def page_of(
    request: HttpRequest,
    items: QuerySet | Sequence,
    per_page: int = PAGE_SIZE,
    *,
    paginator_class: type[Paginator] = Paginator,
) -> Page:
    """The page ``?page=`` asks for (the first when it asks for none)."""
    return paginator_class(items, per_page).get_page(request.GET.get("page"))
