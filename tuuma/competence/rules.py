"""Who may do what with competence data.

Individual levels are personal data: besides these role rules, a person always
sees their own levels and a supervisor those of the people they supervise in the
unit (``tuuma.competence.visibility`` combines the two). Managers see coverage
figures and counts only, never names.
"""

from tuuma.organisation.permissions import LEADS, STAFF_ROLES, Rule
from tuuma.organisation.roles import Role

LEAD = frozenset({Role.PRODUCTIVITY_LEAD})

RULES = {
    "competence.view": Rule(STAFF_ROLES, describe="Open the competence pages"),
    "competence.find_experts": Rule(STAFF_ROLES, describe="Who can do task X"),
    "competence.view_coverage": Rule(
        LEADS, area_scoped=True, describe="Coverage figures and counts, no names"
    ),
    "competence.view_levels": Rule(
        LEAD, area_scoped=True, describe="Every person's levels in the area's units"
    ),
    "competence.manage": Rule(
        LEAD, area_scoped=True, describe="Tasks, deputies, absences, training needs"
    ),
}
