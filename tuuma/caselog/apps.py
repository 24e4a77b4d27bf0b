from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaselogConfig(AppConfig):
    name = "tuuma.caselog"
    verbose_name = _("Case logs")
