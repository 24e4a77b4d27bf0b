"""``StandardPagination``: defined in ``tuuma.organisation.api_support`` (a floor
below every app with an API); apps import it from here."""

from tuuma.organisation.api_support import StandardPagination

__all__ = ["StandardPagination"]
