import pytest

from conftest import ROLE_KEYS
from tuuma.organisation.permissions import (
    areas_where,
    can,
    is_staff_member,
    rules,
)
from tuuma.organisation.roles import Role

pytestmark = pytest.mark.django_db

# The expected answer of every role for a sample of permissions (area = `area`).
EXPECTED = {
    "ideas.moderate": {"moderator", "administrator"},
    "ideas.view_staff_only": {
        "employee",
        "moderator",
        "process_owner",
        "productivity_lead",
        "caselog_analyst",
        "manager",
        "administrator",
    },
    "programme.change_measure": {"productivity_lead", "manager", "administrator"},
    "caselog.view": {
        "caselog_analyst",
        "productivity_lead",
        "manager",
        "administrator",
    },
    "organisation.manage": {"administrator"},
}


@pytest.mark.parametrize("permission", sorted(EXPECTED))
@pytest.mark.parametrize("role_key", [key for key, _role, _scoped in ROLE_KEYS])
def test_each_role_holds_exactly_its_permissions(cast, org, area, permission, role_key):
    expected = role_key in EXPECTED[permission]
    assert can(cast[role_key], permission, org, area=area) is expected


def test_area_scoped_role_does_not_reach_another_area(cast, org, other_area):
    assert (
        can(cast.productivity_lead, "programme.change_measure", org, area=other_area)
        is False
    )
    assert can(cast.manager, "programme.change_measure", org, area=other_area) is True


def test_areas_where_lists_the_scoped_areas(cast, org, area):
    assert areas_where(cast.productivity_lead, "programme.change_measure", org) == [
        area.pk
    ]
    assert areas_where(cast.manager, "programme.change_measure", org) is None
    assert areas_where(cast.resident, "programme.change_measure", org) == []


def test_nobody_holds_anything_in_another_organisation(cast, org, other_org, outsider):
    """Beyond what is open to everyone, signed in or not."""
    for permission, rule in rules().items():
        if rule.public:
            continue
        assert can(outsider, permission, org) is False
        assert can(cast.administrator, permission, other_org) is False
    assert is_staff_member(outsider, org) is False


def test_inactive_person_holds_nothing(cast, org):
    cast.administrator.is_active = False
    assert can(cast.administrator, "organisation.manage", org) is False


def test_every_role_is_named_in_some_permission_or_is_administrator():
    named = set().union(*(rule.roles for rule in rules().values()))
    assert set(Role) - named <= {Role.ADMINISTRATOR}
