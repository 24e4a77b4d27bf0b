"""Who may do what with ideas (see tuuma/organisation/permissions.py).

Which ideas a person sees at all is ``Idea.objects.visible_to``: public ideas for
everyone, staff-only ones for staff, those waiting for handling for moderators
and triagers of their areas, and one's own in any state.
"""

from tuuma.organisation.permissions import LEADS, STAFF_ROLES, Rule
from tuuma.organisation.roles import Role


def _is_draft(idea) -> bool:
    return idea.status == "draft"


RULES = {
    "ideas.view": Rule(public=True, describe="Read a visible idea and its comments"),
    "ideas.submit": Rule(
        public=True,
        describe="Propose an idea (anonymously only where the organisation allows)",
    ),
    "ideas.participate": Rule(
        residents=True, describe="Support, comment on, follow and report ideas"
    ),
    "ideas.view_own": Rule(
        residents=True, describe="List one's own ideas in every state, drafts too"
    ),
    "ideas.edit_draft": Rule(
        owners=("author",), when=_is_draft, describe="Edit or submit one's own draft"
    ),
    "ideas.view_staff_only": Rule(STAFF_ROLES),
    "ideas.submit_staff_initiative": Rule(STAFF_ROLES),
    "ideas.moderate": Rule(frozenset({Role.MODERATOR})),
    "ideas.triage": Rule(
        frozenset({Role.MODERATOR, Role.PROCESS_OWNER}) | LEADS, area_scoped=True
    ),
    "ideas.answer": Rule(frozenset({Role.PROCESS_OWNER}) | LEADS, area_scoped=True),
    "ideas.publish_answer": Rule(LEADS, area_scoped=True),
    # The API's status change: the roles that hold at least one of the rights a
    # target status needs. The view then asks for the target's own right
    # (STATUS_PERMISSIONS), which it can know only after reading the body.
    "ideas.change_status": Rule(
        frozenset({Role.MODERATOR, Role.PROCESS_OWNER}) | LEADS,
        describe="Move an idea to another status (the target decides the right)",
    ),
}
