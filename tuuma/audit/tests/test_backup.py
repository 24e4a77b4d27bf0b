"""A backup restored into an empty database holds the same data (issue 22)."""
# ruff: noqa: S608  (table names come from the database's own catalogue)

import sqlite3
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from tuuma.audit.actions import audit_record
from tuuma.audit.backup import RestoreError, restore, row_counts
from tuuma.ideas.actions import idea_create


def _query(db: dict, sql: str) -> list[tuple]:
    if connection.vendor == "sqlite":
        with sqlite3.connect(db["NAME"]) as raw:
            return raw.execute(sql).fetchall()
    import psycopg

    with psycopg.connect(
        dbname=db["NAME"],
        host=db["HOST"],
        port=db["PORT"],
        user=db["USER"] or "postgres",
    ) as raw:
        return raw.execute(sql).fetchall()


@pytest.fixture
def empty_database(tmp_path):
    """A new, empty database of the same kind as the test database."""
    db = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        db["NAME"] = str(tmp_path / "restored.sqlite3")
        yield db
        return
    db["NAME"] = f"{connection.settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{db["NAME"]}"')
        cursor.execute(f'CREATE DATABASE "{db["NAME"]}"')
    yield db
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{db["NAME"]}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_a_backup_restored_into_an_empty_database_has_the_same_data(
    org, cast, tmp_path, settings, empty_database
):
    settings.MEDIA_ROOT = media = tmp_path / "media"
    (media / "caselog").mkdir(parents=True)
    (media / "caselog" / "log.csv").write_text("case,activity\n1,Saapunut\n")
    idea = idea_create(
        organisation=org,
        author=cast["resident"],
        kind="idea",
        title="Varmuuskopio talteen",
        body="Palautuuko tämä?",
    )
    audit_record(organisation=org, actor=cast["administrator"], action="x.backup_test")
    before = row_counts()

    call_command("tuuma_backup", str(tmp_path / "backup"))
    settings.MEDIA_ROOT = restored_media = tmp_path / "restored-media"
    expected = restore(
        tmp_path / "backup", media_root=restored_media, db=empty_database
    )

    assert expected == before
    for table, count in before.items():
        assert _query(empty_database, f"SELECT COUNT(*) FROM {table}") == [(count,)], (
            table
        )  # noqa: S608
    titles = _query(
        empty_database, f"SELECT title FROM ideas_idea WHERE id = {idea.pk}"
    )  # noqa: S608
    assert titles == [("Varmuuskopio talteen",)]
    assert (restored_media / "caselog" / "log.csv").read_text().endswith("1,Saapunut\n")


@pytest.mark.django_db(transaction=True)
def test_a_restore_refuses_a_database_that_is_not_empty(org, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("tuuma_backup", str(tmp_path / "backup"))
    if connection.vendor != "sqlite":
        target = dict(connection.settings_dict)  # the live test database itself
    else:
        target = {**connection.settings_dict, "NAME": str(tmp_path / "full.sqlite3")}
        Path(target["NAME"]).write_bytes(b"x" * 10)
    with pytest.raises(RestoreError):
        restore(tmp_path / "backup", media_root=tmp_path / "m", db=target)
