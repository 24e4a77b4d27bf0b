"""Links in e-mails keep the organisation's address: scheme, host and port."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tuuma.ideas.tests.factories import make_idea
from tuuma.processes import review_actions
from tuuma.processes.tests.conftest import make_process

ORIGIN = "http://tuuma.kemi.test:8443"


@pytest.fixture(autouse=True)
def public_origin(org, settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path
    org.public_origin = ORIGIN
    org.save()


def test_an_idea_e_mail_links_to_the_site_with_its_port(
    client, org, area, cast, run_jobs
):
    idea = make_idea(org, cast.resident, service_area=area)
    client.force_login(cast.manager)
    client.post(
        f"/ideat/{idea.pk}/kasittely/",
        {"service_area": area.pk, "responsible": cast.process_owner.pk},
    )
    run_jobs()
    (message,) = mail.outbox
    assert f"{ORIGIN}/" in message.body
    assert f"{ORIGIN}/ideat/{idea.pk}/kasittely/" in message.body.replace("/en/", "/")


def test_a_review_reminder_links_to_the_site_with_its_port(org, area, cast, run_jobs):
    process = make_process(org, area, owner=cast.process_owner)
    today = timezone.localdate()
    review = review_actions.review_create(
        process=process, year=today.year, due_date=today + timedelta(days=3)
    )
    review_actions.reviews_remind(organisation=org)
    run_jobs()
    (message,) = mail.outbox
    assert f"{ORIGIN}{review.get_absolute_url()}".replace("/en/", "/") in (
        message.body.replace("/en/", "/")
    )
