"""The append-only guard of the audit tables, in Python and in the database.

Rows of ``AuditEntry`` and ``AccessLogEntry`` are never updated and deleted only
by the retention purge. The ORM refuses (``AppendOnlyError``) and a database
trigger refuses too, so raw SQL, a shell or another program cannot rewrite the
record either. The purge opens a *permit* for its own transaction:

- PostgreSQL: ``set_config('tuuma.audit_purge', 'on', true)`` (transaction-local),
  which the trigger function reads;
- SQLite: the trigger asks the SQL function ``tuuma_audit_purging()``, which each
  Django connection registers and which reads a context variable. Any other SQLite
  client lacks the function, so its UPDATE/DELETE fails as well.

A database superuser can still drop the trigger: the guard protects the record
from the application and its users, not from the database administrator.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection, transaction

GUARDED_TABLES = ("audit_auditentry", "audit_accesslogentry")

_purging: ContextVar[bool] = ContextVar("tuuma_audit_purging", default=False)


class AppendOnlyError(Exception):
    """An attempt to change or delete an audit row outside the retention purge."""


def purging() -> bool:
    return _purging.get()


@contextmanager
def purge_permitted() -> Iterator[None]:
    """Allow deleting audit rows inside this block (one transaction)."""
    token = _purging.set(True)
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT set_config('tuuma.audit_purge', 'on', true)")
            yield
    finally:
        _purging.reset(token)


def register_sqlite_function(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: give SQLite the permit check."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "tuuma_audit_purging", 0, lambda: 1 if _purging.get() else 0
        )


_POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION tuuma_audit_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('tuuma.audit_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'tuuma: % is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END
$$ LANGUAGE plpgsql
"""


def _postgres_statements(table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION tuuma_audit_append_only()",
    ]


def _sqlite_statements(table: str) -> list[str]:
    refuse = f"SELECT RAISE(ABORT, 'tuuma: {table} is append-only'); END"
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table} "
        f"BEGIN {refuse}",
        f"CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table} "
        f"WHEN NOT tuuma_audit_purging() BEGIN {refuse}",
    ]


def install_triggers(using_connection=None) -> None:
    """Create (or re-create) the triggers; idempotent.

    Runs after every ``migrate`` (post_migrate), because SQLite migrations that
    rebuild a table drop its triggers.
    """
    conn = using_connection or connection
    statements: list[str] = []
    if conn.vendor == "postgresql":
        statements.append(_POSTGRES_FUNCTION)
        for table in GUARDED_TABLES:
            statements += _postgres_statements(table)
    elif conn.vendor == "sqlite":
        for table in GUARDED_TABLES:
            statements += _sqlite_statements(table)
    existing = set(conn.introspection.table_names())
    if not set(GUARDED_TABLES) <= existing:
        return
    with conn.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
