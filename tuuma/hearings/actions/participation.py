"""Residents take part: comments, replies, supports, answers; and moderation.

Moderation follows the ideas app: the same blocks (``refuse_blocked``) and the
same threshold of pending reports that hides a comment until a moderator decides.
"""

import hashlib
import hmac
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.hearings.actions.common import (
    HearingError,
    person_key,
    refuse_unless_admitted,
    refuse_unless_open,
)
from tuuma.hearings.choices import QuestionKind
from tuuma.hearings.models import (
    Answer,
    Comment,
    CommentReport,
    Hearing,
    Question,
    Section,
    Support,
)
from tuuma.ideas.actions.common import IdeaActionError, refuse_blocked
from tuuma.ideas.actions.moderation import AUTO_HIDE_REPORTS

COMMENT_MAX = 5_000


def _refuse_blocked(user, hearing: Hearing) -> None:
    if user is None or not user.is_authenticated:
        return
    try:
        refuse_blocked(user, hearing.organisation)
    except IdeaActionError as error:
        raise HearingError(str(error)) from None


def _guard(hearing: Hearing, user) -> None:
    refuse_unless_open(hearing)
    refuse_unless_admitted(hearing, user)
    _refuse_blocked(user, hearing)


def _clean_body(body: str) -> str:
    body = body.strip()
    if not body:
        raise HearingError(_("Write a comment first."))
    if len(body) > COMMENT_MAX:
        raise HearingError(
            _("A comment can be at most %(max)d characters long.")
            % {"max": COMMENT_MAX}
        )
    return body


@transaction.atomic
def comment_create(
    *,
    hearing: Hearing,
    user,
    body: str,
    section: Section | None = None,
    parent: Comment | None = None,
    author_name: str = "",
    visitor_token: str = "",
    language: str = "fi",
    image=None,
) -> Comment:
    """A comment on a section or on the whole (``section`` None), or a reply.

    ``image`` is a checked upload (``tuuma.ideas.forms.CheckedUpload``). A
    visitor's comment gets a private edit token, returned once as
    ``comment.edit_token`` for their edit link."""
    _guard(hearing, user)
    body = _clean_body(body)
    if section is not None and section.hearing_id != hearing.pk:
        raise HearingError(_("That section is not part of this hearing."))
    if parent is not None:
        if parent.hearing_id != hearing.pk or not parent.is_shown:
            raise HearingError(_("That comment cannot be replied to."))
        section, parent = parent.section, parent.parent or parent
    signed_in = user is not None and user.is_authenticated
    comment = Comment(
        organisation=hearing.organisation,
        hearing=hearing,
        section=section,
        section_version=(
            section.versions.order_by("-number").first() if section else None
        ),
        parent=parent,
        author=user if signed_in else None,
        visitor_key="" if signed_in else person_key(None, visitor_token),
        author_name=(
            (author_name.strip() or user.full_name)[:80]
            if signed_in
            else author_name.strip()[:80]
        ),
        body=body,
        language=language[:2],
    )
    edit_token = "" if signed_in else secrets.token_urlsafe(24)
    comment.edit_key = edit_hash(edit_token) if edit_token else ""
    if image is not None:
        comment.image = image.upload
        comment.image_name = image.name[:255]
        comment.image_type = image.content_type
    comment.save()
    comment.edit_token = edit_token
    return comment


def edit_hash(edit_token: str) -> str:
    return hashlib.sha256(edit_token.encode()).hexdigest()


def is_editor(comment: Comment, user, edit_token: str = "") -> bool:
    """The signed-in author, or whoever holds the comment's edit token."""
    if edit_token:
        return bool(comment.edit_key) and hmac.compare_digest(
            comment.edit_key, edit_hash(edit_token)
        )
    return user is not None and user.is_authenticated and comment.author_id == user.pk


def _refuse_unless_editable(comment: Comment, user, edit_token: str) -> Comment:
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if not is_editor(comment, user, edit_token):
        raise HearingError(_("Only the author can change a comment."))
    if comment.withdrawn_at is not None:
        raise HearingError(_("This comment was withdrawn."))
    refuse_unless_open(comment.hearing)
    return comment


@transaction.atomic
def comment_edit(*, comment: Comment, user, body: str, edit_token: str = "") -> Comment:
    """By the signed-in author, or by a visitor with the edit token; a comment
    hidden by a moderator stays hidden."""
    comment = _refuse_unless_editable(comment, user, edit_token)
    comment.body = _clean_body(body)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    return comment


@transaction.atomic
def comment_withdraw(*, comment: Comment, user, edit_token: str = "") -> Comment:
    """The text stays for the author's data download but is no longer shown."""
    comment = _refuse_unless_editable(comment, user, edit_token)
    comment.withdrawn_at = timezone.now()
    comment.save(update_fields=["withdrawn_at"])
    return comment


@transaction.atomic
def comment_support(*, comment: Comment, user, visitor_token: str = "") -> bool:
    """Support once; a second support by the same person is a no-op (False)."""
    _guard(comment.hearing, user)
    if not comment.is_shown:
        raise HearingError(_("That comment cannot be supported."))
    key = person_key(user, visitor_token)
    if comment.author_id is not None and key == f"u{comment.author_id}":
        raise HearingError(_("You cannot support your own comment."))
    try:
        with transaction.atomic():
            Support.objects.create(
                organisation=comment.organisation,
                comment=comment,
                supporter_key=key,
                user=user if user is not None and user.is_authenticated else None,
            )
    except IntegrityError:
        return False
    return True


def _answer_values(question: Question, value) -> dict:
    """Check one submitted value against the question; the fields to store."""
    options = question.option_list
    if question.kind == QuestionKind.TEXT:
        text = (value or "").strip()[:COMMENT_MAX]
        return {"text": text} if text else {}
    if question.kind == QuestionKind.SCALE:
        if value in (None, ""):
            return {}
        if str(value) not in {"1", "2", "3", "4", "5"}:
            raise HearingError(_("Choose a value from 1 to 5."))
        return {"scale": int(value)}
    picked = value if isinstance(value, list | tuple) else [value]
    picked = [str(p) for p in picked if p not in (None, "")]
    if not picked:
        return {}
    if any(not p.isdigit() or int(p) >= len(options) for p in picked):
        raise HearingError(_("Choose from the options given."))
    if question.kind == QuestionKind.SINGLE and len(picked) > 1:
        raise HearingError(_("Choose only one option."))
    return {"choices": sorted({int(p) for p in picked})}


@transaction.atomic
def answers_give(
    *, section: Section, user, values: dict[int, object], visitor_token: str = ""
) -> int:
    """Answer the section's questions; each person answers each question once.

    ``values`` maps question ids to a text, a scale value or option indexes.
    Returns how many answers were stored; an answered question is refused.
    """
    _guard(section.hearing, user)
    key = person_key(user, visitor_token)
    questions = {q.pk: q for q in section.questions.all()}
    prepared = []
    for question_id, value in values.items():
        question = questions.get(question_id)
        if question is None:
            raise HearingError(_("That question is not part of this section."))
        fields = _answer_values(question, value)
        if fields:
            prepared.append((question, fields))
    if Answer.objects.filter(
        question__in=[q for q, _fields in prepared], respondent_key=key
    ).exists():
        raise HearingError(_("You have already answered these questions."))
    for question, fields in prepared:
        try:
            with transaction.atomic():
                Answer.objects.create(
                    organisation=section.organisation,
                    question=question,
                    respondent_key=key,
                    user=user if user is not None and user.is_authenticated else None,
                    **fields,
                )
        except IntegrityError:
            raise HearingError(
                _("You have already answered these questions.")
            ) from None
    return len(prepared)


@transaction.atomic
def comment_report(*, comment: Comment, reporter: User, reason: str) -> CommentReport:
    """Report once per person; the threshold of pending reports hides the comment."""
    _refuse_blocked(reporter, comment.hearing)
    if not reason.strip():
        raise HearingError(_("Tell the moderators what is wrong."))
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    report, _created = CommentReport.objects.get_or_create(
        organisation=comment.organisation,
        comment=locked,
        reporter=reporter,
        defaults={"reason": reason.strip()[:500]},
    )
    pending = locked.reports.filter(resolved_at__isnull=True).count()
    if pending >= AUTO_HIDE_REPORTS and not locked.is_hidden:
        locked.is_hidden = True
        locked.hidden_reason = str(_("Hidden automatically after several reports."))
        locked.save(update_fields=["is_hidden", "hidden_reason"])
        audit_record(
            organisation=comment.organisation,
            actor=None,
            action="hearings.comment_auto_hide",
            target=locked,
        )
    return report


@transaction.atomic
def comment_moderate(*, comment: Comment, by: User, hide: bool, reason: str) -> Comment:
    if not reason.strip():
        raise HearingError(_("Give a reason; the author will see it."))
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    comment.is_hidden = hide
    comment.hidden_reason = reason.strip()[:500] if hide else ""
    comment.save(update_fields=["is_hidden", "hidden_reason"])
    comment.reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
    audit_record(
        organisation=comment.organisation,
        actor=by,
        action="hearings.comment_hide" if hide else "hearings.comment_restore",
        target=comment,
        details={"reason": reason},
    )
    return comment
