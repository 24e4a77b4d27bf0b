"""Queue the sustainment-check reminders; run it daily from cron."""

from django.core.management.base import BaseCommand

from tuuma.improvement.tasks import remind_sustainment_checks


class Command(BaseCommand):
    help = "Queue the job that e-mails owners of due A3 sustainment checks."

    def handle(self, *args, **options) -> None:
        remind_sustainment_checks.enqueue()
        self.stdout.write("queued")
