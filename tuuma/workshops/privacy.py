"""Personal data in workshops: what a signed-in participant wrote and chose.

Anonymous participants are only a token in a cookie: nothing ties them to a
person, so they are not found here (and need no erasing).
"""

from django.db import transaction

from tuuma.workshops.models import Note, Participant, Session


def personal_data(user) -> dict:
    joined = Participant.objects.filter(user=user).select_related("session")
    return {
        "workshops": [
            {
                "session": p.session.title,
                "nickname": p.nickname,
                "group": p.group,
                "joined_at": p.joined_at.isoformat(),
                "notes": list(p.notes.values_list("text", flat=True)),
                "votes": p.votes.count(),
            }
            for p in joined
        ],
        "facilitated": list(
            Session.objects.filter(facilitator=user).values_list("title", flat=True)
        ),
    }


@transaction.atomic
def erase_person(user, *, remove_public_texts: bool) -> None:
    """Cut the link to the person and their nickname; votes stay counted."""
    joined = Participant.objects.filter(user=user)
    if remove_public_texts:
        Note.objects.filter(participant__in=joined).update(text="", is_hidden=True)
    joined.update(user=None, nickname="")
