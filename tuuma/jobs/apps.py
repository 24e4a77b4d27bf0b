from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "tuuma.jobs"
    verbose_name = _("Background jobs")

    def ready(self) -> None:
        from tuuma.jobs import signals  # noqa: F401
