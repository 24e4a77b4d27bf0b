import re

import pytest
from django.core import mail
from django.test import override_settings

from conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOCMEM = override_settings(
    EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"
)


@LOCMEM
def test_password_reset_mail_comes_through_the_job_queue_in_own_language(
    client, cast, run_jobs
):
    cast.resident.preferred_language = "sv"
    cast.resident.save()
    response = client.post("/tili/salasana/", {"email": cast.resident.email})
    assert response.status_code == 302
    assert not mail.outbox, "mail is sent by the worker, not inside the request"

    run_jobs()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [cast.resident.email]
    assert "Återställ ditt lösenord" in message.subject
    link = re.search(r"http://testserver(/\S+)", message.body).group(1)

    response = client.get(link, follow=True)
    new_password = "a brand new long passphrase"
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert response.status_code == 302
    cast.resident.refresh_from_db()
    assert cast.resident.check_password(new_password)
    assert not cast.resident.check_password(PASSWORD)


@LOCMEM
def test_reset_for_another_organisations_address_sends_nothing(
    client, org, outsider, run_jobs
):
    response = client.post("/tili/salasana/", {"email": outsider.email})
    assert response.status_code == 302
    run_jobs()
    assert not mail.outbox


@LOCMEM
def test_reset_link_comes_from_the_organisations_origin_not_the_host_header(
    client, org, cast, run_jobs
):
    org.public_origin = "https://tuuma.kemi.example:8443"
    org.save()
    client.post(
        "/tili/salasana/", {"email": cast.resident.email}, HTTP_HOST="localhost:6666"
    )
    run_jobs()
    body = mail.outbox[0].body
    assert "https://tuuma.kemi.example:8443/tili/salasana/" in body
    assert "6666" not in body
