"""What every API view needs, on the floor below all apps that have an API.

``@api_requires`` / ``@api_public`` (the pages' permission check for API views),
``StandardPagination`` and ``page_of`` (its schema) live here rather than in
``tuuma.api`` so that apps below the api app (``audit``) use them too instead of
copying them; ``tuuma.api.access`` and ``tuuma.api.pagination`` re-export them
under the names the apps know.

Put ``@api_requires`` under ``@api_view``::

    @api_view(["GET", "POST"])
    @api_requires({"GET": "ideas.view", "POST": "ideas.triage"}, load=Idea)
    def idea_status(request, idea): ...

The check runs before the view reads or validates the body, so an anonymous caller
gets 401 and a person without the right 403, never a 400 with field details.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.utils.translation import gettext as _
from drf_spectacular.utils import inline_serializer
from rest_framework import exceptions, serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny, BasePermission

from tuuma.organisation.access import Access, Permission, check
from tuuma.organisation.permissions import NotSignedIn


def _declared(access: Access) -> list[type[BasePermission]]:
    """Permission classes that only carry the declaration for DRF's view class
    (the permission-matrix test reads it there); the wrapper does the checking.
    ``AllowAny`` first keeps the schema saying that anonymous calls are possible
    (they are answered 401 by the check itself)."""
    return [AllowAny, type("Declared", (BasePermission,), {"access": access})]


def api_requires(
    permission: Permission, *, load: type[Model] | None = None, kwarg: str = "pk"
) -> Callable:
    access = Access(permission, load, kwarg)

    def decorator(func: Callable) -> Callable:
        @wraps(func)
        def wrapper(request, *args, **kwargs):
            try:
                obj = check(request, access, kwargs)
            except NotSignedIn:
                raise exceptions.NotAuthenticated from None
            except PermissionDenied:
                raise exceptions.PermissionDenied from None
            if load is not None:
                return func(request, obj, *args, **kwargs)
            return func(request, *args, **kwargs)

        wrapper.access = access
        wrapper.permission_classes = _declared(access)
        return wrapper

    return decorator


def api_public(func: Callable) -> Callable:
    """Declare an API view that anyone may call."""
    func.access = Access(None)
    func.permission_classes = _declared(func.access)
    return func


class StandardPagination(PageNumberPagination):
    """``?page=N&page_size=M`` (at most 200); responses carry count, next, previous.

    A ``page_size`` that is not a positive whole number is refused, not ignored.
    """

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request) -> int:
        value = request.query_params.get(self.page_size_query_param)
        if value is not None and not (value.isdigit() and int(value) > 0):
            raise exceptions.ValidationError(
                {self.page_size_query_param: [_("Expected a positive whole number.")]}
            )
        return super().get_page_size(request)


def page_of(serializer: type[serializers.Serializer]) -> serializers.Serializer:
    """The response of a list paginated by ``StandardPagination``."""
    name = serializer.__name__.removesuffix("Serializer")
    return inline_serializer(
        name=f"Paginated{name}List",
        fields={
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": serializer(many=True),
        },
    )
