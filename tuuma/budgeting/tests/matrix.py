"""Budgeting objects for the permission matrix (tuuma/organisation/tests)."""

from tuuma.budgeting.builders import round_with_proposals
from tuuma.budgeting.choices import Phase


def objects(org, cast, area) -> list:
    """A draft round, a round in its vote, and one of its proposals."""
    draft = round_with_proposals(
        organisation=org,
        lead=cast.productivity_lead,
        author=cast.resident,
        areas=[("Keskusta", 100)],
        proposals={},
        to_phase=Phase.DRAFT,
    )
    voting = round_with_proposals(
        organisation=org,
        lead=cast.productivity_lead,
        author=cast.resident,
        areas=[("Keskusta", 100)],
        proposals={"Keskusta": [("Penkit", 60)]},
    )
    return [draft, voting, voting.proposals.get()]
