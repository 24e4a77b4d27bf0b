"""Workshop sessions for the permission matrix (tuuma/organisation/tests)."""

from tuuma.workshops import actions


def objects(org, cast, area) -> list:
    """A session run by the productivity lead."""
    return [
        actions.session_create(
            organisation=org, by=cast.productivity_lead, title="Pullonkaulat"
        )
    ]
