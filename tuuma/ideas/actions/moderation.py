"""Reports, moderators' decisions (hide or restore, with a reason the author
sees) and blocks."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.ideas import notify
from tuuma.ideas.actions.common import IdeaActionError, lock_idea, refuse_blocked
from tuuma.ideas.models import Block, Comment, Idea, ModerationDecision, Report
from tuuma.organisation.models import Organisation

# Pending reports that hide content until a moderator decides: more than one
# person has to object, yet abuse is out of sight before a moderator is at work.
AUTO_HIDE_REPORTS = 3


@transaction.atomic
def report_create(
    *, idea: Idea, reporter: User, reason: str, comment: Comment | None = None
) -> Report:
    """Report content; three pending reports hide it until a moderator decides.

    The idea row is locked first, so simultaneous reports are counted in turn and
    the third one always hides.
    """
    refuse_blocked(reporter, idea.organisation)
    locked = lock_idea(idea)
    try:
        with transaction.atomic():
            report = Report.objects.create(
                organisation=idea.organisation,
                idea=idea,
                comment=comment,
                reporter=reporter,
                reason=reason,
            )
    except IntegrityError:
        return Report.objects.get(idea=idea, comment=comment, reporter=reporter)
    pending = Report.objects.filter(
        idea=idea, comment=comment, resolved_at__isnull=True
    ).count()
    target = Comment.objects.get(pk=comment.pk) if comment else locked
    if pending >= AUTO_HIDE_REPORTS and not target.is_hidden:
        target.is_hidden = True
        target.hidden_reason = str(_("Hidden automatically after several reports."))
        target.save(update_fields=["is_hidden", "hidden_reason"])
        ModerationDecision.objects.create(
            organisation=idea.organisation,
            idea=idea,
            comment=comment,
            action=ModerationDecision.Action.AUTO_HIDE,
        )
    notify.reported(report=report)
    return report


def _decide(
    *, idea: Idea, comment: Comment | None, by: User, reason: str, hide: bool
) -> ModerationDecision:
    if not reason.strip():
        raise IdeaActionError(_("Give a reason; the author will see it."))
    target = comment or lock_idea(idea)
    target.is_hidden = hide
    target.hidden_reason = reason if hide else ""
    target.save(update_fields=["is_hidden", "hidden_reason"])
    if comment is None:
        idea.is_hidden, idea.hidden_reason = target.is_hidden, target.hidden_reason
    Report.objects.filter(idea=idea, comment=comment, resolved_at__isnull=True).update(
        resolved_at=timezone.now()
    )
    decision = ModerationDecision.objects.create(
        organisation=idea.organisation,
        idea=idea,
        comment=comment,
        action=ModerationDecision.Action.HIDE
        if hide
        else ModerationDecision.Action.RESTORE,
        reason=reason,
        by=by,
    )
    notify.moderated(decision=decision)
    return decision


@transaction.atomic
def content_hide(
    *, idea: Idea, by: User, reason: str, comment: Comment | None = None
) -> ModerationDecision:
    return _decide(idea=idea, comment=comment, by=by, reason=reason, hide=True)


@transaction.atomic
def content_restore(
    *, idea: Idea, by: User, reason: str, comment: Comment | None = None
) -> ModerationDecision:
    return _decide(idea=idea, comment=comment, by=by, reason=reason, hide=False)


@transaction.atomic
def user_block(
    *, organisation: Organisation, user: User, by: User, reason: str
) -> Block:
    if not reason.strip():
        raise IdeaActionError(_("Give a reason; the author will see it."))
    if user.pk == by.pk:
        raise IdeaActionError(_("You cannot block yourself."))
    block, _created = Block.objects.update_or_create(
        organisation=organisation, user=user, defaults={"reason": reason, "by": by}
    )
    return block


@transaction.atomic
def user_unblock(*, organisation: Organisation, user: User) -> bool:
    deleted, _rows = Block.objects.filter(organisation=organisation, user=user).delete()
    return bool(deleted)
