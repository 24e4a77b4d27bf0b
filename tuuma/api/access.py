"""``@api_requires`` and ``@api_public``: the pages' permission check for API views.

They live in ``tuuma.organisation.api_support`` (a floor below every app with an
API, the audit app included); apps import them from here.
"""

from tuuma.organisation.api_support import api_public, api_requires

__all__ = ["api_public", "api_requires"]
