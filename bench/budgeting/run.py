"""1,000 ballots cast at once on PostgreSQL, then the close, count and recount.

Creates its own database (default ``tuuma_bench_budgeting``, dropped and made
again each run), a knapsack round with one area of 10 proposals, and
``--voters`` people; a pool of ``--threads`` threads (each with its own
connection) casts one ballot per person through ``voting.ballot_cast``, every
tenth person replacing an earlier ballot. It checks that the totals are exact,
then times the close (breaking the links, counting both rules, publishing) and
a recount from the export, and writes ``bench/budgeting/results.json``.

It does this twice per turn, each time on a new round: with the exclusive area
lock that casts took before (swapped in for ``voting._area_for_cast``) and with
today's shared lock, so that the two are measured side by side.

    .venv/bin/python bench/budgeting/run.py [--voters 1000] [--threads 16] [--turns 1]
"""

import argparse
import json
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _setup(database: str) -> None:
    os.environ.update(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database}",
        DEBUG="false",
        SECRET_KEY="bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",  # noqa: S106
        ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SETTINGS_MODULE="tuuma.settings",
    )
    import psycopg

    with psycopg.connect(
        "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
    ) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{database}"')
        c.execute(f'CREATE DATABASE "{database}"')
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _round(voters: int, label: str):
    from tuuma.accounts.models import User
    from tuuma.budgeting.builders import round_with_proposals
    from tuuma.organisation.models import Organisation

    organisation = Organisation.objects.create(name=label, slug=f"bench-{label}")
    lead = User.objects.create_user(
        f"lead@{label}.bench.fi", "x", organisation=organisation
    )
    costs = [(f"Ehdotus {n}", 10_000 + 3_000 * n) for n in range(10)]
    budget_round = round_with_proposals(
        organisation=organisation,
        lead=lead,
        author=lead,
        areas=[("Koko kunta", 100_000)],
        proposals={"Koko kunta": costs},
    )
    people = User.objects.bulk_create(
        User(organisation=organisation, email=f"v{n}@{label}.bench.fi", password="!")  # noqa: S106
        for n in range(voters)
    )
    return budget_round, budget_round.areas.get(), people


def _exclusive_area_lock(area):
    """The lock casts took before (commit 5b109f9): FOR UPDATE on the area and
    its round, so the casts of one area ran one at a time."""
    from tuuma.budgeting.models import Area

    return Area.objects.select_for_update().select_related("round").get(pk=area.pk)


def _choice(ids: list[int], n: int) -> list[int]:
    """Up to three proposals, always within the 100,000 € budget."""
    return [ids[n % 10], ids[(n * 7 + 3) % 10], ids[(n * 3 + 1) % 10]][: 1 + n % 3]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voters", type=int, default=1000)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--database", default="tuuma_bench_budgeting")
    parser.add_argument("--turns", type=int, default=1)
    args = parser.parse_args()
    _setup(args.database)
    from django.db import connection

    from tuuma.budgeting import voting

    shared_lock = voting._area_for_cast
    rows = {}
    # The two strategies take turns (each on its own round), so that a slow
    # spell of the shared machine falls on both.
    for turn in range(args.turns):
        for label, lock in (
            ("exclusive", _exclusive_area_lock),
            ("shared", shared_lock),
        ):
            voting._area_for_cast = lock
            row = _cast_all(args, f"{label}{turn}", connection)
            rows.setdefault(label, []).append(row)
    voting._area_for_cast = shared_lock
    report = {
        "date": time.strftime("%Y-%m-%d"),
        "voters": args.voters,
        "threads": args.threads,
        "turns": rows,
        "load_average": os.getloadavg()[0],
    }
    out = Path(__file__).with_name("results.json")
    out.write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(report, indent=1))


def _cast_all(args, label: str, connection) -> dict:
    """Every person casts at once; check the totals, close, recount; the figures."""
    from tuuma.budgeting import results, voting

    budget_round, area, people = _round(args.voters, label)
    ids = list(area.proposals.order_by("pk").values_list("pk", flat=True))
    for person in people[::10]:
        voting.ballot_cast(
            area=area, by=person, proposal_ids=[ids[9]], age=40, is_resident=True
        )
    connection.close()
    times: list[float] = []

    def cast(n: int) -> None:
        from django.db import connection as own

        started = time.perf_counter()
        try:
            voting.ballot_cast(
                area=area,
                by=people[n],
                proposal_ids=sorted(set(_choice(ids, n))),
                age=20 + n % 60,
                is_resident=True,
            )
        finally:
            own.close()
        times.append(time.perf_counter() - started)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.threads) as pool:
        list(pool.map(cast, range(args.voters)))
    wall = time.perf_counter() - started

    expected = {pk: 0 for pk in ids}
    for n in range(args.voters):
        for pk in set(_choice(ids, n)):
            expected[pk] += 1
    counted = results.count_area(area)["counts"]
    assert counted == expected, (counted, expected)

    started = time.perf_counter()
    closed = voting.round_close_vote(budget_round=budget_round, by=people[0])
    close_seconds = time.perf_counter() - started
    started = time.perf_counter()
    recounted = results.recount(results.export(closed))
    recount_seconds = time.perf_counter() - started
    published = results.published(closed)
    for area_id, figures in recounted.items():
        assert figures["votes"] == published[area_id]["votes"]
    times.sort()
    return {
        "totals_exact": True,
        "wall_seconds": round(wall, 2),
        "ballots_per_second": round(args.voters / wall, 1),
        "cast_p50_ms": round(statistics.median(times) * 1000, 1),
        "cast_p95_ms": round(times[int(len(times) * 0.95)] * 1000, 1),
        "close_and_count_seconds": round(close_seconds, 2),
        "export_and_recount_seconds": round(recount_seconds, 2),
        "load_average": os.getloadavg()[0],
    }


if __name__ == "__main__":
    main()
