"""Faults as real processes and real connections (issue 22, docs/security.md).

Covered elsewhere, not repeated here:
- 50 parallel supports / one person's 50 parallel clicks: tuuma/ideas/tests/test_concurrency.py
- a worker killed with SIGKILL mid-import: tuuma/caselog/tests/test_worker_kill.py,
  and a killed worker's job re-queued: tuuma/jobs/tests/test_worker.py
"""

import http.cookiejar
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.db import connection
from django.test import Client

from tuuma.audit.models import AuditEntry
from tuuma.ideas.actions import lifecycle as idea_actions
from tuuma.ideas.models import Idea, IdeaEvent, IdeaSettings
from tuuma.jobs.models import Job

SUBMITS = 10  # the feedback form's rate limit is 10 an hour


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _post(url: str, data: dict) -> tuple[int, str]:
    """GET the form for its CSRF cookie, then POST it, as a browser would."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(jar), _NoRedirect
    )
    opener.open(url, timeout=30).read()
    token = next(c.value for c in jar if c.name.endswith("csrftoken"))
    body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
    try:
        with opener.open(url, data=body, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _lose_the_database() -> None:
    """The database goes away under this request's open transaction."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
    else:
        connection.connection.close()


@pytest.mark.django_db(transaction=True)
def test_a_database_lost_mid_request_gives_an_error_page_and_writes_nothing(
    org, live_server, monkeypatch, settings
):
    settings.CSRF_COOKIE_SECURE = False
    IdeaSettings.objects.create(organisation=org, allow_anonymous=True)
    real_submit = idea_actions.idea_submit

    def submit_after_losing_the_database(**kwargs):
        _lose_the_database()
        return real_submit(**kwargs)

    monkeypatch.setattr(idea_actions, "idea_submit", submit_after_losing_the_database)
    url = f"{live_server.url}/saavutettavuus/palaute/"
    form = {"message": "Painikkeet ovat liian pienet.", "contact_email": "a@example.fi"}
    status, text = _post(url, form)
    assert status == 500
    assert "Jokin meni vikaan" in text  # the translated error page, no traceback
    # The idea row was inserted before the connection died: it must be gone.
    assert not Idea.objects.exists() and not IdeaEvent.objects.exists()

    monkeypatch.setattr(idea_actions, "idea_submit", real_submit)
    status, _ = _post(url, form)  # the server recovers with a new connection
    assert status == 302 and Idea.objects.count() == 1


def _run_together(calls) -> list:
    """Start the calls at once (PostgreSQL); SQLite serialises writers anyway."""
    if connection.vendor != "postgresql":
        return [call() for call in calls]
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def worker(call):
        from django.db import connection as own

        try:
            barrier.wait(timeout=30)
            results.append(call())
        except BaseException as error:  # noqa: BLE001  (reported by the test)
            errors.append(error)
        finally:
            own.close()

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db(transaction=True)
def test_a_feedback_form_submitted_many_times_at_once_files_one_idea(org, cast):
    clients = [_signed_in(cast["resident"]) for _ in range(SUBMITS)]
    form = {"message": "Kontrasti on liian heikko.", "page": "/"}
    statuses = _run_together(
        [
            lambda c=c: c.post("/saavutettavuus/palaute/", form).status_code
            for c in clients
        ]
    )
    assert statuses == [302] * SUBMITS
    assert Idea.objects.filter(kind="feedback").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_double_submitted_data_request_builds_one_archive(org, cast):
    clients = [_signed_in(cast["resident"]) for _ in range(2)]
    _run_together(
        [lambda c=c: c.post("/loki/omat-tiedot/").status_code for c in clients]
    )
    assert Job.objects.filter(kind="audit.personal_data").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_double_submitted_erasure_erases_and_audits_once(org, cast):
    clients = [_signed_in(cast["administrator"]) for _ in range(2)]
    url = f"/loki/poista/{cast['resident'].pk}/"
    statuses = sorted(
        _run_together(
            [lambda c=c: c.post(url, {"confirm": "on"}).status_code for c in clients]
        )
    )
    assert statuses[0] == 302
    assert AuditEntry.objects.filter(action="audit.person_erased").count() == 1
