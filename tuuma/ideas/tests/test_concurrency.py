"""No lost or doubled support under concurrent clicks.

On PostgreSQL, 50 threads with their own connections start together at a
barrier. SQLite serialises writers, so there the same requests run one after
another; the exactness assertions are the same on both.
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from conftest import make_user
from tuuma.accounts.models import User
from tuuma.ideas.models import Idea, Support
from tuuma.ideas.tests.factories import make_idea

CLICKS = 50


def _run_together(calls) -> list[int]:
    """Run the calls at once (PostgreSQL) or in turn (SQLite); their statuses."""
    if connection.vendor != "postgresql":
        return [call() for call in calls]
    barrier = threading.Barrier(len(calls))
    statuses: list[int] = []
    errors: list[BaseException] = []

    def worker(call):
        from django.db import connection as own

        try:
            barrier.wait(timeout=30)
            statuses.append(call())
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
    return statuses


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _people(org, count: int) -> list[User]:
    return User.objects.bulk_create(
        User(organisation=org, email=f"person{n}@example.fi", password="!")
        for n in range(count)
    )


@pytest.mark.django_db(transaction=True)
def test_fifty_people_supporting_at_once_give_exactly_fifty(org):
    author = make_user(org, "author")
    idea = make_idea(org, author)
    clients = [_client_for(person) for person in _people(org, CLICKS)]
    url = f"/ideat/{idea.pk}/kannata/"
    statuses = _run_together([lambda c=c: c.post(url).status_code for c in clients])
    assert statuses == [302] * CLICKS
    idea.refresh_from_db()
    assert Support.objects.filter(idea=idea).count() == CLICKS
    assert idea.support_count == CLICKS


@pytest.mark.django_db(transaction=True)
def test_one_person_clicking_fifty_times_at_once_supports_once_without_error(org):
    author = make_user(org, "author")
    idea = make_idea(org, author)
    (supporter,) = _people(org, 1)
    clients = [_client_for(supporter) for _ in range(CLICKS)]
    url = f"/api/v1/ideas/{idea.pk}/support"
    statuses = _run_together([lambda c=c: c.post(url).status_code for c in clients])
    assert statuses == [200] * CLICKS
    assert Support.objects.filter(idea=idea).count() == 1
    assert Idea.objects.get(pk=idea.pk).support_count == 1
