"""Personal data in budgeting: proposals written (with their places and
images), supports, and where one voted.

What a person chose is not theirs to download after the close, because nothing
links it to them any more; while the vote is open their own ballot is shown.
"""

from django.db import transaction
from django.db.models import Count
from django.urls import reverse

from tuuma.budgeting.models import (
    Proposal,
    ProposalAuthor,
    ProposalImage,
    ProposalSupport,
    VoterRecord,
)
from tuuma.budgeting.voting import own_ballot


def _proposal(proposal) -> dict:
    return {
        "title": proposal.title,
        "location": proposal.location,
        "latitude": str(proposal.latitude) if proposal.has_point else None,
        "longitude": str(proposal.longitude) if proposal.has_point else None,
        "images": [image.alt_text for image in proposal.images.all()],
        "image_urls": [
            reverse("budgeting:proposal-image", args=[image.pk])
            for image in proposal.images.all()
        ],
    }


def personal_data(user) -> dict:
    authorships = (
        ProposalAuthor.objects.filter(user=user)
        .select_related("proposal")
        .prefetch_related("proposal__images")
    )
    records = VoterRecord.objects.filter(user=user).select_related("area__round")
    return {
        "budgeting_proposals": [_proposal(a.proposal) for a in authorships],
        "budgeting_supports": list(
            ProposalSupport.objects.filter(user=user).values_list(
                "proposal__title", flat=True
            )
        ),
        "budgeting_votes": [
            {
                "round": r.area.round.title,
                "area": r.area.name,
                "age_band": r.age_band,
                "voted_on": r.voted_on.isoformat(),
                "open_ballot": own_ballot(r.area, user),
            }
            for r in records
        ],
    }


@transaction.atomic
def erase_person(user, *, remove_public_texts: bool) -> None:
    """Supports and authorships go; a vote stays counted without the person.

    Proposals are the round's shared record (others supported and voted on
    them), so their texts stay even when ``remove_public_texts`` is asked; only
    the link to the author is removed. The images of proposals the person wrote
    alone go then (their files with them, ``signals.py``)."""
    if remove_public_texts:
        # Counted before the filter on the person, so over all the authors.
        alone = Proposal.objects.annotate(author_count=Count("authorships")).filter(
            author_count=1, authorships__user=user
        )
        ProposalImage.objects.filter(proposal__in=alone).delete()
    ProposalSupport.objects.filter(user=user).delete()
    ProposalAuthor.objects.filter(user=user).delete()
    VoterRecord.objects.filter(user=user).update(user=None, ballot=None)
