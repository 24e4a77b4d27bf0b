"""The notification centre: every e-mail is also a notification; per-kind e-mail
choices; digests sent once per period by the scheduler; unsubscribe tokens."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tuuma.ideas import actions as idea_actions
from tuuma.jobs.actions import jobs_reap_stale
from tuuma.jobs.models import Delivery, Job, JobStatus, Notification, PeriodicRun
from tuuma.jobs.notifications import set_delivery, unsubscribe_token
from tuuma.jobs.scheduler import schedule_due
from tuuma.jobs.tasks import _digest_one

pytestmark = pytest.mark.django_db
MORNING = datetime(2026, 12, 7, 7, 30, tzinfo=ZoneInfo("Europe/Helsinki"))


def _answer(idea, cast, text="Kiitos, toteutetaan."):
    idea_actions.idea_answer(idea=idea, by=cast.manager, outcome="accepted", text=text)
    idea_actions.idea_publish_answer(idea=idea, by=cast.manager)


def _mails_to(person) -> list:
    return [m for m in mail.outbox if person.email in m.to]


def test_every_mail_is_also_a_notification_that_can_be_read(
    client, cast, published_idea, run_jobs
):
    _answer(published_idea, cast)
    run_jobs()
    notification = Notification.objects.get(user=cast.resident)
    assert notification.url == published_idea.get_absolute_url()
    assert _mails_to(cast.resident)
    client.force_login(cast.resident)
    page = client.get("/tyot/ilmoitukset/").content.decode()
    assert notification.subject in page and "Lukematon" in page
    response = client.post(f"/tyot/ilmoitukset/{notification.pk}/luettu/")
    assert response["Location"] == published_idea.get_absolute_url()
    assert Notification.objects.get(pk=notification.pk).read_at is not None


def test_another_persons_notification_is_not_found(client, cast, published_idea):
    _answer(published_idea, cast)
    notification = Notification.objects.get(user=cast.resident)
    client.force_login(cast.employee)
    response = client.post(f"/tyot/ilmoitukset/{notification.pk}/luettu/")
    assert response.status_code == 404


def test_mark_all_read(client, cast, published_idea):
    _answer(published_idea, cast)
    client.force_login(cast.resident)
    client.post("/tyot/ilmoitukset/kaikki-luettu/")
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_no_email_for_a_person_who_chose_none(cast, published_idea, run_jobs):
    set_delivery(user=cast.resident, kind="ideas.status", delivery=Delivery.NONE)
    _answer(published_idea, cast)
    run_jobs()
    assert _mails_to(cast.resident) == []
    assert Notification.objects.filter(user=cast.resident).exists()
    schedule_due(MORNING)
    run_jobs()
    assert _mails_to(cast.resident) == []


def test_a_daily_digest_is_sent_once_per_period(cast, published_idea, run_jobs):
    set_delivery(user=cast.resident, kind="ideas.status", delivery=Delivery.DAILY)
    _answer(published_idea, cast)
    run_jobs()
    assert _mails_to(cast.resident) == []
    schedule_due(MORNING - timedelta(hours=1))  # before 7 o'clock: the purge only
    assert not PeriodicRun.objects.filter(name=Delivery.DAILY).exists()
    assert schedule_due(MORNING) >= 1
    assert schedule_due(MORNING + timedelta(minutes=5)) == 0  # claimed already
    run_jobs()
    [digest] = _mails_to(cast.resident)
    assert published_idea.title[:30] in digest.body
    schedule_due(MORNING + timedelta(hours=1))
    run_jobs()
    assert len(_mails_to(cast.resident)) == 1


def test_a_digest_whose_worker_died_mid_run_is_finished_without_doubles(
    cast, org, area, run_jobs
):
    ideas = []
    for person in (cast.resident, cast.employee):
        set_delivery(user=person, kind="ideas.status", delivery=Delivery.DAILY)
        idea = idea_actions.idea_create(
            organisation=org,
            author=person,
            kind="idea",
            title=f"Idea {person.pk}",
            body="…",
            service_area=area,
        )
        _answer(idea, cast)
        ideas.append(idea)
    run_jobs()
    mail.outbox.clear()
    schedule_due(MORNING)
    job = PeriodicRun.objects.get(organisation=org, name="daily").job
    # The worker sent the resident's digest, then was killed: its task row stays
    # RUNNING and its heartbeat stops.
    _digest_one(cast.resident.pk, Delivery.DAILY)
    DBTaskResult.objects.filter(pk=job.task_result_id).update(status="RUNNING")
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING,
        attempts=1,
        heartbeat_at=timezone.now() - timedelta(hours=1),
    )
    assert jobs_reap_stale() == 1
    assert schedule_due(MORNING + timedelta(minutes=30)) == 0  # a restarted worker
    run_jobs()
    assert len(_mails_to(cast.resident)) == 1
    assert len(_mails_to(cast.employee)) == 1
    assert PeriodicRun.objects.filter(organisation=org, name="daily").count() == 1


def test_the_unsubscribe_link_works_signed_out_for_that_person_only(
    client, cast, published_idea, run_jobs
):
    _answer(published_idea, cast)
    run_jobs()
    [message] = _mails_to(cast.resident)
    link = re.search(r"https?://[^/\s]+(/tyot/peru/\S+/)", message.body).group(1)
    assert "Lopeta" in client.get(link).content.decode()
    client.post(link)
    preference = cast.resident.notification_preferences.get(kind="ideas.status")
    assert preference.delivery == Delivery.NONE
    assert not cast.employee.notification_preferences.exists()


def test_a_forged_or_altered_token_is_refused(client, cast, org):
    token = unsubscribe_token(cast.resident, "ideas.status")
    forged = token.replace(
        token.split(":")[0], "eyJ1Ijo5OTksImsiOiJpZGVhcy5zdGF0dXMifQ"
    )
    for bad in (forged, token[:-2] + "xx", "nonsense"):
        assert client.post(f"/tyot/peru/{bad}/").status_code == 400
    assert not cast.resident.notification_preferences.exists()


def test_preferences_are_saved_per_kind(client, cast):
    client.force_login(cast.resident)
    page = client.get("/tyot/ilmoitukset/asetukset/").content.decode()
    assert "Päivittäinen kooste" in page
    data = {"ideas.status": "weekly", "programme.implemented": "none"}
    client.post("/tyot/ilmoitukset/asetukset/", data)
    chosen = dict(
        cast.resident.notification_preferences.values_list("kind", "delivery")
    )
    assert chosen["ideas.status"] == "weekly"
    assert chosen["programme.implemented"] == "none"
