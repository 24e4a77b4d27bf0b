"""``@api_requires``: the pages' permission check for API views.

Put it under ``@api_view``::

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
from rest_framework import exceptions
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
