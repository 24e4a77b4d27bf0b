from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HearingsConfig(AppConfig):
    name = "tuuma.hearings"
    verbose_name = _("Hearings")
