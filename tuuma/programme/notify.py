"""The programme's e-mails to the people of an idea: "implemented", with the
measure's figures, and later "the result has been measured". Each is rendered in
the recipient's language (text and HTML) and delivered by the job queue."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuuma.ideas import notify as idea_notify
from tuuma.ideas.models import Idea, IdeaEvent, IdeaStatus
from tuuma.ideas.notify import Recipient
from tuuma.jobs.mail import queue_email
from tuuma.programme.models import Measure, MeasureStatus
from tuuma.programme.results import result_of, with_results

NOTIFICATION_KINDS = {
    "programme.implemented": _("An idea I submitted or follow was implemented"),
    "programme.result_measured": _("The result of an implemented idea was measured"),
}


def _context(measure: Measure, idea: Idea) -> dict:
    organisation = idea.organisation
    return {
        "idea": idea,
        "measure": measure,
        "result": result_of(measure),
        "idea_link": organisation.absolute_url(idea.get_absolute_url()),
        "measure_link": organisation.absolute_url(measure.get_absolute_url()),
    }


def _send(name: str, recipients: dict[str, Recipient], context: dict) -> None:
    for email, recipient in recipients.items():
        queue_email(
            to=email,
            language=recipient.language,
            subject_template=f"programme/email/{name}_subject.txt",
            body_template=f"programme/email/{name}.txt",
            html_template=f"programme/email/{name}.html",
            # What the recipient may see of other apps' blocks ({% email_blocks %}).
            context={**context, "recipient": recipient.user},
            user=recipient.user,
            kind=f"programme.{name}",
            url=context["idea"].get_absolute_url(),
        )


def implemented(*, measure: Measure, idea: Idea, event: IdeaEvent) -> None:
    """The idea is implemented by ``measure``: tell its people what changed."""
    if not idea_notify.tells_people(idea=idea, event=event):
        return
    if not measure.is_published:
        # Residents cannot open an unpublished measure: the plain status mail.
        idea_notify.status_changed(idea=idea, event=event)
        return
    measure = with_results(Measure.objects.filter(pk=measure.pk)).get()
    context = _context(measure, idea)
    _send("implemented", idea_notify.status_recipients(idea=idea, event=event), context)
    if context["result"].is_measured:
        # The figures are in this mail; no second "measured" mail later.
        Measure.objects.filter(pk=measure.pk, result_announced_at=None).update(
            result_announced_at=timezone.now()
        )


def result_measured_if_due(*, measure: Measure) -> None:
    """Once a done, published measure has its first measured value, tell the
    people of its implemented ideas (once: the measure row is locked and marked)."""
    locked = (
        with_results(Measure.objects.select_for_update())
        .filter(
            pk=measure.pk,
            status=MeasureStatus.DONE,
            is_published=True,
            result_announced_at=None,
        )
        .first()
    )
    if locked is None or not result_of(locked).is_measured:
        return
    locked.result_announced_at = timezone.now()
    locked.save(update_fields=["result_announced_at"])
    ideas = locked.ideas.filter(
        status=IdeaStatus.IMPLEMENTED, is_hidden=False
    ).select_related("organisation", "author")
    for idea in ideas:
        _send("result_measured", idea_notify.people_of(idea), _context(locked, idea))
