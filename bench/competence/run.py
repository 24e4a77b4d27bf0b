"""Competence pages for an organisation of 3,000 employees and 2,000 tasks.

Seeds its own PostgreSQL database (default ``tuuma_bench_competence``; re-used
when already seeded, ``--reseed`` starts over): 100 units of 30 people with 20
tasks each, every person at some level on about eight of their unit's tasks,
deputies on every task. Then times the pages in-process with Django's test
client as the productivity lead (who sees every name) and prints p50/p95 server
time and the number of SQL queries; the figures of all 2,000 tasks × 3,000
people as one matrix time the engine alone.

    .venv/bin/python bench/competence/run.py [--units 100] [--repeat 50]
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
PEOPLE_PER_UNIT, TASKS_PER_UNIT = 30, 20


def _setup(database: str) -> None:
    os.environ.setdefault(
        "DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{database}"
    )
    os.environ.update(
        DEBUG="false",
        SECRET_KEY="bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",  # noqa: S106
        ALLOWED_HOSTS="*",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        DJANGO_SETTINGS_MODULE="tuuma.settings",
    )
    import psycopg

    url = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(
        url.replace("postgres://", "postgresql://"), autocommit=True
    ) as c:
        exists = c.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database]
        ).fetchone()
        if not exists:
            c.execute(f'CREATE DATABASE "{database}"')
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _seed(units: int, reseed: bool):
    from django.db import transaction

    from tuuma.accounts.models import User
    from tuuma.competence.models import Deputy, Level, Task
    from tuuma.organisation.models import (
        Domain,
        Membership,
        Organisation,
        ServiceArea,
        Unit,
    )
    from tuuma.organisation.roles import Role

    organisation = Organisation.objects.filter(slug="bench-competence").first()
    if organisation and not reseed:
        return organisation
    if organisation:
        organisation.delete()
    rng = random.Random(2026)
    started = time.perf_counter()
    with transaction.atomic():
        organisation = Organisation.objects.create(
            name="Benchmark", slug="bench-competence"
        )
        Domain.objects.create(organisation=organisation, host="bench.testserver")
        area = ServiceArea.objects.create(
            organisation=organisation, name="Kaikki", slug="kaikki"
        )
        lead = User.objects.create_user(
            "lead@bench.example", "x" * 20, organisation=organisation, full_name="Lead"
        )
        Membership.objects.create(
            organisation=organisation, user=lead, role=Role.PRODUCTIVITY_LEAD
        )
        for u in range(units):
            unit = Unit.objects.create(
                organisation=organisation, service_area=area, name=f"Yksikkö {u:03}"
            )
            people = User.objects.bulk_create(
                User(
                    organisation=organisation,
                    email=f"p{u}-{n}@bench.example",
                    full_name=f"Henkilö {u}-{n}",
                    password="!",  # noqa: S106  (unusable: nobody logs in)
                )
                for n in range(PEOPLE_PER_UNIT)
            )
            Membership.objects.bulk_create(
                Membership(
                    organisation=organisation,
                    user=p,
                    role=Role.EMPLOYEE,
                    service_area=area,
                    unit=unit,
                )
                for p in people
            )
            tasks = Task.objects.bulk_create(
                Task(
                    organisation=organisation,
                    unit=unit,
                    service_area=area,
                    name=f"Tehtävä {t}",
                    critical=t % 4 == 0,
                    headcount=rng.choice([1, 2, 2, 3]),
                    annual_cases=rng.choice([None, 3, 30, 300, 3000]),
                )
                for t in range(TASKS_PER_UNIT)
            )
            Level.objects.bulk_create(
                Level(
                    organisation=organisation, task=t, person=p, level=rng.randint(1, 4)
                )
                for p in people
                for t in rng.sample(tasks, 8)
            )
            Deputy.objects.bulk_create(
                Deputy(organisation=organisation, task=t, person=p, order=i)
                for t in tasks
                for i, p in enumerate(rng.sample(people, 3))
            )
    print(f"seeded in {time.perf_counter() - started:.0f} s", flush=True)
    return organisation


def _time(client, path: str, repeat: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    queries = 0
    for _ in range(repeat):
        connection.queries_log.clear()  # the log keeps 9,000 at most
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(path, HTTP_HOST="bench.testserver")
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        queries = len(captured)
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
        "queries": queries,
    }


def _engine_whole_organisation(organisation) -> dict:
    from tuuma.competence import engine
    from tuuma.competence.models import Level, Task
    from tuuma.competence.queries import task_req

    tasks = [task_req(t) for t in Task.objects.filter(organisation=organisation)]
    levels = {
        (p, t): lv
        for p, t, lv in Level.objects.filter(organisation=organisation).values_list(
            "person_id", "task_id", "level"
        )
    }
    started = time.perf_counter()
    figures = engine.figures(tasks, levels)
    elapsed = (time.perf_counter() - started) * 1000
    return {
        "tasks": len(tasks),
        "levels": len(levels),
        "ms": round(elapsed, 1),
        "spof": len(figures.spof),
    }


def _access_log_side_by_side(organisation, unit, repeat: int) -> dict:
    """The unit page's access-log write for its 30 people, the old way (one
    INSERT per person) and the bulk one, alternately in one run."""
    from django.test import RequestFactory

    from tuuma.accounts.models import User
    from tuuma.audit.actions import personal_data_viewed, personal_data_viewed_many
    from tuuma.competence.queries import unit_people

    request = RequestFactory().get(f"/osaaminen/yksikot/{unit.pk}/")
    request.user = User.objects.get(email="lead@bench.example")
    request.organisation = organisation
    people = list(unit_people(unit))
    one_by_one, bulk = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        for person in people:
            personal_data_viewed(request=request, subject=person, what="bench")
        one_by_one.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        personal_data_viewed_many(request=request, subjects=people, what="bench")
        bulk.append((time.perf_counter() - started) * 1000)
    old, new = statistics.median(one_by_one), statistics.median(bulk)
    return {
        "people": len(people),
        "one_insert_each_p50_ms": round(old, 1),
        "bulk_p50_ms": round(new, 1),
        "ratio": round(old / new, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="tuuma_bench_competence")
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--reseed", action="store_true")
    args = parser.parse_args()
    _setup(args.database)
    organisation = _seed(args.units, args.reseed)
    from django.db import connection
    from django.test import Client

    from tuuma.accounts.models import User
    from tuuma.organisation.models import Unit

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    client = Client()
    client.force_login(User.objects.get(email="lead@bench.example"))
    unit = Unit.objects.filter(organisation=organisation).order_by("pk")[10]
    pages = {
        "units `/osaaminen/` (100 units with figures)": "/osaaminen/",
        "unit matrix `/osaaminen/yksikot/<id>/` (30 × 20)": (
            f"/osaaminen/yksikot/{unit.pk}/"
        ),
        "coverage API `/api/v1/competence/units/<id>/coverage`": (
            f"/api/v1/competence/units/{unit.pk}/coverage"
        ),
        "personnel plan `/osaaminen/yksikot/<id>/suunnitelma/`": (
            f"/osaaminen/yksikot/{unit.pk}/suunnitelma/"
        ),
    }
    results = {name: _time(client, path, args.repeat) for name, path in pages.items()}
    results["engine: figures of 2,000 tasks × 3,000 people"] = (
        _engine_whole_organisation(organisation)
    )
    results["access log of one unit page: one INSERT each vs bulk"] = (
        _access_log_side_by_side(organisation, unit, args.repeat)
    )
    for name, figures in results.items():
        print(f"{name}: {figures}")
    out = Path(__file__).with_name("results.json")
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
