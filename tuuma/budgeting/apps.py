from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetingConfig(AppConfig):
    name = "tuuma.budgeting"
    verbose_name = _("Participatory budgeting")

    def ready(self) -> None:
        from tuuma.budgeting import signals

        signals.connect()
