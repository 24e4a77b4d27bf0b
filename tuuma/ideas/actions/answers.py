"""The official answer in two steps (written, then published) and merging
duplicates."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.ideas.actions.common import TRANSITIONS, IdeaActionError, lock_idea
from tuuma.ideas.actions.lifecycle import idea_change_status
from tuuma.ideas.models import (
    PUBLIC_STATUSES,
    Follow,
    Idea,
    IdeaEvent,
    IdeaOutcome,
    IdeaStatus,
    Support,
)


@transaction.atomic
def idea_answer(
    *,
    idea: Idea,
    by: User,
    outcome: str,
    text: str,
    case_number: str = "",
    forwarded_to: str = "",
) -> Idea:
    """Write (or rewrite) the official answer. It stays private until published."""
    locked = lock_idea(idea)
    # An answer is written while the idea is public and unanswered; writing again
    # replaces the unpublished text (the written answer is a draft until published).
    if locked.status not in {IdeaStatus.PUBLISHED, IdeaStatus.UNDER_REVIEW}:
        raise IdeaActionError(_("This idea cannot be answered now."))
    # "Merged" is set only by idea_merge, which also moves supports and followers.
    if outcome == IdeaOutcome.MERGED:
        raise IdeaActionError(_("Merge the idea instead."))
    if not text.strip():
        raise IdeaActionError(_("Write the answer."))
    if outcome == IdeaOutcome.FORWARDED and not forwarded_to.strip():
        raise IdeaActionError(_("Say who the idea was forwarded to."))
    locked.outcome = outcome
    locked.answer_text = text
    locked.answer_case_number = case_number
    locked.answer_forwarded_to = forwarded_to
    locked.answered_by = by
    locked.answered_at = timezone.now()
    locked.save()
    return locked


@transaction.atomic
def idea_publish_answer(*, idea: Idea, by: User) -> IdeaEvent:
    """Make the written answer public: the idea becomes answered."""
    locked = lock_idea(idea)
    if not locked.outcome or not locked.answered_at:
        raise IdeaActionError(_("Write the answer before publishing it."))
    return idea_change_status(
        idea=idea, to_status=IdeaStatus.ANSWERED, by=by, public_text=locked.answer_text
    )


def ideas_publish_answers(*, ideas: Iterable[Idea], by: User) -> int:
    """Publish many written answers; each idea is its own transaction."""
    published = 0
    for idea in ideas:
        try:
            idea_publish_answer(idea=idea, by=by)
        except IdeaActionError:
            continue
        published += 1
    return published


@transaction.atomic
def idea_merge(*, idea: Idea, into: Idea, by: User, public_text: str = "") -> IdeaEvent:
    """Merge a duplicate into another idea; supports and followers move over.

    The duplicate's author and followers are told first, then the followers and
    supports move (a person supporting both keeps one support).
    """
    if into.pk == idea.pk or into.organisation_id != idea.organisation_id:
        raise IdeaActionError(_("Choose another idea of this organisation."))
    # Both rows are locked in id order, so two merges of the same pair in opposite
    # directions wait for each other instead of deadlocking.
    for one in sorted([idea, into], key=lambda i: i.pk):
        lock_idea(one)
    locked = Idea.objects.get(pk=idea.pk)
    survivor = Idea.objects.get(pk=into.pk)
    if survivor.merged_into_id or survivor.outcome == IdeaOutcome.MERGED:
        raise IdeaActionError(_("That idea has itself been merged."))
    # The duplicate's followers move to the survivor, so it must be visible to
    # all of them: published, not hidden, not staff-only if the duplicate is public.
    if (
        survivor.status not in PUBLIC_STATUSES
        or survivor.is_hidden
        or (survivor.is_staff_only and not locked.is_staff_only)
    ):
        raise IdeaActionError(
            _(
                "Merge only into a published idea that everyone who sees this one can see."
            )
        )
    if locked.status not in TRANSITIONS[IdeaStatus.ANSWERED]:
        raise IdeaActionError(_("This idea cannot be merged now."))
    text = public_text or str(_("This idea was merged into another one."))
    locked.merged_into = survivor
    locked.outcome = IdeaOutcome.MERGED
    locked.answer_text = text
    locked.answered_by = by
    locked.answered_at = timezone.now()
    locked.save()
    event = idea_change_status(
        idea=idea, to_status=IdeaStatus.ANSWERED, by=by, public_text=text
    )
    # Supports are unique per person and idea: whoever supported both keeps one,
    # and the survivor's counter grows by exactly the rows that moved.
    moved = (
        Support.objects.filter(idea=idea)
        .exclude(user__in=Support.objects.filter(idea=survivor).values("user"))
        .update(idea=survivor)
    )
    Support.objects.filter(idea=idea).delete()
    Follow.objects.filter(idea=idea).exclude(
        user__in=Follow.objects.filter(idea=survivor).values("user")
    ).update(idea=survivor)
    Idea.objects.filter(pk=survivor.pk).update(support_count=F("support_count") + moved)
    Idea.objects.filter(pk=idea.pk).update(support_count=0)
    idea.refresh_from_db()
    return event
