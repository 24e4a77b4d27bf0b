"""The one place that decides who may do what.

Every capability asks ``can(user, permission, organisation, area=...)``. A permission
names the roles that hold it. For an area-scoped permission, a membership limited to a
service area counts only for objects of that area; organisation-wide memberships
(no area) always count. Administrators of the organisation and platform superusers
hold every permission. Anything not listed here is denied.
"""

from dataclasses import dataclass

from tuuma.organisation.models import Membership, Organisation, ServiceArea
from tuuma.organisation.roles import Role

STAFF_ROLES = frozenset(Role)
LEADS = frozenset({Role.PRODUCTIVITY_LEAD, Role.MANAGER})


@dataclass(frozen=True)
class Rule:
    roles: frozenset[Role]
    area_scoped: bool = False


PERMISSIONS: dict[str, Rule] = {
    # Organisation and people
    "organisation.manage": Rule(frozenset()),
    "api.use_tokens": Rule(STAFF_ROLES),
    # Ideas and feedback
    "ideas.view_staff_only": Rule(STAFF_ROLES),
    "ideas.submit_staff_initiative": Rule(STAFF_ROLES),
    "ideas.moderate": Rule(frozenset({Role.MODERATOR})),
    "ideas.triage": Rule(
        frozenset({Role.MODERATOR, Role.PROCESS_OWNER}) | LEADS, area_scoped=True
    ),
    "ideas.answer": Rule(frozenset({Role.PROCESS_OWNER}) | LEADS, area_scoped=True),
    "ideas.publish_answer": Rule(LEADS, area_scoped=True),
    # Development programme
    "programme.view_unpublished": Rule(STAFF_ROLES),
    "programme.manage_strategy": Rule(LEADS),
    "programme.create_measure": Rule(
        frozenset({Role.PROCESS_OWNER}) | LEADS, area_scoped=True
    ),
    "programme.change_measure": Rule(LEADS, area_scoped=True),
    "programme.comment": Rule(STAFF_ROLES),
    # Case logs
    "caselog.view": Rule(frozenset({Role.CASELOG_ANALYST}) | LEADS),
    "caselog.upload": Rule(frozenset({Role.CASELOG_ANALYST}) | LEADS),
}


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


def can(
    user,
    permission: str,
    organisation: Organisation,
    *,
    area: ServiceArea | None = None,
) -> bool:
    """Whether ``user`` holds ``permission`` in ``organisation`` (for ``area``)."""
    rule = PERMISSIONS[permission]
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if getattr(user, "organisation_id", None) != organisation.pk:
        return False
    if rule.area_scoped:
        held = roles_of(user, organisation, area)
    else:
        held = all_roles(user, organisation)
    if Role.ADMINISTRATOR in held:
        return True
    return bool(held & rule.roles)


def areas_where(user, permission: str, organisation: Organisation) -> list[int] | None:
    """Service-area ids where the user holds an area-scoped permission.

    None means every area (an organisation-wide role); an empty list means none.
    """
    rule = PERMISSIONS[permission]
    if not user.is_authenticated:
        return []
    if user.is_superuser:
        return None
    allowed = rule.roles | {Role.ADMINISTRATOR}
    area_ids = []
    for role, area_id in _memberships(user, organisation):
        if role in allowed:
            if area_id is None or not rule.area_scoped:
                return None
            area_ids.append(area_id)
    return area_ids
