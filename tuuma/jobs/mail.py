"""E-mail is rendered in the recipient's language and delivered by the job queue.

Given the recipient ``user``, the message is also recorded as a notification
(``tuuma.jobs.notifications``) and e-mailed as the person chose for its ``kind``:
at once (with an unsubscribe link), in a daily or weekly digest, or not at all.

Dates and times in a message are the recipient organisation's local time: the
message is rendered with its ``time_zone`` active, so an e-mail rendered by the
worker (which runs in ``settings.TIME_ZONE``) reads as the page would.
"""

from contextlib import nullcontext

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tuuma.jobs import notifications
from tuuma.jobs.models import Delivery
from tuuma.jobs.tasks import send_email
from tuuma.lib.formatting import local_zone


def organisation_time(organisation):
    """A context in which dates render in ``organisation``'s time zone (no change
    without an organisation: a page has activated its own already)."""
    zone = getattr(organisation, "time_zone", "")
    return timezone.override(local_zone(zone)) if zone else nullcontext()


def queue_email(
    *,
    to: str,
    language: str,
    subject_template: str,
    body_template: str,
    context: dict,
    html_template: str = "",
    user=None,
    kind: str = notifications.OTHER,
    url: str = "",
    organisation=None,
) -> None:
    """Render the subject, the text body and (given ``html_template``) an HTML
    alternative in ``language`` and in the time zone of ``organisation`` (else
    the recipient ``user``'s), and queue the message for the worker."""
    if user is not None and user.organisation_id is None:
        user = None  # a platform superuser has no notification centre
    delivery = Delivery.IMMEDIATELY
    if user is not None:
        delivery = notifications.delivery_for(user, kind)
        organisation = organisation or user.organisation
    with translation.override(language), organisation_time(organisation):
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context)
        html = render_to_string(html_template, context) if html_template else ""
        if user is not None:
            notifications.record(
                organisation=user.organisation,
                user=user,
                kind=kind,
                subject=subject,
                body=body,
                url=url,
                delivery=delivery,
            )
            link = notifications.unsubscribe_url(user.organisation, user, kind)
            note = _("No more e-mail of this kind: %(link)s") % {"link": link}
            body = f"{body.rstrip()}\n\n{note}\n"
            if html:
                html = html.replace("</body>", f"<p><small>{note}</small></p></body>")
    if delivery == Delivery.IMMEDIATELY:
        send_email.enqueue(to=[to], subject=subject, body=body, html=html)
