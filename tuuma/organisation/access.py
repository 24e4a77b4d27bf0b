"""A view declares its permission once, above its definition.

Pages::

    @requires("programme.change_measure", load=Measure, kwarg="measure_id")
    def measure_edit(request, measure): ...

loads the measure from the request's organisation (through the model's
``visible_to(user, organisation)`` when it has one, so what a person may not see
is a 404), sends an anonymous person to log in, refuses a signed-in one with 403,
and passes the object to the view. ``@requires("caselog.upload")`` without
``load`` asks whether the person holds the permission anywhere (a list filters
further with ``areas_where``). A dict ``{"GET": ..., "POST": ...}`` gives each
method its own permission. ``@public`` marks a page anyone may open.

The API uses ``@api_requires`` under ``@api_view``: the same check, answered 401
or 403 before the request body is read or validated.

Every URL's view carries its ``Access``: the permission-matrix test reads it, so a
view added without one fails the suite.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest

from tuuma.organisation.permissions import (
    NotSignedIn,
    can_somewhere,
    require,
    rule_for,
)

Permission = str | Mapping[str, str] | None


@dataclass(frozen=True)
class Access:
    """What a view declares: its permission (per method) and the object it loads."""

    permission: Permission
    load: type[Model] | None = None
    kwarg: str = "pk"

    def permission_for(self, method: str) -> str | None:
        if self.permission is None or isinstance(self.permission, str):
            return self.permission
        return self.permission.get(method) or self.permission.get("*")


def visible_objects(request: HttpRequest, model: type[Model]) -> QuerySet:
    """The model's rows this person may see in the request's organisation."""
    manager = model._default_manager
    if hasattr(manager, "visible_to"):
        return manager.visible_to(request.user, request.organisation)
    return manager.filter(organisation=request.organisation)


def load_object(request: HttpRequest, model: type[Model], value: Any) -> Model:
    """The visible object with primary key ``value``; a 404 otherwise."""
    try:
        return visible_objects(request, model).get(pk=value)
    except (model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def check(request: HttpRequest, access: Access, kwargs: dict) -> Model | None:
    """Apply ``access`` to the request; returns the loaded object, if any."""
    permission = access.permission_for(request.method)
    if (
        permission is not None
        and not request.user.is_authenticated
        and not rule_for(permission).public
    ):
        raise NotSignedIn  # before loading: anonymous callers learn nothing
    obj = None
    if access.load is not None:
        obj = load_object(request, access.load, kwargs.pop(access.kwarg))
    if permission is None:
        return obj
    if obj is not None:
        require(request, permission, obj)
    elif not can_somewhere(request.user, permission, request.organisation):
        if not request.user.is_authenticated:
            raise NotSignedIn
        raise PermissionDenied
    return obj


def requires(
    permission: Permission, *, load: type[Model] | None = None, kwarg: str = "pk"
) -> Callable:
    """Declare and enforce a page's permission (see the module docstring)."""
    access = Access(permission, load, kwarg)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            try:
                obj = check(request, access, kwargs)
            except NotSignedIn:
                return redirect_to_login(request.get_full_path())
            if access.load is not None:
                return view(request, obj, *args, **kwargs)
            return view(request, *args, **kwargs)

        wrapper.access = access
        return wrapper

    return decorator


def public(view: Callable) -> Callable:
    """Declare a page that anyone may open (it may still show more to some)."""
    view.access = Access(None)
    return view
