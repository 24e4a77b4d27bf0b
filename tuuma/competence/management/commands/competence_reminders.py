"""Queue the certificate reminders; run it daily from cron."""

from django.core.management.base import BaseCommand

from tuuma.competence.tasks import remind_certificates


class Command(BaseCommand):
    help = "Queue the job that e-mails holders of certificates lapsing within 60 days."

    def handle(self, *args, **options) -> None:
        remind_certificates.enqueue()
        self.stdout.write("queued")
