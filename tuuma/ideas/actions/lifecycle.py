"""An idea from draft to handling: create, edit, submit, publish, change status,
triage, private notes and attachments."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.ideas import notify
from tuuma.ideas.actions.common import (
    NEEDS_ACCEPTED,
    TRANSITIONS,
    IdeaActionError,
    lock_idea,
    refuse_blocked,
)
from tuuma.ideas.forms import CheckedUpload
from tuuma.ideas.models import (
    Attachment,
    Follow,
    Idea,
    IdeaEvent,
    IdeaKind,
    IdeaOutcome,
    IdeaSettings,
    IdeaStatus,
    ModerationDecision,
    PrivateNote,
)
from tuuma.organisation.models import Organisation, ServiceArea


@transaction.atomic
def idea_change_status(
    *,
    idea: Idea,
    to_status: str,
    by: User | None,
    public_text: str = "",
    notify_people: bool = True,
) -> IdeaEvent:
    """Move ``idea`` to ``to_status``, record the event and queue the e-mails
    (unless ``notify_people`` is false: the caller then writes its own, e.g. the
    programme's "implemented" mail with the measure's figures).

    Asking for the status the idea already has (e.g. a second measure starting)
    records nothing and returns the latest event.
    """
    locked = lock_idea(idea)
    # Several measures may carry one idea; each one starting or finishing asks for
    # the same status, which must neither fail nor write a second event.
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
    # Followers hear only of steps the public can see, and nothing while the idea
    # is hidden (the mail would link to a page they cannot open).
    if notify_people and notify.tells_people(idea=locked, event=event):
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
    refuse_blocked(author, organisation)
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
    # The search vector is computed by the database from the saved text, hence an
    # UPDATE after the INSERT (in the same transaction).
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
    # The author follows their idea from the start, so the answer reaches them
    # without a separate step.
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
    locked = lock_idea(idea)
    newly_responsible = responsible is not None and responsible.pk != (
        locked.responsible_id
    )
    # Who scored, and when, changes only with the scores: re-saving the area does
    # not claim someone re-assessed the idea.
    if (impact_score, effort_score) != (locked.impact_score, locked.effort_score):
        locked.scored_by = by
        locked.scored_at = timezone.now()
    locked.service_area = service_area
    locked.responsible = responsible
    locked.impact_score = impact_score
    locked.effort_score = effort_score
    locked.save()
    # No mail to a person who made themselves responsible.
    if newly_responsible and responsible.pk != by.pk:
        notify.responsible_assigned(idea=locked, by=by)
    return locked


@transaction.atomic
def idea_add_note(*, idea: Idea, by: User, body: str) -> PrivateNote:
    return PrivateNote.objects.create(
        organisation_id=idea.organisation_id, idea=idea, author=by, body=body
    )


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
