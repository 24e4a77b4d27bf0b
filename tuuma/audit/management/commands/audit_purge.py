"""Delete audit and access-log entries older than each organisation's retention."""

from django.core.management.base import BaseCommand

from tuuma.audit.actions import audit_purge
from tuuma.organisation.models import Organisation


class Command(BaseCommand):
    help = "Purge audit-log and access-log entries past their retention period."

    def handle(self, *args, **options):
        for organisation in Organisation.objects.all():
            audit_deleted, access_deleted = audit_purge(organisation=organisation)
            self.stdout.write(
                f"{organisation.slug}: {audit_deleted} audit, {access_deleted} access"
            )
