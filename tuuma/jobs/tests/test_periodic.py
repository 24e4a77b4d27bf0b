"""Periodic jobs of every app, queued per organisation at its local hour, and
e-mails rendered in the organisation's time zone (not the worker's)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail

from tuuma.jobs.mail import queue_email
from tuuma.jobs.models import Delivery, Job, JobStatus, Notification, PeriodicRun
from tuuma.jobs.notifications import set_delivery
from tuuma.jobs.scheduler import schedule_due
from tuuma.jobs.tasks import _digest_one

pytestmark = pytest.mark.django_db

EVERY_APPS_JOBS = {
    "daily",
    "weekly",
    "audit.purge",
    "processes.review_reminders",
    "competence.certificates",
    "improvement.sustainment_checks",
}
# Monday 7 December 2026, 12.30 UTC: 7.30 in New York, 14.30 in Helsinki.
NEW_YORK_MORNING = datetime(2026, 12, 7, 12, 30, tzinfo=UTC)


def _claimed(organisation) -> set[str]:
    return set(
        PeriodicRun.objects.filter(organisation=organisation).values_list(
            "name", flat=True
        )
    )


def test_each_apps_periodic_jobs_wait_for_the_organisations_own_hour(org):
    org.time_zone = "America/New_York"
    org.save(update_fields=["time_zone"])
    schedule_due(NEW_YORK_MORNING - timedelta(hours=5))  # 2.30 in New York
    assert _claimed(org) == set()
    schedule_due(NEW_YORK_MORNING - timedelta(hours=1))  # 6.30: the purge (3.00)
    assert _claimed(org) == {"audit.purge"}
    schedule_due(NEW_YORK_MORNING)
    assert _claimed(org) == EVERY_APPS_JOBS
    assert schedule_due(NEW_YORK_MORNING + timedelta(hours=2)) == 0


def test_every_periodic_job_runs_to_success_in_the_worker(org, cast, run_jobs):
    schedule_due(NEW_YORK_MORNING)  # 14.30 in Helsinki: all of them are due
    assert _claimed(org) == EVERY_APPS_JOBS
    run_jobs()
    jobs = Job.objects.filter(organisation=org, kind__startswith="periodic:")
    assert jobs.count() == len(EVERY_APPS_JOBS)
    assert set(jobs.values_list("status", flat=True)) == {JobStatus.SUCCEEDED}


def _late_evening_notification(org, person) -> Notification:
    """Recorded at 23.30 on 2 December in New York: 3 December in Helsinki."""
    set_delivery(user=person, kind="other", delivery=Delivery.DAILY)
    notification = Notification.objects.create(
        organisation=org,
        user=person,
        kind="other",
        subject="Iltailmoitus",
        digest=Delivery.DAILY,
    )
    late = datetime(2026, 12, 3, 4, 30, tzinfo=UTC)
    Notification.objects.filter(pk=notification.pk).update(created_at=late)
    notification.refresh_from_db()
    return notification


def test_a_digest_shows_times_in_the_organisations_zone(org, cast, run_jobs):
    org.time_zone = "America/New_York"
    org.save(update_fields=["time_zone"])
    _late_evening_notification(org, cast.resident)
    # The worker runs in settings.TIME_ZONE (Helsinki), where it is 3.12.
    assert _digest_one(cast.resident.pk, Delivery.DAILY)
    run_jobs()
    [digest] = mail.outbox
    assert "2.12.2026 Iltailmoitus" in digest.body
    assert "3.12.2026" not in digest.body


def test_queue_email_renders_in_the_recipients_organisation_zone(org, cast, run_jobs):
    notification = _late_evening_notification(org, cast.resident)
    context = {"notifications": [notification], "organisation": org}
    for zone, day in (
        ("America/New_York", "2.12.2026"),
        ("Europe/Helsinki", "3.12.2026"),
    ):
        org.time_zone = zone
        org.save(update_fields=["time_zone"])
        mail.outbox.clear()
        queue_email(
            to="someone@example.invalid",
            language="fi",
            subject_template="jobs/email/digest_subject.txt",
            body_template="jobs/email/digest.txt",
            context=context,
            organisation=org,
        )
        run_jobs()
        [message] = mail.outbox
        assert day in message.body, (zone, message.body)
