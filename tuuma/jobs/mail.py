"""E-mail is rendered in the recipient's language and delivered by the job queue."""

from django.template.loader import render_to_string
from django.utils import translation

from tuuma.jobs.tasks import send_email


def queue_email(
    *, to: str, language: str, subject_template: str, body_template: str, context: dict
) -> None:
    with translation.override(language):
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context)
    send_email.enqueue(to=[to], subject=subject, body=body)
