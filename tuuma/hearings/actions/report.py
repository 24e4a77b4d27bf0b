"""The closing report, "what we heard": themes, quotes, responses, publishing."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.hearings.actions.common import HearingError, lock_hearing
from tuuma.hearings.choices import Response
from tuuma.hearings.models import Comment, Hearing, Notified, Section, Theme
from tuuma.jobs.mail import queue_email

TITLE_MAX = 200


def _refuse_unless_ended(hearing: Hearing) -> None:
    if not Hearing.objects.get(pk=hearing.pk).has_ended:
        raise HearingError(_("Themes are written after the hearing has closed."))


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise HearingError(_("Give the theme a name."))
    return title[:TITLE_MAX]


@transaction.atomic
def theme_create(*, hearing: Hearing, section: Section | None, title: str) -> Theme:
    _refuse_unless_ended(hearing)
    if section is not None and section.hearing_id != hearing.pk:
        raise HearingError(_("That section is not part of this hearing."))
    return Theme.objects.create(
        organisation=hearing.organisation,
        hearing=hearing,
        section=section,
        title=_clean_title(title),
        position=hearing.themes.filter(section=section).count(),
    )


@transaction.atomic
def theme_rename(*, theme: Theme, title: str) -> Theme:
    theme.title = _clean_title(title)
    theme.save(update_fields=["title"])
    return theme


@transaction.atomic
def theme_merge(*, theme: Theme, into: Theme) -> Theme:
    """Move the theme's comments into another theme of the same section."""
    if theme.pk == into.pk or theme.section_id != into.section_id:
        raise HearingError(_("Merge into another theme of the same section."))
    theme.comments.update(theme=into)
    theme.delete()
    return into


@transaction.atomic
def comment_assign(*, comment: Comment, theme: Theme | None) -> Comment:
    """Put a comment in a theme of its own section (None: take it out)."""
    _refuse_unless_ended(comment.hearing)
    if theme is not None and (
        theme.hearing_id != comment.hearing_id or theme.section_id != comment.section_id
    ):
        raise HearingError(_("Choose a theme of the comment's own section."))
    comment.theme = theme
    if theme is None:
        comment.is_quote = False
    comment.save(update_fields=["theme", "is_quote"])
    return comment


@transaction.atomic
def comment_quote(*, comment: Comment, quote: bool) -> Comment:
    if quote and (comment.theme_id is None or not comment.is_shown):
        raise HearingError(_("Only a shown comment in a theme can be a quote."))
    comment.is_quote = quote
    comment.save(update_fields=["is_quote"])
    return comment


@transaction.atomic
def theme_respond(*, theme: Theme, response: str, reason: str) -> Theme:
    """The response the hearing guide requires: what was done with it, and why."""
    if response not in Response.values:
        raise HearingError(_("Choose adopted, partly adopted or not adopted."))
    if not reason.strip():
        raise HearingError(_("Write the reason for the response."))
    theme.response = response
    theme.reason = reason.strip()
    theme.save(update_fields=["response", "reason"])
    return theme


@transaction.atomic
def report_publish(*, hearing: Hearing, by: User, summary: str = "") -> Hearing:
    """Publish the report once every theme has its response; tell the commenters."""
    hearing = lock_hearing(hearing)
    if not hearing.has_ended:
        raise HearingError(_("The report is published after the hearing has closed."))
    themes = list(hearing.themes.all())
    if not themes:
        raise HearingError(_("Group the comments into at least one theme first."))
    missing = [t.title for t in themes if not t.is_answered]
    if missing:
        raise HearingError(
            _("Every theme needs a response and its reason. Missing: %(themes)s")
            % {"themes": ", ".join(missing)}
        )
    first_time = hearing.report_published_at is None
    hearing.report_summary = summary.strip() or hearing.report_summary
    hearing.report_published_at = timezone.now()
    hearing.save(update_fields=["report_summary", "report_published_at"])
    audit_record(
        organisation=hearing.organisation,
        actor=by,
        action="hearings.report_publish",
        target=hearing,
        details={"first_time": first_time, "themes": len(themes)},
    )
    _notify_commenters(hearing)
    return hearing


def _notify_commenters(hearing: Hearing) -> int:
    """Each signed-in commenter hears once, in their own language."""
    authors = User.objects.filter(
        pk__in=hearing.comments.filter(author__isnull=False).values("author")
    )
    sent = 0
    for author in authors:
        try:
            with transaction.atomic():
                Notified.objects.create(
                    organisation=hearing.organisation, hearing=hearing, user=author
                )
        except IntegrityError:
            continue
        queue_email(
            to=author.email,
            language=author.preferred_language,
            subject_template="hearings/email/report_subject.txt",
            body_template="hearings/email/report_body.txt",
            context={"hearing": hearing, "person": author},
        )
        sent += 1
    return sent
