"""Who gets an e-mail about an idea. Each message is rendered in the recipient's
language and delivered by the job queue (``tuuma.jobs.mail.queue_email``), which
also puts it in the person's notification centre."""

from typing import NamedTuple

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.ideas.models import (
    Idea,
    IdeaEvent,
    IdeaStatus,
    ModerationDecision,
    Report,
)
from tuuma.jobs.mail import queue_email
from tuuma.organisation.models import Organisation
from tuuma.organisation.roles import Role

NOTIFICATION_KINDS = {
    "ideas.status": _("An idea I submitted or follow moved on"),
    "ideas.responsible": _("I was made responsible for an idea"),
    "ideas.reported": _("Content was reported (moderators)"),
    "ideas.moderated": _("My idea or comment was moderated"),
}


class Recipient(NamedTuple):
    language: str
    user: User | None  # None for an anonymous proposer's contact address


def site_url(organisation: Organisation) -> str:
    """The organisation's own address, for links in e-mails."""
    return organisation.origin


def _send(
    *, to: str, recipient: Recipient, name: str, context: dict, url: str = ""
) -> None:
    queue_email(
        to=to,
        language=recipient.language,
        subject_template=f"ideas/email/{name}_subject.txt",
        body_template=f"ideas/email/{name}.txt",
        context=context,
        user=recipient.user,
        kind=f"ideas.{name if name != 'status_changed' else 'status'}",
        url=url,
    )


def _to(user: User) -> Recipient:
    return Recipient(user.preferred_language, user)


def tells_people(*, idea: Idea, event: IdeaEvent) -> bool:
    """Followers hear only of steps the public can see, and nothing while the idea
    is hidden (the mail would link to a page they cannot open)."""
    return event.is_public and not idea.is_hidden


def people_of(idea: Idea, *, except_user: User | None = None) -> dict[str, Recipient]:
    """The author (or the anonymous contact address) and every follower, by
    address; nobody is told of a step they took themselves."""
    recipients: dict[str, Recipient] = {}
    if idea.author_id and idea.author.is_active:
        recipients[idea.author.email] = _to(idea.author)
    elif idea.contact_email:
        recipients[idea.contact_email] = Recipient(
            idea.organisation.default_language, None
        )
    for follow in idea.follows.filter(user__is_active=True).select_related("user"):
        # A dict by address: the author who also follows gets one mail, in the
        # language of their profile (first writer wins).
        recipients.setdefault(follow.user.email, _to(follow.user))
    if except_user is not None:
        recipients.pop(except_user.email, None)
    return recipients


def status_recipients(*, idea: Idea, event: IdeaEvent) -> dict[str, Recipient]:
    """Who hears of ``event``: publication without pre-moderation follows the
    author's own submission at once, so it tells nobody."""
    if event.to_status == IdeaStatus.PUBLISHED and event.by_id is None:
        return {}
    return people_of(idea, except_user=event.by if event.by_id else None)


def status_changed(*, idea: Idea, event: IdeaEvent) -> None:
    """To the author (or the anonymous contact address) and every follower."""
    context = {"idea": idea, "event": event, "site": site_url(idea.organisation)}
    url = idea.get_absolute_url()
    for email, recipient in status_recipients(idea=idea, event=event).items():
        _send(
            to=email,
            recipient=recipient,
            name="status_changed",
            context=context,
            url=url,
        )


def responsible_assigned(*, idea: Idea, by: User) -> None:
    person = idea.responsible
    _send(
        to=person.email,
        recipient=_to(person),
        name="responsible",
        context={"idea": idea, "by": by, "site": site_url(idea.organisation)},
        url=idea.get_absolute_url(),
    )


def moderators_of(organisation: Organisation) -> QuerySet[User]:
    # Moderators by their own membership only: administrators may moderate too,
    # but reports should reach the people whose job it is, not every admin.
    return User.objects.filter(
        organisation=organisation,
        is_active=True,
        memberships__organisation=organisation,
        memberships__role=Role.MODERATOR,
    ).distinct()


def reported(*, report: Report) -> None:
    context = {
        "report": report,
        "idea": report.idea,
        "site": site_url(report.organisation),
    }
    for moderator in moderators_of(report.organisation):
        _send(
            to=moderator.email,
            recipient=_to(moderator),
            name="reported",
            context=context,
            url=report.idea.get_absolute_url(),
        )


def moderated(*, decision: ModerationDecision) -> None:
    """Tell the author what was hidden or restored, and why."""
    author = decision.comment.author if decision.comment else decision.idea.author
    if author is None or not author.is_active:
        return
    _send(
        to=author.email,
        recipient=_to(author),
        name="moderated",
        context={
            "decision": decision,
            "idea": decision.idea,
            "site": site_url(decision.organisation),
        },
        url=decision.idea.get_absolute_url(),
    )
