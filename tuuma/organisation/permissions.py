"""The one place that decides who may do what.

Each app declares its permissions in ``<app>/rules.py`` as ``RULES = {name: Rule}``;
this module merges them into one table and answers every question with
``can(user, permission, organisation, obj)``. Pages, the API (through
``tuuma.organisation.access``), querysets (``visible_to`` builds on
``areas_where``) and the admin site all ask here, so "may a productivity lead edit
this measure?" is answered by reading the measure's rule in ``programme/rules.py``.

How a rule grants a permission, in order:
- platform superusers and the organisation's administrators hold everything;
- ``public``: anyone, signed in or not; ``residents``: every signed-in person of the
  organisation;
- ``roles``: a staff membership in one of those roles. For an ``area_scoped`` rule
  a membership limited to a service area counts only for objects of that area
  (``obj.permission_area_id``, else ``obj.service_area_id``); an organisation-wide
  membership always counts;
- ``owners``: the object's user fields that name the person (``owner`` means
  ``obj.owner_id == user.pk``);
and then ``when(obj)`` must hold for the object's state (a draft, an open survey).
A person of another organisation holds nothing; an unknown permission is an error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest

from tuuma.lib.apps import app_modules
from tuuma.organisation.models import Membership, Organisation, ServiceArea
from tuuma.organisation.roles import Role

STAFF_ROLES = frozenset(Role)
LEADS = frozenset({Role.PRODUCTIVITY_LEAD, Role.MANAGER})


@dataclass(frozen=True)
class Rule:
    """Who holds one permission; see the module docstring for the order."""

    roles: frozenset[Role] = frozenset()
    area_scoped: bool = False
    owners: tuple[str, ...] = ()
    residents: bool = False
    public: bool = False
    when: Callable[[Any], bool] | None = None
    describe: str = ""


class NotSignedIn(PermissionDenied):
    """Refused because nobody is signed in: pages send to log-in, the API says 401."""


@cache
def rules() -> dict[str, Rule]:
    """Every app's ``RULES`` in one table (apps may not reuse a name)."""
    table: dict[str, Rule] = {}
    for module in app_modules("rules"):
        for name, rule in module.RULES.items():
            if name in table:
                raise ImproperlyConfigured(f"Permission {name} is declared twice.")
            table[name] = rule
    return table


def rule_for(permission: str) -> Rule:
    try:
        return rules()[permission]
    except KeyError:
        raise ImproperlyConfigured(f"Unknown permission {permission}.") from None


def _memberships(user, organisation: Organisation) -> list[tuple[str, int | None]]:
    """(role, service area id) pairs, cached on the user object for the request."""
    cache_key = f"_tuuma_memberships_{organisation.pk}"
    cached = getattr(user, cache_key, None)
    if cached is None:
        cached = list(
            Membership.objects.for_user(user, organisation).values_list(
                "role", "service_area_id"
            )
        )
        setattr(user, cache_key, cached)
    return cached


def roles_of(
    user, organisation: Organisation, area: ServiceArea | None = None
) -> set[str]:
    """Roles the user holds in the organisation; with an area, those valid there."""
    if not user.is_authenticated:
        return set()
    area_id = area.pk if area is not None else None
    return _roles_in_area(user, organisation, area_id)


def _roles_in_area(user, organisation: Organisation, area_id: int | None) -> set[str]:
    return {
        role
        for role, role_area in _memberships(user, organisation)
        if role_area is None or role_area == area_id
    }


def all_roles(user, organisation: Organisation) -> set[str]:
    """Every role the user holds in the organisation, whatever its area."""
    if not user.is_authenticated:
        return set()
    return {role for role, _area in _memberships(user, organisation)}


def is_staff_member(user, organisation: Organisation) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or bool(all_roles(user, organisation))


def _member_of(user, organisation: Organisation) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and getattr(user, "organisation_id", None) == organisation.pk
    )


def _area_id_of(obj: Any, area: ServiceArea | None) -> int | None:
    if area is not None:
        return area.pk
    if obj is None:
        return None
    if hasattr(obj, "permission_area_id"):
        return obj.permission_area_id
    return getattr(obj, "service_area_id", None)


def _is_owner(user, rule: Rule, obj: Any) -> bool:
    return obj is not None and any(
        getattr(obj, f"{field}_id", None) == user.pk for field in rule.owners
    )


def can(
    user,
    permission: str,
    organisation: Organisation,
    obj: Any = None,
    *,
    area: ServiceArea | None = None,
) -> bool:
    """Whether ``user`` holds ``permission`` in ``organisation`` for ``obj``.

    Without an object an area-scoped permission needs an organisation-wide role
    (or ``area``); use ``can_somewhere`` to ask "in at least one area".
    """
    rule = rule_for(permission)
    if obj is not None and getattr(obj, "organisation_id", organisation.pk) != (
        organisation.pk
    ):
        return False
    if rule.when is not None and obj is not None and not rule.when(obj):
        return False
    if rule.public:
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not _member_of(user, organisation):
        return False
    if rule.residents or _is_owner(user, rule, obj):
        return True
    if rule.area_scoped:
        held = _roles_in_area(user, organisation, _area_id_of(obj, area))
    else:
        held = all_roles(user, organisation)
    return Role.ADMINISTRATOR in held or bool(held & rule.roles)


def can_somewhere(user, permission: str, organisation: Organisation) -> bool:
    """Whether ``user`` could hold ``permission`` for some object: the check a list
    page or an API call makes before it loads or validates anything."""
    rule = rule_for(permission)
    if rule.public:
        return True
    if not _member_of(user, organisation) and not (
        user.is_authenticated and user.is_superuser
    ):
        return False
    if user.is_superuser or rule.residents or rule.owners:
        return True
    return areas_where(user, permission, organisation) != []


def areas_where(user, permission: str, organisation: Organisation) -> list[int] | None:
    """Service-area ids where the user holds the permission through a role.

    None means every area (an organisation-wide role); an empty list means none.
    Querysets use it to show each person the rows of their areas.
    """
    rule = rule_for(permission)
    if not user.is_authenticated:
        return []
    if user.is_superuser:
        return None
    if not _member_of(user, organisation):
        return []
    allowed = rule.roles | {Role.ADMINISTRATOR}
    area_ids = []
    for role, area_id in _memberships(user, organisation):
        if role in allowed:
            if area_id is None or not rule.area_scoped:
                return None
            area_ids.append(area_id)
    return area_ids


def require(
    request: HttpRequest,
    permission: str,
    obj: Any = None,
    *,
    area: ServiceArea | None = None,
) -> None:
    """Raise unless the request's person holds ``permission`` (for ``obj``)."""
    if can(request.user, permission, request.organisation, obj, area=area):
        return
    if not request.user.is_authenticated:
        raise NotSignedIn
    raise PermissionDenied
