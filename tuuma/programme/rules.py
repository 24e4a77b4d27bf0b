"""Who may do what in the development programme.

Unpublished measures are seen by staff only (``Measure.objects.visible_to``).
A measure's owner changes it like a lead of its service area.
"""

from tuuma.organisation.permissions import LEADS, STAFF_ROLES, Rule
from tuuma.organisation.roles import Role

RULES = {
    "programme.view": Rule(public=True, describe="Read published goals and measures"),
    "programme.view_own": Rule(
        residents=True, describe="List the measures one owns or takes part in"
    ),
    "programme.view_unpublished": Rule(STAFF_ROLES),
    "programme.manage_strategy": Rule(LEADS),
    "programme.create_measure": Rule(
        frozenset({Role.PROCESS_OWNER}) | LEADS, area_scoped=True
    ),
    "programme.change_measure": Rule(LEADS, area_scoped=True, owners=("owner",)),
    "programme.comment": Rule(STAFF_ROLES),
}
