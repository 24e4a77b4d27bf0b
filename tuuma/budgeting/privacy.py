"""Personal data in budgeting: proposals written, supports, and where one voted.

What a person chose is not theirs to download after the close, because nothing
links it to them any more; while the vote is open their own ballot is shown.
"""

from django.db import transaction

from tuuma.budgeting.models import ProposalAuthor, ProposalSupport, VoterRecord
from tuuma.budgeting.voting import own_ballot


def personal_data(user) -> dict:
    records = VoterRecord.objects.filter(user=user).select_related("area__round")
    return {
        "budgeting_proposals": list(
            ProposalAuthor.objects.filter(user=user).values_list(
                "proposal__title", flat=True
            )
        ),
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
    the link to the author is removed."""
    ProposalSupport.objects.filter(user=user).delete()
    ProposalAuthor.objects.filter(user=user).delete()
    VoterRecord.objects.filter(user=user).update(user=None, ballot=None)
