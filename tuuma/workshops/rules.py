"""Who may do what with workshops.

Staff prepare and run sessions; participants need no account: the participant
pages are public and guarded by the join code and the participant's token.
"""

from tuuma.organisation.permissions import LEADS, STAFF_ROLES, Rule

RULES = {
    "workshops.view": Rule(STAFF_ROLES, describe="List sessions and see their results"),
    "workshops.create": Rule(STAFF_ROLES, describe="Prepare a new workshop session"),
    "workshops.facilitate": Rule(
        LEADS,
        owners=("facilitator",),
        describe="Run a session: steps, moderation, clusters, paper counts, export",
    ),
    "workshops.to_backlog": Rule(
        LEADS,
        owners=("facilitator",),
        describe="Turn a session's results into ideas (and measures)",
    ),
    "workshops.participate": Rule(
        public=True, describe="Join a session by its code and take part"
    ),
}
