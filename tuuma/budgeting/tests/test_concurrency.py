"""No lost or double ballot: 1,000 ballots cast at once give exact totals.

On PostgreSQL a pool of threads with their own connections casts them
together (every tenth of them replacing an earlier ballot). SQLite serialises writers, so there they run one after another; the
exactness assertions are the same on both.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from tuuma.accounts.models import User
from tuuma.budgeting import results, voting
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
