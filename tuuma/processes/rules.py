"""Who may do what with processes (see tuuma/organisation/permissions.py).

Which processes a person sees at all is ``Process.objects.visible_to``: staff
every one, residents and visitors the published processes in use.
"""

from tuuma.organisation.permissions import STAFF_ROLES, Rule
from tuuma.organisation.roles import Role

LEAD = frozenset({Role.PRODUCTIVITY_LEAD})


def _not_retired(process) -> bool:
    return process.status != "retired"


def _open_review(review) -> bool:
    return review.status == "scheduled"


RULES = {
    "processes.view": Rule(public=True, describe="Read a visible process"),
    "processes.view_all": Rule(
        STAFF_ROLES, describe="Read every process, drafts and unpublished included"
    ),
    "processes.create": Rule(
        LEAD, area_scoped=True, describe="Add processes to the catalogue"
    ),
    "processes.edit": Rule(
        LEAD,
        area_scoped=True,
        owners=("owner", "deputy"),
        when=_not_retired,
        describe="Edit a process, its versions and steps",
    ),
    "processes.comment": Rule(STAFF_ROLES, describe="Comment on a process version"),
    "processes.review": Rule(
        LEAD,
        area_scoped=True,
        owners=("owner", "deputy"),
        when=_open_review,
        describe="Record an annual review",
    ),
    "processes.acknowledge_owner": Rule(
        owners=("owner",), describe="Acknowledge a review as the process owner"
    ),
    "processes.acknowledge_lead": Rule(
        LEAD, area_scoped=True, describe="Acknowledge a review as productivity lead"
    ),
    "processes.schedule_reviews": Rule(
        LEAD, describe="Set the review cycle and schedule the year's reviews"
    ),
}
