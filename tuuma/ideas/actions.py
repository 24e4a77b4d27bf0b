"""Everything that changes ideas: HTML views, the API, the programme app and the
demo all call these functions. Each is atomic; e-mails are queued in the same
transaction, so a failure leaves neither half-saved data nor stray mail."""

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.ideas import notify
from tuuma.ideas.forms import CheckedUpload
from tuuma.ideas.models import (
    PUBLIC_STATUSES,
    Attachment,
    Block,
    Comment,
    Follow,
    Idea,
    IdeaEvent,
    IdeaKind,
    IdeaOutcome,
    IdeaSettings,
    IdeaStatus,
    ModerationDecision,
    PrivateNote,
    Report,
    Support,
)
from tuuma.organisation.models import Organisation, ServiceArea

AUTO_HIDE_REPORTS = 3


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


def _lock(idea: Idea) -> Idea:
    """Re-read the idea under a row lock (a no-op on SQLite, which serialises)."""
    return Idea.objects.select_for_update().get(pk=idea.pk)


def _refuse_blocked(user: User, organisation: Organisation) -> None:
    if (
        user is not None
        and Block.objects.filter(organisation=organisation, user=user).exists()
    ):
        raise IdeaActionError(_("You have been blocked from taking part."))


@transaction.atomic
def idea_change_status(
    *, idea: Idea, to_status: str, by: User | None, public_text: str = ""
) -> IdeaEvent:
    """Move ``idea`` to ``to_status``, record the event and queue the e-mails.

    Asking for the status the idea already has (e.g. a second measure starting)
    records nothing and returns the latest event.
    """
    locked = _lock(idea)
    if locked.status == to_status and to_status in NEEDS_ACCEPTED:
        return locked.events.filter(to_status=to_status).last()
    allowed_from = TRANSITIONS.get(to_status, set())
    if locked.status not in allowed_from or (
        to_status in NEEDS_ACCEPTED and locked.outcome != IdeaOutcome.ACCEPTED
    ):
        raise IdeaActionError(
            _("An idea cannot move from “%(from)s” to “%(to)s”.")
            % {
                "from": IdeaStatus(locked.status).label,
                "to": IdeaStatus(to_status).label,
            }
        )
    now = timezone.now()
    from_status = locked.status
    locked.status = to_status
    if to_status == IdeaStatus.SUBMITTED:
        locked.submitted_at = now
    if to_status == IdeaStatus.PUBLISHED:
        locked.published_at = now
    if to_status == IdeaStatus.ANSWERED:
        locked.answer_published_at = now
    locked.save()
    event = IdeaEvent.objects.create(
        organisation_id=locked.organisation_id,
        idea=locked,
        by=by,
        from_status=from_status,
        to_status=to_status,
        outcome=locked.outcome if to_status == IdeaStatus.ANSWERED else "",
        public_text=public_text,
    )
    if event.is_public and not locked.is_hidden:
        notify.status_changed(idea=locked, event=event)
    idea.refresh_from_db()
    return event


@transaction.atomic
def idea_create(
    *,
    organisation: Organisation,
    author: User | None,
    kind: str,
    title: str,
    body: str,
    service_area: ServiceArea | None = None,
    location_name: str = "",
    is_staff_only: bool = False,
    contact_email: str = "",
    attachments: Iterable[CheckedUpload] = (),
    submit: bool = True,
) -> Idea:
    """A new idea with its (already checked) attachments: a draft, or submitted."""
    if (
        author is None
        and not IdeaSettings.for_organisation(organisation).allow_anonymous
    ):
        raise IdeaActionError(_("Log in to submit an idea."))
    _refuse_blocked(author, organisation)
    if kind == IdeaKind.STAFF_INITIATIVE and author is None:
        raise IdeaActionError(_("Only staff can submit a staff initiative."))
    idea = Idea.objects.create(
        organisation=organisation,
        author=author,
        kind=kind,
        title=title,
        body=body,
        service_area=service_area,
        location_name=location_name,
        is_staff_only=is_staff_only,
        contact_email=contact_email,
    )
    Idea.objects.filter(pk=idea.pk).refresh_search()
    for checked in attachments:
        attachment_add(idea=idea, checked=checked)
    if submit:
        idea_submit(idea=idea, by=author)
    return idea


@transaction.atomic
def idea_update_draft(*, idea: Idea, **fields) -> Idea:
    """Change a draft (the author's own, before submitting)."""
    if idea.status != IdeaStatus.DRAFT:
        raise IdeaActionError(_("Only a draft can be edited."))
    for name, value in fields.items():
        setattr(idea, name, value)
    idea.save()
    Idea.objects.filter(pk=idea.pk).refresh_search()
    return idea


@transaction.atomic
def idea_submit(*, idea: Idea, by: User | None) -> Idea:
    """Draft → submitted; without pre-moderation it is published straight away."""
    idea_change_status(idea=idea, to_status=IdeaStatus.SUBMITTED, by=by)
    if idea.author_id:
        Follow.objects.get_or_create(
            idea=idea,
            user_id=idea.author_id,
            defaults={"organisation_id": idea.organisation_id},
        )
    if not IdeaSettings.for_organisation(idea.organisation).pre_moderation:
        idea_change_status(idea=idea, to_status=IdeaStatus.PUBLISHED, by=None)
    return idea


@transaction.atomic
def idea_publish(*, idea: Idea, by: User) -> IdeaEvent:
    """A moderator lets a pre-moderated idea through."""
    ModerationDecision.objects.create(
        organisation=idea.organisation,
        idea=idea,
        action=ModerationDecision.Action.PUBLISH,
        by=by,
    )
    return idea_change_status(idea=idea, to_status=IdeaStatus.PUBLISHED, by=by)


@transaction.atomic
def idea_triage(
    *,
    idea: Idea,
    by: User,
    service_area: ServiceArea | None,
    responsible: User | None,
    impact_score: int | None,
    effort_score: int | None,
) -> Idea:
    """Assign the area and the responsible person and score impact and effort."""
    locked = _lock(idea)
    newly_responsible = responsible is not None and responsible.pk != (
        locked.responsible_id
    )
    if (impact_score, effort_score) != (locked.impact_score, locked.effort_score):
        locked.scored_by = by
        locked.scored_at = timezone.now()
    locked.service_area = service_area
    locked.responsible = responsible
    locked.impact_score = impact_score
    locked.effort_score = effort_score
    locked.save()
    if newly_responsible and responsible.pk != by.pk:
        notify.responsible_assigned(idea=locked, by=by)
    return locked


@transaction.atomic
def idea_add_note(*, idea: Idea, by: User, body: str) -> PrivateNote:
    return PrivateNote.objects.create(
        organisation_id=idea.organisation_id, idea=idea, author=by, body=body
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
    locked = _lock(idea)
    if locked.status not in {IdeaStatus.PUBLISHED, IdeaStatus.UNDER_REVIEW}:
        raise IdeaActionError(_("This idea cannot be answered now."))
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
    locked = _lock(idea)
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
    for one in sorted([idea, into], key=lambda i: i.pk):
        _lock(one)
    locked = Idea.objects.get(pk=idea.pk)
    survivor = Idea.objects.get(pk=into.pk)
    if survivor.merged_into_id or survivor.outcome == IdeaOutcome.MERGED:
        raise IdeaActionError(_("That idea has itself been merged."))
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


def _refuse_unless_open(idea: Idea) -> None:
    """Participation only on a published, visible idea (read from the database)."""
    current = Idea.objects.filter(pk=idea.pk).values(
        "status", "is_hidden", "merged_into"
    )[0]
    if current["is_hidden"] or current["status"] not in PUBLIC_STATUSES:
        raise IdeaActionError(_("This idea is not open for participation."))
    if current["merged_into"]:
        raise IdeaActionError(_("This idea was merged; support the other one."))


def idea_support(*, idea: Idea, user: User) -> bool:
    """Support once; repeating is harmless. True when a support was added.

    The unique row decides: under concurrent clicks exactly one insert wins
    and the counter moves with F() in the same transaction.
    """
    _refuse_unless_open(idea)
    _refuse_blocked(user, idea.organisation)
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
    _refuse_unless_open(idea)
    _refuse_blocked(author, idea.organisation)
    if parent is not None and (parent.idea_id != idea.pk or parent.parent_id):
        raise IdeaActionError(_("You can only reply to a comment on this idea."))
    return Comment.objects.create(
        organisation_id=idea.organisation_id,
        idea=idea,
        author=author,
        body=body,
        parent=parent,
    )


@transaction.atomic
def report_create(
    *, idea: Idea, reporter: User, reason: str, comment: Comment | None = None
) -> Report:
    """Report content; three pending reports hide it until a moderator decides.

    The idea row is locked first, so simultaneous reports are counted in turn and
    the third one always hides.
    """
    _refuse_blocked(reporter, idea.organisation)
    locked = _lock(idea)
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
    target = comment or _lock(idea)
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


@transaction.atomic
def attachment_add(*, idea: Idea, checked: CheckedUpload) -> Attachment:
    """Store an upload checked by ``AttachmentsField`` under a generated name."""
    attachment = Attachment(
        organisation_id=idea.organisation_id,
        idea=idea,
        original_name=checked.name[:255],
        content_type=checked.content_type,
        size=checked.upload.size,
    )
    attachment.file.save(checked.name, checked.upload, save=False)
    attachment.save()
    return attachment
