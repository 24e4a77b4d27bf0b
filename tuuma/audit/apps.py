from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _install_triggers(sender, using, **kwargs) -> None:
    from django.db import connections

    from tuuma.audit.guard import install_triggers

    install_triggers(connections[using])


class AuditConfig(AppConfig):
    name = "tuuma.audit"
    verbose_name = _("Audit and personal data")

    def ready(self) -> None:
        from tuuma.audit.guard import register_sqlite_function

        connection_created.connect(
            register_sqlite_function, dispatch_uid="tuuma_audit_fn"
        )
        post_migrate.connect(
            _install_triggers, sender=self, dispatch_uid="tuuma_audit_trg"
        )
