"""Budgeting objects for the permission matrix (tuuma/organisation/tests)."""

import datetime

from tuuma.budgeting import advisory
from tuuma.budgeting.builders import round_with_proposals
from tuuma.budgeting.choices import Phase
from tuuma.hearings.models import Matter


def objects(org, cast, area) -> list:
    """A draft round, a round in its vote, one of its proposals, and a draft
    and an open advisory vote."""
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
    matter = Matter.objects.create(
        organisation=org,
        title="Koulujen verkko",
        description="-",
        phase="decision",
        is_published=True,
    )
    polls = [
        advisory.advisory_create(
            matter=matter,
            by=cast.productivity_lead,
            question=question,
            options=["Kyllä", "Ei"],
            closes_on=datetime.date(2026, 12, 31),
        )
        for question in ("Luonnos?", "Avoin?")
    ]
    advisory.advisory_open(vote=polls[1], by=cast.productivity_lead)
    return [draft, voting, voting.proposals.get(), *polls]
