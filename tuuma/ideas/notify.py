"""Who gets an e-mail about an idea. Each message is rendered in the recipient's
language and delivered by the job queue (``tuuma.jobs.mail.queue_email``)."""

from django.db.models import QuerySet

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


def site_url(organisation: Organisation) -> str:
    """The organisation's own address, for links in e-mails."""
    return organisation.origin


def _send(*, to: str, language: str, name: str, context: dict) -> None:
    queue_email(
        to=to,
        language=language,
        subject_template=f"ideas/email/{name}_subject.txt",
        body_template=f"ideas/email/{name}.txt",
        context=context,
    )


def tells_people(*, idea: Idea, event: IdeaEvent) -> bool:
    """Followers hear only of steps the public can see, and nothing while the idea
    is hidden (the mail would link to a page they cannot open)."""
    return event.is_public and not idea.is_hidden


def people_of(idea: Idea, *, except_user: User | None = None) -> dict[str, str]:
    """The author (or the anonymous contact address) and every follower, as
    address → language; nobody is told of a step they took themselves."""
    recipients: dict[str, str] = {}
    if idea.author_id and idea.author.is_active:
        recipients[idea.author.email] = idea.author.preferred_language
    elif idea.contact_email:
        recipients[idea.contact_email] = idea.organisation.default_language
    for email, language in idea.follows.filter(user__is_active=True).values_list(
        "user__email", "user__preferred_language"
    ):
        # A dict by address: the author who also follows gets one mail, in the
        # language of their profile (first writer wins).
        recipients.setdefault(email, language)
    if except_user is not None:
        recipients.pop(except_user.email, None)
    return recipients


def status_recipients(*, idea: Idea, event: IdeaEvent) -> dict[str, str]:
    """Who hears of ``event``: publication without pre-moderation follows the
    author's own submission at once, so it tells nobody."""
    if event.to_status == IdeaStatus.PUBLISHED and event.by_id is None:
        return {}
    return people_of(idea, except_user=event.by if event.by_id else None)


def status_changed(*, idea: Idea, event: IdeaEvent) -> None:
    """To the author (or the anonymous contact address) and every follower."""
    context = {"idea": idea, "event": event, "site": site_url(idea.organisation)}
    for email, language in status_recipients(idea=idea, event=event).items():
        _send(to=email, language=language, name="status_changed", context=context)


def responsible_assigned(*, idea: Idea, by: User) -> None:
    person = idea.responsible
    _send(
        to=person.email,
        language=person.preferred_language,
        name="responsible",
        context={"idea": idea, "by": by, "site": site_url(idea.organisation)},
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
            language=moderator.preferred_language,
            name="reported",
            context=context,
        )


def moderated(*, decision: ModerationDecision) -> None:
    """Tell the author what was hidden or restored, and why."""
    author = decision.comment.author if decision.comment else decision.idea.author
    if author is None or not author.is_active:
        return
    _send(
        to=author.email,
        language=author.preferred_language,
        name="moderated",
        context={
            "decision": decision,
            "idea": decision.idea,
            "site": site_url(decision.organisation),
        },
    )
