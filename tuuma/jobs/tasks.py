from django.core.mail import send_mail
from django_tasks import task


@task()
def send_email(*, to: list[str], subject: str, body: str) -> int:
    """Deliver one message, already rendered in the recipient's language."""
    return send_mail(subject, body, None, to, fail_silently=False)
