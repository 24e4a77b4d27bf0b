from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(*, to: list[str], subject: str, body: str, html: str = "") -> int:
    """Deliver one message, already rendered in the recipient's language; ``html``
    is its HTML alternative (the text body stays for readers without HTML)."""
    message = EmailMultiAlternatives(subject, body, None, to)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send(fail_silently=False)
