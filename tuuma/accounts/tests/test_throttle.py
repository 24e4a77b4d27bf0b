import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test import Client, override_settings

from conftest import PASSWORD
from tuuma.accounts import throttle
from tuuma.audit.models import AuditEntry
from tuuma.web import ratelimit
from tuuma.web.models import RateHit

LOCMEM = override_settings(
    EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"
)


class Clock:
    """Stands in for django.utils.timezone inside the rate limiter."""

    def __init__(self, when: str):
        self.move_to(when)

    def move_to(self, when: str) -> None:
        self.when = datetime.fromisoformat(when)

    def now(self) -> datetime:
        return self.when


def _post(email: str, password: str, address: str = "10.0.0.1", **extra):
    client = Client(REMOTE_ADDR=address, **extra)
    return client.post("/tili/kirjaudu/", {"email": email, "password": password})


def _in_thread(email: str, password: str):
    try:
        return _post(email, password)
    finally:
        connection.close()  # each thread has its own connection


@pytest.mark.django_db(transaction=True)
def test_sixty_parallel_wrong_passwords_let_only_the_limit_through_and_then_refuse_the_right_one(
    cast,
):
    email = cast.administrator.email
    start = threading.Barrier(20)

    def wrong(_):
        start.wait() if _ < 20 else None
        return _in_thread(email, "wrong password").status_code

    with ThreadPoolExecutor(20) as pool, ThreadPoolExecutor(1) as other:
        burst = [pool.submit(wrong, n) for n in range(60)]
        # The right password arrives while the burst is still going on.
        while RateHit.objects.filter(key__startswith="login:").count() < 10:
            time.sleep(0.002)
        right = other.submit(_in_thread, email, PASSWORD)
        statuses = [future.result() for future in burst]
        right_response = right.result()

    assert statuses.count(200) == throttle.ACCOUNT_LIMIT  # password checked
    assert statuses.count(429) == 60 - throttle.ACCOUNT_LIMIT
    assert right_response.status_code == 429
    assert int(right_response["Retry-After"]) > 14 * 60
    assert "_auth_user_id" not in right_response.client.session


@pytest.mark.django_db
def test_refusal_is_a_429_with_retry_after_and_a_translated_message(client, cast):
    for _ in range(throttle.ACCOUNT_LIMIT):
        client.post("/tili/kirjaudu/", {"email": cast.resident.email, "password": "x"})
    response = client.post(
        "/sv/tili/kirjaudu/", {"email": cast.resident.email, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert 14 * 60 < int(response["Retry-After"]) <= 15 * 60
    assert "För många misslyckade inloggningar" in response.content.decode()


@LOCMEM
@pytest.mark.django_db
def test_owner_gets_one_email_in_own_language_after_a_lockout(
    client, org, cast, run_jobs
):
    org.public_origin = "https://tuuma.kemi.example:8443"
    org.save()
    cast.manager.preferred_language = "en"
    cast.manager.save()
    for _ in range(throttle.ACCOUNT_LIMIT + 3):
        client.post("/tili/kirjaudu/", {"email": cast.manager.email, "password": "x"})
    run_jobs()
    assert [message.to for message in mail.outbox] == [[cast.manager.email]]
    assert "Log-ins to your account were stopped" in mail.outbox[0].subject
    assert "https://tuuma.kemi.example:8443/en/tili/salasana/" in mail.outbox[0].body
    entry = AuditEntry.objects.get(action="accounts.lockout")
    assert entry.organisation == org and entry.target_id == str(cast.manager.pk)


@pytest.mark.django_db
def test_lockout_ends_fifteen_minutes_after_the_failures_not_at_a_window_edge(
    client, cast, monkeypatch
):
    clock = Clock("2026-12-07 12:14:00+00:00")
    monkeypatch.setattr(ratelimit, "timezone", clock)
    for _ in range(throttle.ACCOUNT_LIMIT):
        client.post("/tili/kirjaudu/", {"email": cast.resident.email, "password": "x"})
    clock.move_to("2026-12-07 12:16:00+00:00")
    response = client.post(
        "/tili/kirjaudu/", {"email": cast.resident.email, "password": PASSWORD}
    )
    assert response.status_code == 429  # a fixed quarter-hour window had reset
    assert int(response["Retry-After"]) == 13 * 60
    clock.move_to("2026-12-07 12:29:01+00:00")
    response = client.post(
        "/tili/kirjaudu/", {"email": cast.resident.email, "password": PASSWORD}
    )
    assert response.status_code == 302


@pytest.mark.django_db
@override_settings(TRUSTED_PROXIES=["192.0.2.0/24"])
def test_behind_a_trusted_proxy_one_failing_address_locks_out_only_itself(cast):
    proxy = {"address": "192.0.2.10"}
    for n in range(throttle.ADDRESS_LIMIT):
        _post(
            f"nobody{n}@kemi.example", "x", HTTP_X_FORWARDED_FOR="203.0.113.66", **proxy
        )
    refused = _post(
        cast.employee.email, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.66", **proxy
    )
    assert refused.status_code == 429
    other = _post(
        cast.employee.email, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy
    )
    assert other.status_code == 302


@pytest.mark.django_db
def test_forwarded_header_from_an_untrusted_address_is_ignored(cast):
    for n in range(throttle.ADDRESS_LIMIT):
        # A guesser cannot dodge the address limit by inventing a header.
        _post(f"nobody{n}@kemi.example", "x", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert _post(cast.employee.email, PASSWORD).status_code == 429
    assert _post(cast.employee.email, PASSWORD, "10.0.0.2").status_code == 302


@pytest.mark.django_db
def test_the_admin_sites_log_in_form_is_throttled_too(client, cast):
    form = "/hallinta/login/"
    for _ in range(throttle.ACCOUNT_LIMIT):
        client.post(form, {"username": cast.administrator.email, "password": "x"})
    client.post(form, {"username": cast.administrator.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
