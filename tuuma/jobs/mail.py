"""E-mail is rendered in the recipient's language and delivered by the job queue.

Given the recipient ``user``, the message is also recorded as a notification
(``tuuma.jobs.notifications``) and e-mailed as the person chose for its ``kind``:
at once (with an unsubscribe link), in a daily or weekly digest, or not at all.
"""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from tuuma.jobs import notifications
from tuuma.jobs.models import Delivery
from tuuma.jobs.tasks import send_email


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
) -> None:
    """Render the subject, the text body and (given ``html_template``) an HTML
    alternative in ``language``, and queue the message for the worker."""
    if user is not None and user.organisation_id is None:
        user = None  # a platform superuser has no notification centre
    delivery = Delivery.IMMEDIATELY
    if user is not None:
        delivery = notifications.delivery_for(user, kind)
    with translation.override(language):
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context)
        html = render_to_string(html_template, context) if html_template else ""
        if user is not None:
            organisation = user.organisation
            notifications.record(
                organisation=organisation,
                user=user,
                kind=kind,
                subject=subject,
                body=body,
                url=url,
                delivery=delivery,
            )
            link = notifications.unsubscribe_url(organisation, user, kind)
            note = _("No more e-mail of this kind: %(link)s") % {"link": link}
            body = f"{body.rstrip()}\n\n{note}\n"
            if html:
                html = html.replace("</body>", f"<p><small>{note}</small></p></body>")
    if delivery == Delivery.IMMEDIATELY:
        send_email.enqueue(to=[to], subject=subject, body=body, html=html)
