"""Pagination that counts at most a fixed number of rows.

An exact ``COUNT(*)`` over a filter or a search that matches most of 100,000
ideas costs more than the page itself; beyond the cap people refine the search.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from tuuma.api.pagination import StandardPagination


class CappedPaginator(Paginator):
    cap = 1000
    capped = False

    @cached_property
    def count(self) -> int:
        found = self.object_list[: self.cap + 1].count()
        self.capped = found > self.cap
        return min(found, self.cap)


class CappedApiPagination(StandardPagination):
    """The standard API pagination; ``count`` is exact up to 10,000."""

    class django_paginator_class(CappedPaginator):  # noqa: N801  (DRF's attribute)
        cap = 10_000
