from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from tuuma.audit.backup import RestoreError, restore, row_counts


class Command(BaseCommand):
    help = (
        "Restore a backup made by tuuma_backup into the configured, empty database "
        "(a new SQLite file, or a PostgreSQL database just created with createdb)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory: Path, **options):
        connection = connections["default"]
        connection.close()
        try:
            expected = restore(
                directory,
                media_root=Path(settings.MEDIA_ROOT),
                db=connection.settings_dict,
            )
        except RestoreError as error:
            raise CommandError(str(error)) from error
        found = row_counts()
        differing = {
            t: (n, found.get(t)) for t, n in expected.items() if found.get(t) != n
        }
        if differing:
            raise CommandError(f"Restored row counts differ: {differing}")
        self.stdout.write(
            f"Restored {sum(expected.values())} rows in {len(expected)} tables"
        )
