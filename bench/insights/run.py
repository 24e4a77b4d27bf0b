"""The insights dashboard for an organisation of 100,000 ideas and 2,000 measures.

Seeds its own PostgreSQL database (default ``tuuma_bench_insights``; re-used when
already seeded, ``--reseed`` starts over): 8 service areas, 200 staff, 100,000
ideas over two years (85 % answered) and 2,000 measures of all classes and
states with an indicator each. Then times the dashboard, its drill-down into an
area, the risk view and one metric through the API in-process with Django's
test client as the manager, and prints p50/p95 server time and SQL queries.

    .venv/bin/python bench/insights/run.py [--ideas 100000] [--repeat 30]
"""

import argparse
import importlib.util
import json
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _seed(ideas: int, measures: int, reseed: bool):
    from django.db import transaction
    from django.utils import timezone

    from tuuma.accounts.models import User
    from tuuma.ideas.models import Idea, IdeaOutcome, IdeaStatus
    from tuuma.organisation.models import Domain, Membership, Organisation, ServiceArea
    from tuuma.organisation.roles import Role
    from tuuma.programme.models import (
        FocusArea,
        Goal,
        Indicator,
        Measure,
        MeasureClass,
        MeasureStatus,
    )

    organisation = Organisation.objects.filter(slug="bench-insights").first()
    if organisation and not reseed:
        return organisation
    if organisation:
        organisation.delete()
    rng = random.Random(2026)
    now, today = timezone.now(), timezone.localdate()
    started = time.perf_counter()
    with transaction.atomic():
        organisation = Organisation.objects.create(name="Bench", slug="bench-insights")
        Domain.objects.create(organisation=organisation, host="bench.testserver")
        areas = [
            ServiceArea.objects.create(
                organisation=organisation, name=f"Alue {n}", slug=f"a{n}"
            )
            for n in range(8)
        ]
        manager = User.objects.create_user(
            "manager@bench.example", "x", organisation=organisation, full_name="M"
        )
        Membership.objects.create(
            organisation=organisation, user=manager, role=Role.MANAGER
        )
        staff = User.objects.bulk_create(
            User(
                email=f"s{n}@bench.example",
                organisation=organisation,
                full_name=f"S {n}",
            )
            for n in range(200)
        )
        Membership.objects.bulk_create(
            Membership(organisation=organisation, user=u, role=Role.EMPLOYEE,
                       service_area=rng.choice(areas))
            for u in staff
        )  # fmt: skip
        rows = []
        for n in range(ideas):
            published = now - timedelta(days=rng.uniform(1, 730))
            answered = rng.random() < 0.85
            rows.append(
                Idea(
                    organisation=organisation, kind="idea", title=f"Idea {n}", body="-",
                    author=rng.choice(staff), service_area=rng.choice(areas),
                    status=IdeaStatus.ANSWERED if answered else IdeaStatus.PUBLISHED,
                    outcome=rng.choice(list(IdeaOutcome.values)[:4]) if answered else "",
                    submitted_at=published, published_at=published,
                    answer_published_at=(
                        published + timedelta(days=rng.uniform(1, 60)) if answered else None
                    ),
                )
            )  # fmt: skip
        Idea.objects.bulk_create(rows, batch_size=5000)
        focus = FocusArea.objects.create(organisation=organisation, name="F")
        goal = Goal.objects.create(
            organisation=organisation, focus_area=focus, title="G"
        )
        statuses = list(MeasureStatus.values)
        made = Measure.objects.bulk_create(
            Measure(
                organisation=organisation, goal=goal, title=f"Measure {n}", description="-",
                measure_class=list(MeasureClass.values)[n % 4],
                service_area=rng.choice(areas), owner=manager,
                start_date=today - timedelta(days=400), due_date=today - timedelta(days=rng.randint(-300, 300)),
                status=statuses[n % len(statuses)],
                done_at=now - timedelta(days=rng.randint(1, 300)) if statuses[n % len(statuses)] == "done" else None,
            )
            for n in range(measures)
        )  # fmt: skip
        Indicator.objects.bulk_create(
            Indicator(
                organisation=organisation, measure=m, name="I", unit="pv",
                direction="decrease", baseline_value=30, baseline_date=m.start_date,
                target_value=20, target_date=m.due_date,
            )
            for m in made
        )  # fmt: skip
    print(f"seeded in {time.perf_counter() - started:.0f} s", flush=True)
    return organisation


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
    _setup(args.database)
    organisation = _seed(args.ideas, args.measures, args.reseed)
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
