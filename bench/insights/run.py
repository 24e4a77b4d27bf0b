"""The insights dashboard for an organisation of 100,000 ideas and 2,000 measures.

Seeds its own PostgreSQL database (default ``tuuma_bench_insights``; re-used when
already seeded, ``--reseed`` drops it and starts over) with ``seed.py``: 8
service areas of 16 units, 200 staff, 100,000 ideas over two years (85 %
answered), 2,000 measures of all classes and states with an indicator each and
three ideas each, and three years of productivity and working-life figures.
Then times the dashboard, its drill-down into an area, the risk view and one
metric through the API in-process with Django's test client as the manager, and
prints p50/p95 server time and SQL queries.

    .venv/bin/python bench/insights/run.py [--ideas 100000] [--repeat 30]
"""

import argparse
import importlib.util
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]


def _drop(database: str) -> None:
    """Start over: dropping the whole database is faster than deleting rows."""
    import psycopg

    with psycopg.connect(
        "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
    ) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{database}"')


def _organisation(ideas: int, measures: int):
    from seed import seed  # bench/insights/seed.py

    from tuuma.organisation.models import Organisation

    found = Organisation.objects.filter(slug="bench-insights").first()
    return found or seed(ideas, measures)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="tuuma_bench_insights")
    parser.add_argument("--ideas", type=int, default=100_000)
    parser.add_argument("--measures", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--reseed", action="store_true")
    args = parser.parse_args()
    # bench/competence/run.py's set-up (database, migrate) and timing (p50/p95).
    spec = importlib.util.spec_from_file_location(
        "competence_bench", ROOT / "bench" / "competence" / "run.py"
    )
    shared = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shared)
    _setup, _time = shared._setup, shared._time
    if args.reseed:
        _drop(args.database)
    _setup(args.database)
    organisation = _organisation(args.ideas, args.measures)
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from tuuma.accounts.models import User
    from tuuma.organisation.models import ServiceArea

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    cache.clear()
    client = Client()
    client.force_login(User.objects.get(email="manager@bench.example"))
    area = ServiceArea.objects.filter(organisation=organisation).first()
    pages = {
        "dashboard `/tilannekuva/`": "/tilannekuva/",
        "drill-down into an area": f"/tilannekuva/?service_area={area.pk}",
        "risk view `/tilannekuva/riskit/`": "/tilannekuva/riskit/",
        "API `/api/v1/metrics/ideas.received/values`": (
            "/api/v1/metrics/ideas.received/values"
        ),
    }
    results = {name: _time(client, path, args.repeat) for name, path in pages.items()}
    for name, figures in results.items():
        print(
            f"| {name} | {figures['p50_ms']} | {figures['p95_ms']} | {figures['queries']} |"
        )
    out = Path(__file__).with_name("results.json")
    out.write_text(json.dumps({"ideas": args.ideas, "measures": args.measures,
                               "repeat": args.repeat, "pages": results}, indent=2) + "\n")  # fmt: skip
    print(statistics.median([r["p95_ms"] for r in results.values()]))


if __name__ == "__main__":
    main()
