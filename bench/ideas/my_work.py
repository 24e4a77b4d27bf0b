""" "My work" and its navigation badge for a person with 500 assigned items, in
the ideas benchmark's set-up (its own seeded PostgreSQL database).

500 open ideas are made the responsibility of one process owner, who also owns
100 measures (half of them late, each with a milestone due this week) and
follows 50 ideas. Times ``/oma/`` and the front page (which shows the badge and
the work summary) in-process and prints p50/p95 server time and SQL queries.

    .venv/bin/python bench/ideas/my_work.py [--database tuuma_bench_work]
        [--ideas 20000] [--requests 100]
"""

import argparse
import json
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402  (the ideas benchmark's set-up and timer)

ASSIGNED = 500
MEASURES = 100


def _give_work(organisation):
    from django.utils import timezone

    from tuuma.accounts.models import User
    from tuuma.ideas.models import Follow, Idea
    from tuuma.organisation.models import Membership
    from tuuma.organisation.roles import Role
    from tuuma.programme import actions
    from tuuma.programme.models import Measure, Milestone

    person = User.objects.filter(organisation=organisation).order_by("pk")[1]
    Membership.objects.get_or_create(
        organisation=organisation, user=person, role=Role.PROCESS_OWNER
    )
    open_ideas = Idea.objects.filter(
        organisation=organisation, status__in=["published", "under_review"]
    ).order_by("pk")
    Idea.objects.filter(
        pk__in=list(open_ideas.values_list("pk", flat=True)[:ASSIGNED])
    ).update(responsible=person)
    for idea in Idea.objects.filter(organisation=organisation).order_by("-pk")[:50]:
        Follow.objects.get_or_create(organisation=organisation, idea=idea, user=person)
    if (
        Measure.objects.filter(organisation=organisation, owner=person).count()
        < MEASURES
    ):
        focus = actions.focus_area_create(organisation=organisation, name="Bench")
        goal = actions.goal_create(focus_area=focus, title="Bench")
        today = timezone.localdate()
        area = organisation.service_areas.first()
        for number in range(MEASURES):
            late = number % 2 == 0
            measure = actions.measure_create(
                organisation=organisation,
                by=person,
                goal=goal,
                title=f"Toimenpide {number}",
                description="…",
                measure_class="development_project",
                service_area=area,
                owner=person,
                start_date=today - timedelta(days=200),
                due_date=today + timedelta(days=-5 if late else 100),
            )
            Milestone.objects.create(
                organisation=organisation,
                measure=measure,
                title="Välitavoite",
                due_date=today + timedelta(days=3),
            )
    return person


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="tuuma_bench_work")
    parser.add_argument("--ideas", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    run._setup(args.database)
    organisation = run._seed(ideas=args.ideas, supports=args.ideas, reseed=False)
    person = _give_work(organisation)
    from django.db import connection
    from django.test import Client, RequestFactory

    with connection.cursor() as cursor:
        for table in ("ideas_idea", "programme_measure", "programme_milestone"):
            cursor.execute(f"VACUUM ANALYZE {table}")
    from tuuma.web.my_work import my_work

    client = Client()
    client.force_login(person)
    client.get("/oma/", HTTP_HOST="bench.testserver")  # warm the caches
    results = {
        "my work /oma/": run._time(client, ["/oma/"] * args.requests),
        "front page with badge and summary": run._time(client, ["/"] * args.requests),
    }

    request = RequestFactory().get("/oma/")
    request.user, request.organisation = person, organisation
    results["items"] = len(my_work(request))
    print(json.dumps(results, indent=2))
    out = Path(__file__).with_name("my_work_results.json")
    out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
