"""E-mail is rendered in the recipient's language and delivered by the job queue."""

from django.template.loader import render_to_string
from django.utils import translation

from tuuma.jobs.tasks import send_email


def queue_email(
    *,
    to: str,
    language: str,
    subject_template: str,
    body_template: str,
    context: dict,
    html_template: str = "",
) -> None:
    """Render the subject, the text body and (given ``html_template``) an HTML
    alternative in ``language``, and queue the message for the worker."""
    with translation.override(language):
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context)
        html = render_to_string(html_template, context) if html_template else ""
    send_email.enqueue(to=[to], subject=subject, body=body, html=html)
