"""What every idea action shares: the refusal, the status graph and the guards."""

from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.ideas.models import PUBLIC_STATUSES, Block, Idea, IdeaStatus
from tuuma.organisation.models import Organisation


class IdeaActionError(Exception):
    """A refused operation; ``str(error)`` is a translated message for people."""


# to_status: statuses it may be reached from (the outcome rule is checked apart).
TRANSITIONS: dict[str, set[str]] = {
    IdeaStatus.SUBMITTED: {IdeaStatus.DRAFT},
    IdeaStatus.PUBLISHED: {IdeaStatus.SUBMITTED},
    IdeaStatus.UNDER_REVIEW: {IdeaStatus.PUBLISHED},
    IdeaStatus.ANSWERED: {IdeaStatus.PUBLISHED, IdeaStatus.UNDER_REVIEW},
    IdeaStatus.IN_PROGRESS: {IdeaStatus.ANSWERED},
    IdeaStatus.IMPLEMENTED: {IdeaStatus.ANSWERED, IdeaStatus.IN_PROGRESS},
}
NEEDS_ACCEPTED = {IdeaStatus.IN_PROGRESS, IdeaStatus.IMPLEMENTED}


def lock_idea(idea: Idea) -> Idea:
    """Re-read the idea under a row lock (a no-op on SQLite, which serialises)."""
    return Idea.objects.select_for_update().get(pk=idea.pk)


def refuse_blocked(user: User, organisation: Organisation) -> None:
    if (
        user is not None
        and Block.objects.filter(organisation=organisation, user=user).exists()
    ):
        raise IdeaActionError(_("You have been blocked from taking part."))


def refuse_unless_open(idea: Idea) -> None:
    """Participation only on a published, visible idea (read from the database)."""
    current = Idea.objects.filter(pk=idea.pk).values(
        "status", "is_hidden", "merged_into"
    )[0]
    if current["is_hidden"] or current["status"] not in PUBLIC_STATUSES:
        raise IdeaActionError(_("This idea is not open for participation."))
    if current["merged_into"]:
        raise IdeaActionError(_("This idea was merged; support the other one."))
