"""Support, follow and comment: a signed-in person on an open idea."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.ideas.actions.common import (
    IdeaActionError,
    refuse_blocked,
    refuse_unless_open,
)
from tuuma.ideas.models import Comment, Follow, Idea, Support


def idea_support(*, idea: Idea, user: User) -> bool:
    """Support once; repeating is harmless. True when a support was added.

    The unique row decides: under concurrent clicks exactly one insert wins
    and the counter moves with F() in the same transaction.
    """
    refuse_unless_open(idea)
    refuse_blocked(user, idea.organisation)
    try:
        with transaction.atomic():
            Support.objects.create(
                organisation_id=idea.organisation_id, idea=idea, user=user
            )
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def idea_unsupport(*, idea: Idea, user: User) -> bool:
    # The counter moves only when a row was deleted, so a double click on
    # "withdraw" cannot take the count below the number of rows.
    deleted, _rows = Support.objects.filter(idea=idea, user=user).delete()
    if deleted:
        Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") - 1)
    return bool(deleted)


def idea_follow(*, idea: Idea, user: User) -> bool:
    _follow, created = Follow.objects.get_or_create(
        idea=idea, user=user, defaults={"organisation_id": idea.organisation_id}
    )
    return created


def idea_unfollow(*, idea: Idea, user: User) -> bool:
    deleted, _rows = Follow.objects.filter(idea=idea, user=user).delete()
    return bool(deleted)


@transaction.atomic
def comment_create(
    *, idea: Idea, author: User, body: str, parent: Comment | None = None
) -> Comment:
    refuse_unless_open(idea)
    refuse_blocked(author, idea.organisation)
    # Replies are one level deep: a reply to a reply would nest without end on a
    # narrow screen, so a reply always attaches to a top-level comment.
    if parent is not None and (parent.idea_id != idea.pk or parent.parent_id):
        raise IdeaActionError(_("You can only reply to a comment on this idea."))
    return Comment.objects.create(
        organisation_id=idea.organisation_id,
        idea=idea,
        author=author,
        body=body,
        parent=parent,
    )
