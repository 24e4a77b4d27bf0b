from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from tuuma.audit.backup import backup


class Command(BaseCommand):
    help = "Back up the database and uploaded files into an empty directory."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory: Path, **options):
        backup(directory, media_root=Path(settings.MEDIA_ROOT))
        self.stdout.write(f"Backup written to {directory}")
