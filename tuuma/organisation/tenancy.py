"""Every tenant row carries its organisation, and the database holds it to it.

A *tenant relation* is a foreign key from one model with an ``organisation`` key
to another model with one (a milestone's measure, an idea's service area). For
each, the database refuses a row whose organisation differs from its parent's:
PostgreSQL with a composite foreign key ``(parent, organisation)`` →
``parent (id, organisation)``, SQLite with two triggers. They are derived from
the models, so a new app gets them without writing anything, and installed after
every ``migrate`` (``post_migrate``), because SQLite drops a table's triggers when
a later migration rebuilds the table. Foreign keys to people are not tenant
relations: a platform superuser belongs to no organisation.

With the organisation on every row, isolation can be checked on any table with
one query, and the tables can later be partitioned or sharded by organisation.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper


@dataclass(frozen=True)
class TenantRelation:
    model: type[models.Model]
    field: models.ForeignKey

    @property
    def parent(self) -> type[models.Model]:
        return self.field.related_model

    @property
    def name(self) -> str:
        # Short and stable: PostgreSQL cuts identifiers at 63 characters.
        return f"tenant_{self.model._meta.db_table}_{self.field.column}"[:60]


def _has_organisation(model: type[models.Model]) -> bool:
    try:
        field = model._meta.get_field("organisation")
    except Exception:  # noqa: BLE001  (FieldDoesNotExist and reverse relations)
        return False
    return isinstance(field, models.ForeignKey)


def tenant_relations() -> list[TenantRelation]:
    found = []
    for model in apps.get_models():
        if not model.__module__.startswith("tuuma.") or not _has_organisation(model):
            continue
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.ForeignKey) or field.name == "organisation":
                continue
            parent = field.related_model
            if parent._meta.label == settings.AUTH_USER_MODEL:
                continue
            if _has_organisation(parent) and field.target_field.primary_key:
                found.append(TenantRelation(model, field))
    return found


def mismatches(relation: TenantRelation) -> int:
    """Rows whose organisation differs from their parent's (0 when all is well)."""
    parent_organisation = f"{relation.field.name}__organisation"
    return (
        relation.model._default_manager.filter(
            **{f"{relation.field.name}__isnull": False}
        )
        .exclude(organisation=models.F(parent_organisation))
        .count()
    )


def install_tenant_constraints(connection: BaseDatabaseWrapper) -> None:
    tables = set(connection.introspection.table_names())
    relations = [
        r
        for r in tenant_relations()
        if {r.model._meta.db_table, r.parent._meta.db_table} <= tables
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _install_postgresql(cursor, relations, connection)
        elif connection.vendor == "sqlite":
            for relation in relations:
                _install_sqlite(cursor, relation, connection)


def remove_sqlite_triggers(connection: BaseDatabaseWrapper) -> None:
    """Drop the tenant triggers of a SQLite database before a migration.

    SQLite rebuilds a table to alter it, and a trigger that names a table a
    migration drops (going backwards, say) makes that rebuild fail; the triggers
    come back after the migration with ``install_tenant_constraints``.
    """
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' "
            "AND name LIKE 'tenant\\_%' ESCAPE '\\'"
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP TRIGGER IF EXISTS {connection.ops.quote_name(name)}")


def _install_postgresql(cursor, relations, connection) -> None:
    quote = connection.ops.quote_name
    cursor.execute("SELECT conname FROM pg_constraint")
    existing = {row[0] for row in cursor.fetchall()}
    for relation in relations:
        parent_table = relation.parent._meta.db_table
        parent_key = f"tenant_key_{parent_table}"[:60]
        if parent_key not in existing:
            cursor.execute(
                f"ALTER TABLE {quote(parent_table)} ADD CONSTRAINT {quote(parent_key)} "
                f"UNIQUE (id, organisation_id)"
            )
            existing.add(parent_key)
        if relation.name in existing:
            continue
        cursor.execute(
            f"ALTER TABLE {quote(relation.model._meta.db_table)} "
            f"ADD CONSTRAINT {quote(relation.name)} "
            f"FOREIGN KEY ({quote(relation.field.column)}, organisation_id) "
            f"REFERENCES {quote(parent_table)} (id, organisation_id) "
            f"DEFERRABLE INITIALLY DEFERRED"
        )
        existing.add(relation.name)


def _install_sqlite(cursor, relation: TenantRelation, connection) -> None:
    quote = connection.ops.quote_name
    table = quote(relation.model._meta.db_table)
    column = quote(relation.field.column)
    parent = quote(relation.parent._meta.db_table)
    # Identifiers come from the models' metadata and are quoted: no user input.
    condition = (
        f"NEW.{column} IS NOT NULL AND NEW.organisation_id IS NOT "  # noqa: S608
        f"(SELECT organisation_id FROM {parent} WHERE id = NEW.{column})"
    )
    for event in ("INSERT", f"UPDATE OF {column}, organisation_id"):
        suffix = "insert" if event == "INSERT" else "update"
        trigger = quote(f"{relation.name}_{suffix}")
        statement = (
            f"CREATE TRIGGER IF NOT EXISTS {trigger} "  # noqa: S608
            f"BEFORE {event} ON {table} FOR EACH ROW WHEN {condition} "
            f"BEGIN SELECT RAISE(ABORT, 'organisation differs from its parent'); END"
        )
        cursor.execute(statement)


class OrganisationFromParent(models.Model):
    """A child row takes its organisation from its parent when none is given.

    ``tenant_parent`` names the foreign key to the parent. Actions may still set
    the organisation themselves; the database checks that the two agree.
    """

    tenant_parent: str = ""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self.organisation_id is None:
            parent = getattr(self, self.tenant_parent)
            self.organisation_id = parent.organisation_id
        super().save(*args, **kwargs)
