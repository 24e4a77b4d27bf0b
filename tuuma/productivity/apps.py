from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProductivityConfig(AppConfig):
    name = "tuuma.productivity"
    verbose_name = _("Productivity")
