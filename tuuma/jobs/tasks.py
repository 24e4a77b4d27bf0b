from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from tuuma.lib.formatting import local_zone


@task()
def send_email(*, to: list[str], subject: str, body: str, html: str = "") -> int:
    """Deliver one message, already rendered in the recipient's language; ``html``
    is its HTML alternative (the text body stays for readers without HTML)."""
    message = EmailMultiAlternatives(subject, body, None, to)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send(fail_silently=False)


def _digest_one(user_id: int, digest: str) -> bool:
    """Send one person's digest and mark its notifications, in one transaction:
    run again after a crash, it finds nothing left for those already sent."""
    from tuuma.jobs.models import Notification

    with transaction.atomic():
        waiting = list(
            Notification.objects.select_for_update()
            .filter(user_id=user_id, digest=digest, digested_at__isnull=True)
            .select_related("user", "organisation")
            .order_by("created_at", "pk")
        )
        if not waiting:
            return False
        user, organisation = waiting[0].user, waiting[0].organisation
        context = {"notifications": waiting, "organisation": organisation}
        with (
            translation.override(user.preferred_language),
            timezone.override(local_zone(organisation.time_zone)),
        ):
            subject = " ".join(
                render_to_string("jobs/email/digest_subject.txt", context).split()
            )
            body = render_to_string("jobs/email/digest.txt", context)
        send_email.enqueue(to=[user.email], subject=subject, body=body)
        Notification.objects.filter(pk__in=[n.pk for n in waiting]).update(
            digested_at=timezone.now()
        )
        return True


@task()
def send_digests(*, job_id: int, digest: str) -> int:
    """The daily or weekly digest of one organisation; returns how many were sent."""
    from tuuma.jobs.actions import job_progress, job_started, job_succeeded
    from tuuma.jobs.models import Notification

    job = job_started(job_id)
    people = list(
        Notification.objects.filter(
            organisation_id=job.organisation_id,
            digest=digest,
            digested_at__isnull=True,
            user__is_active=True,
        )
        .values_list("user_id", flat=True)
        .distinct()
        .order_by("user_id")
    )
    sent = 0
    for index, user_id in enumerate(people, start=1):
        sent += _digest_one(user_id, digest)
        job_progress(job_id, index / len(people))
    job_succeeded(job_id, message=f"{sent} digests")
    return sent
