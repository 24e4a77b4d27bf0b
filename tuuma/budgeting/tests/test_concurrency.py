"""No lost or double ballot: 1,000 ballots cast at once give exact totals.

On PostgreSQL a pool of threads with their own connections casts them
together (every tenth of them replacing an earlier ballot). SQLite serialises writers,
so there they run one after another; the exactness assertions are the same on
both. Casts hold their area only with a shared lock: on PostgreSQL two casts
run at once, and the close waits for a cast in progress and counts it.
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, transaction

from tuuma.accounts.models import User
from tuuma.budgeting import results, voting
from tuuma.budgeting.errors import BudgetingError
from tuuma.budgeting.models import Ballot, VoterRecord

VOTERS = 1000
THREADS = 16


def _people(org, count: int) -> list[User]:
    return User.objects.bulk_create(
        User(organisation=org, email=f"voter{n}@example.fi", password="!")
        for n in range(count)
    )


def _run(calls) -> None:
    if connection.vendor != "postgresql":
        for call in calls:
            call()
        return

    def run(call):
        from django.db import connection as own

        try:
            call()
        finally:
            own.close()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        for future in [pool.submit(run, call) for call in calls]:
            future.result()


@pytest.mark.django_db(transaction=True)
def test_a_thousand_ballots_at_once_give_exact_totals(centre, titles):
    options = [
        [titles["Penkit"]],
        [titles["Valot"], titles["Kiipeilyteline"]],
        [titles["Kiipeilyteline"]],
    ]
    people = _people(centre.organisation, VOTERS)

    def cast(person, choice):
        return lambda: voting.ballot_cast(
            area=centre, by=person, proposal_ids=choice, age=30, is_resident=True
        )

    # Every tenth person voted earlier for something else: their ballot in
    # the rush replaces that one.
    for i, person in list(enumerate(people))[::10]:
        cast(person, options[(i + 1) % 3])()
    _run([cast(p, options[i % 3]) for i, p in enumerate(people)])

    assert VoterRecord.objects.filter(area=centre).count() == VOTERS
    assert Ballot.objects.filter(area=centre).count() == VOTERS
    expected = {
        pk: 0 for pk in titles.values() if pk in results.count_area(centre)["counts"]
    }
    for i in range(VOTERS):
        for pk in options[i % 3]:
            expected[pk] += 1
    assert results.count_area(centre)["counts"] == expected


def _held_cast(area, person, choice, *, cast_in: threading.Event, release):
    """Cast in a transaction that stays open until ``release`` is set."""
    from django.db import connection as own

    try:
        with transaction.atomic():
            voting.ballot_cast(
                area=area, by=person, proposal_ids=choice, age=30, is_resident=True
            )
            cast_in.set()
            assert release.wait(20)
    finally:
        own.close()


def _serialised() -> bool:
    """SQLite has no row locks: one writer at a time, so there the tests below
    check the same outcome with the casts and the close one after another."""
    return connection.vendor != "postgresql"


@pytest.mark.django_db(transaction=True)
def test_a_cast_does_not_wait_for_another_cast_in_progress(centre, titles):
    first, second = _people(centre.organisation, 2)
    if _serialised():
        for person, title in [(first, "Penkit"), (second, "Valot")]:
            voting.ballot_cast(
                area=centre,
                by=person,
                proposal_ids=[titles[title]],
                age=30,
                is_resident=True,
            )
        assert VoterRecord.objects.filter(area=centre).count() == 2
        return
    cast_in, release = threading.Event(), threading.Event()
    holder = threading.Thread(
        target=_held_cast,
        args=(centre, first, [titles["Penkit"]]),
        kwargs={"cast_in": cast_in, "release": release},
    )
    holder.start()
    try:
        assert cast_in.wait(20)
        with transaction.atomic():
            # Under the old exclusive area lock this waited for the first cast.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '2s'")
            voting.ballot_cast(
                area=centre,
                by=second,
                proposal_ids=[titles["Valot"]],
                age=30,
                is_resident=True,
            )
    finally:
        release.set()
        holder.join()
    assert VoterRecord.objects.filter(area=centre).count() == 2


@pytest.mark.django_db(transaction=True)
def test_the_close_waits_for_a_cast_in_progress_and_counts_it(
    voting_round, centre, titles, cast
):
    (person,) = _people(centre.organisation, 1)
    if _serialised():
        voting.ballot_cast(
            area=centre,
            by=person,
            proposal_ids=[titles["Penkit"]],
            age=30,
            is_resident=True,
        )
        voting.round_close_vote(budget_round=voting_round, by=cast.productivity_lead)
        assert results.count_area(centre)["counts"][titles["Penkit"]] == 1
        with pytest.raises(BudgetingError, match="vote is closed"):
            voting.ballot_cast(
                area=centre, by=person, proposal_ids=[titles["Valot"]], age=30
            )
        return
    cast_in, release = threading.Event(), threading.Event()
    holder = threading.Thread(
        target=_held_cast,
        args=(centre, person, [titles["Penkit"]]),
        kwargs={"cast_in": cast_in, "release": release},
    )
    holder.start()
    assert cast_in.wait(20)
    closing = ThreadPoolExecutor(max_workers=1).submit(
        _closed_in_own_connection, voting_round, cast.productivity_lead
    )
    time.sleep(0.5)
    assert not closing.done()  # it waits for the cast's transaction
    release.set()
    holder.join()
    closing.result(timeout=20)
    assert results.count_area(centre)["counts"][titles["Penkit"]] == 1
    assert not VoterRecord.objects.filter(ballot__isnull=False).exists()
    with pytest.raises(BudgetingError, match="vote is closed"):
        voting.ballot_cast(
            area=centre, by=person, proposal_ids=[titles["Valot"]], age=30
        )


def _closed_in_own_connection(budget_round, by) -> None:
    from django.db import connection as own

    try:
        voting.round_close_vote(budget_round=budget_round, by=by)
    finally:
        own.close()
