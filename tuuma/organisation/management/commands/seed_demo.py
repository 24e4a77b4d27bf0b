"""Load the demo municipality Esimerkkilä and every capability's demo content."""

from django.core.management.base import BaseCommand
from django.db import transaction

from tuuma.lib.apps import app_modules
from tuuma.organisation.demo import seed_base
from tuuma.organisation.models import Organisation


class Command(BaseCommand):
    help = "Load the demo municipality (Esimerkkilä) with people in every role."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has an organisation.",
        )

    def handle(self, *args, if_empty: bool, **options):
        if if_empty and Organisation.objects.exists():
            self.stdout.write("The database has data already; demo not loaded.")
            return
        with transaction.atomic():
            demo = seed_base()
            for module in app_modules("demo", exclude=("tuuma.organisation",)):
                module.seed(demo)
        self.stdout.write(
            self.style.SUCCESS(
                "Demo municipality loaded. The README lists its log-ins."
            )
        )
