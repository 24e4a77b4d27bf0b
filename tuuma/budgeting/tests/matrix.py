"""Budgeting objects for the permission matrix (tuuma/organisation/tests)."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from tuuma.budgeting import advisory
from tuuma.budgeting.builders import round_with_proposals
from tuuma.budgeting.choices import Phase
from tuuma.budgeting.models import ProposalImage
from tuuma.hearings.models import Matter

# The smallest GIF: one transparent pixel.
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04"
    b"\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def objects(org, cast, area) -> list:
    """A draft round, a round in its vote, one of its proposals with an
    image, both rounds' areas, and a draft and an open advisory vote."""
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
    proposal = voting.proposals.get()
    image = ProposalImage.objects.create(
        organisation=org,
        proposal=proposal,
        image=SimpleUploadedFile("kuva.gif", GIF),
        alt_text="Penkit",
        content_type="image/gif",
    )
    areas = [draft.areas.get(), voting.areas.get()]
    return [draft, voting, proposal, image, *areas, *polls]
