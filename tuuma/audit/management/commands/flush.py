"""Django's ``flush`` with the audit purge permit (see tuuma/audit/guard.py).

``flush`` empties every table, which on SQLite means ``DELETE``; the append-only
trigger would refuse it. Emptying the whole database is a deliberate act (the
test runner does it between transactional tests), so it may purge the logs.
"""

from django.core.management.commands.flush import Command as FlushCommand

from tuuma.audit.guard import purge_permitted


class Command(FlushCommand):
    def handle(self, **options):
        with purge_permitted():
            return super().handle(**options)
