from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import (
    post_delete,
    post_migrate,
    post_save,
    pre_migrate,
)
from django.utils.translation import gettext_lazy as _


def _install_tenant_constraints(sender, using="default", **kwargs) -> None:
    from tuuma.organisation.tenancy import install_tenant_constraints

    install_tenant_constraints(connections[using])


def _lift_sqlite_triggers(sender, using="default", **kwargs) -> None:
    from tuuma.organisation.tenancy import remove_sqlite_triggers

    remove_sqlite_triggers(connections[using])


class OrganisationConfig(AppConfig):
    name = "tuuma.organisation"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        from tuuma.organisation.middleware import forget_resolved_hosts
        from tuuma.organisation.models import Domain, Organisation

        for model in (Organisation, Domain):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_resolved_hosts,
                    sender=model,
                    dispatch_uid=f"tuuma-forget-hosts-{model.__name__}-{id(signal)}",
                )
        # After every migrate (see tuuma/organisation/tenancy.py for why not in
        # a migration); idempotent, so it may run once per migrated app.
        post_migrate.connect(
            _install_tenant_constraints, dispatch_uid="tuuma-tenant-constraints"
        )
        pre_migrate.connect(
            _lift_sqlite_triggers, dispatch_uid="tuuma-tenant-triggers-lifted"
        )
