"""Backup and restore of the database and the uploaded files (MEDIA_ROOT).

One directory per backup:
- ``tuuma.sqlite3`` (SQLite, copied with SQLite's online backup API, safe while
  the server and worker write) or ``tuuma.dump`` (PostgreSQL, ``pg_dump
  --format=custom``, restored with ``pg_restore``);
- ``media.tar.gz``: uploaded case logs and attachments;
- ``manifest.json``: row counts per table, which the restore checks.

The commands are ``manage.py tuuma_backup DIR`` and ``manage.py tuuma_restore DIR``
(docs/security.md, "Backup and restore").
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path
from typing import Any

from django.db import connections

DUMP_NAMES = {"sqlite": "tuuma.sqlite3", "postgresql": "tuuma.dump"}


class RestoreError(Exception):
    pass


def _pg_env(db: dict[str, Any]) -> dict[str, str]:
    env = {**os.environ, "PGDATABASE": db["NAME"]}
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if db.get(key):
            env[var] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _tool(name: str) -> str:
    """The PostgreSQL client program's full path (same major version as the server)."""
    found = shutil.which(name)
    if found is None:
        raise RestoreError(f"{name} is not installed (apt install postgresql-client)")
    return found


def _vendor(db: dict[str, Any]) -> str:
    return "sqlite" if "sqlite" in db["ENGINE"] else "postgresql"


def row_counts(alias: str = "default") -> dict[str, int]:
    """Rows in every table of the database (the manifest and the check)."""
    connection = connections[alias]
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def backup(destination: Path, *, media_root: Path, alias: str = "default") -> Path:
    """Write a complete backup into ``destination`` (created; must be empty)."""
    destination.mkdir(parents=True, exist_ok=True)
    if any(destination.iterdir()):
        raise FileExistsError(f"{destination} is not empty")
    db = connections[alias].settings_dict
    vendor = _vendor(db)
    target = destination / DUMP_NAMES[vendor]
    if vendor == "sqlite":
        with sqlite3.connect(db["NAME"]) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
        copy.close()
    else:
        subprocess.run(  # noqa: S603
            [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(target)],
            env=_pg_env(db),
            check=True,
            capture_output=True,
        )
    with tarfile.open(destination / "media.tar.gz", "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname="media")
    manifest = {"vendor": vendor, "tables": row_counts(alias)}
    (destination / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return destination


def restore(source: Path, *, media_root: Path, db: dict[str, Any]) -> dict[str, int]:
    """Restore ``source`` into the (empty) database ``db`` and ``media_root``.

    Returns the manifest's row counts; call :func:`row_counts` on the restored
    database to compare.
    """
    manifest = json.loads((source / "manifest.json").read_text())
    vendor = _vendor(db)
    if manifest["vendor"] != vendor:
        raise RestoreError(f"a {manifest['vendor']} backup cannot go into {vendor}")
    dump = source / DUMP_NAMES[vendor]
    if vendor == "sqlite":
        target = Path(db["NAME"])
        if target.exists() and target.stat().st_size:
            raise RestoreError(f"{target} exists: restore into an empty database")
        with sqlite3.connect(dump) as backup_copy, sqlite3.connect(target) as fresh:
            backup_copy.backup(fresh)
        fresh.close()
    else:
        result = subprocess.run(  # noqa: S603
            [
                _tool("pg_restore"),
                "--no-owner",
                "--exit-on-error",
                "--dbname",
                db["NAME"],
                str(dump),
            ],
            env=_pg_env(db),
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise RestoreError(result.stderr.strip()[-2000:])
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / "media.tar.gz") as archive:
        staging = media_root.parent / f".restore-{os.getpid()}"
        archive.extractall(staging, filter="data")
        if (staging / "media").exists():
            shutil.copytree(staging / "media", media_root, dirs_exist_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
    return manifest["tables"]
