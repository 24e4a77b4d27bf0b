from datetime import timedelta

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tuuma.audit.actions import (
    audit_purge,
    audit_record,
    personal_data_viewed,
    personal_data_viewed_many,
)
from tuuma.audit.guard import AppendOnlyError
from tuuma.audit.models import AccessLogEntry, AuditEntry, PrivacySettings

pytestmark = pytest.mark.django_db


def test_an_administrative_act_is_recorded_with_its_target(org, cast):
    entry = audit_record(
        organisation=org,
        actor=cast["administrator"],
        action="organisation.role_granted",
        target=cast["employee"],
        details={"role": "moderator"},
    )
    entry.refresh_from_db()
    assert entry.actor == cast["administrator"]
    assert entry.target_type == "accounts.user"
    assert entry.target_id == str(cast["employee"].pk)
    assert entry.details == {"role": "moderator"}


def test_viewing_someone_elses_data_is_logged_with_the_page(org, cast):
    request = RequestFactory().get("/osaaminen/ihmiset/3/?tab=levels")
    request.user = cast["manager"]
    request.organisation = org
    personal_data_viewed(request=request, subject=cast["employee"], what="competence")
    entry = AccessLogEntry.objects.get()
    assert (entry.viewer, entry.subject) == (cast["manager"], cast["employee"])
    assert entry.path == "/osaaminen/ihmiset/3/?tab=levels"
    assert entry.method == "GET"


def test_viewing_ones_own_data_is_not_logged(org, cast):
    request = RequestFactory().get("/")
    request.user = request_user = cast["employee"]
    request.organisation = org
    personal_data_viewed(request=request, subject=request_user, what="profile")
    assert not AccessLogEntry.objects.exists()


def test_the_orm_refuses_to_change_or_delete_an_entry(org, cast):
    entry = audit_record(organisation=org, actor=cast["administrator"], action="x.y")
    entry.action = "x.z"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="x.z")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()


@pytest.mark.parametrize("table", ["audit_auditentry", "audit_accesslogentry"])
def test_the_database_refuses_raw_updates_and_deletes(org, cast, table):
    audit_record(organisation=org, actor=cast["administrator"], action="x.y")
    request = RequestFactory().get("/")
    request.user, request.organisation = cast["administrator"], org
    personal_data_viewed(request=request, subject=cast["employee"], what="x")
    for sql in (f"UPDATE {table} SET at = at", f"DELETE FROM {table}"):  # noqa: S608
        with pytest.raises(DatabaseError), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(sql)
    assert AuditEntry.objects.exists() and AccessLogEntry.objects.exists()


def test_the_purge_deletes_only_entries_past_the_retention(org, other_org, cast):
    PrivacySettings.objects.create(
        organisation=org, audit_retention_days=30, access_log_retention_days=10
    )
    old = timezone.now() - timedelta(days=31)
    AuditEntry.objects.create(organisation=org, action="old", at=old)
    AuditEntry.objects.create(organisation=org, action="recent")
    AuditEntry.objects.create(organisation=other_org, action="other", at=old)
    assert audit_purge(organisation=org) == (1, 0)
    remaining = set(AuditEntry.objects.values_list("action", flat=True))
    assert remaining == {"recent", "other", "audit.purged"}


def test_reading_many_people_at_once_logs_each_of_them_in_one_insert(org, cast):
    request = RequestFactory().get("/osaaminen/yksikot/1/")
    request.user, request.organisation = cast["manager"], org
    people = [cast["employee"], cast["manager"], cast["administrator"]]
    with CaptureQueriesContext(connection) as captured:
        written = personal_data_viewed_many(
            request=request, subjects=people, what="levels"
        )
    assert written == 2 and len(captured) == 1  # the reader's own row is left out
    entries = AccessLogEntry.objects.filter(viewer=cast["manager"])
    assert {e.subject for e in entries} == {cast["employee"], cast["administrator"]}
    assert {e.path for e in entries} == {"/osaaminen/yksikot/1/"}
