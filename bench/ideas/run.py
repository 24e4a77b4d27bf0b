"""Ideas list, search and detail under volume: 100,000 ideas, 1,000,000 supports.

Seeds its own PostgreSQL database (default ``tuuma_bench``; re-used when already
seeded, ``--reseed`` starts over), then times the pages in-process with Django's
test client and prints p50/p95 server time and the number of SQL queries.

    .venv/bin/python bench/ideas/run.py [--ideas 100000] [--supports 1000000]
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

WORDS = (
    "penkki puisto kirjasto koulu päiväkoti uimahalli katuvalo pyörätie lumityöt "
    "bussi pysäkki liikuntasali nuorisotila terveysasema ajanvaraus lomake lasku "
    "rakennuslupa kaava tori roska-astia leikkipuisto koirapuisto jäähalli kuntosali "
    "aukioloaika verkkosivu sähköinen palvelu asiakas jono odotusaika henkilöstö "
    "kotihoito reitti ruokalista kuljetus opastus saavutettavuus selkokieli melu "
    "pysäköinti liikenne turvallisuus valaistus istutus kierrätys energia lämmitys"
).split()


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


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


def _seed(*, ideas: int, supports: int, reseed: bool) -> "object":
    from django.db import connection, transaction
    from django.utils import timezone

    from tuuma.accounts.models import User
    from tuuma.ideas.models import Comment, Idea, IdeaStatus
    from tuuma.organisation.models import Domain, Organisation, ServiceArea

    organisation = Organisation.objects.filter(slug="bench").first()
    if organisation and not reseed and organisation.ideas.count() >= ideas:
        return organisation
    if organisation:
        print("removing the previous bench data …", flush=True)
        Idea.objects.filter(organisation=organisation).delete()
        organisation.delete()
    started = time.perf_counter()
    rng = random.Random(2026)
    now = timezone.now()
    with transaction.atomic():
        organisation = Organisation.objects.create(name="Benchmark", slug="bench")
        Domain.objects.create(organisation=organisation, host="bench.testserver")
        areas = [
            ServiceArea.objects.create(organisation=organisation, name=n, slug=n)
            for n in ("konserni", "sivistys", "hyvinvointi", "tekniset")
        ]
        people = User.objects.bulk_create(
            User(
                organisation=organisation,
                email=f"p{n}@bench.example",
                full_name=f"Henkilö {n}",
                password="!",  # noqa: S106  (unusable: nobody logs in)
            )
            for n in range(5000)
        )
    statuses = [
        (IdeaStatus.PUBLISHED, 40),
        (IdeaStatus.UNDER_REVIEW, 15),
        (IdeaStatus.ANSWERED, 30),
        (IdeaStatus.IN_PROGRESS, 5),
        (IdeaStatus.IMPLEMENTED, 5),
        (IdeaStatus.DRAFT, 3),
        (IdeaStatus.SUBMITTED, 2),
    ]
    choices = [s for s, weight in statuses for _ in range(weight)]
    batch = []
    for n in range(ideas):
        status = rng.choice(choices)
        published = now - timezone.timedelta(minutes=rng.randint(10, 3 * 365 * 1440))
        is_public = status not in (IdeaStatus.DRAFT, IdeaStatus.SUBMITTED)
        answered = status in (
            IdeaStatus.ANSWERED,
            IdeaStatus.IN_PROGRESS,
            IdeaStatus.IMPLEMENTED,
        )
        batch.append(
            Idea(
                organisation=organisation,
                kind=rng.choice(["idea", "idea", "feedback", "problem"]),
                title=_text(rng, rng.randint(3, 7)).capitalize(),
                body=_text(rng, rng.randint(20, 80)),
                author=rng.choice(people),
                service_area=rng.choice(areas),
                status=status,
                outcome="accepted" if answered else "",
                is_staff_only=rng.random() < 0.03,
                published_at=published if is_public else None,
                answered_at=published + timezone.timedelta(days=20)
                if answered
                else None,
                answer_published_at=(
                    published + timezone.timedelta(days=rng.randint(1, 60))
                    if answered
                    else None
                ),
                answer_text="Vastaus." if answered else "",
            )
        )
        if len(batch) == 5000:
            Idea.objects.bulk_create(batch)
            batch.clear()
            print(f"  ideas {n + 1:,}", end="\r", flush=True)
    Idea.objects.bulk_create(batch)
    print(f"ideas seeded in {time.perf_counter() - started:.0f} s", flush=True)
    with connection.cursor() as cursor:
        # Supports skewed towards some ideas, at most one per (idea, person).
        cursor.execute(
            """
            INSERT INTO ideas_support (organisation_id, idea_id, user_id, created_at)
            SELECT %s, idea_id, user_id, now() FROM (
            SELECT DISTINCT idea_id, user_id
            FROM (
              SELECT i.ids[1 + floor(power(random(), 2) * array_length(i.ids, 1))::int]
                       AS idea_id,
                     u.ids[1 + floor(random() * array_length(u.ids, 1))::int]
                       AS user_id
              FROM generate_series(1, %s),
                   (SELECT array_agg(id) AS ids FROM ideas_idea
                    WHERE organisation_id = %s) AS i,
                   (SELECT array_agg(id) AS ids FROM accounts_user
                    WHERE organisation_id = %s) AS u
            ) AS picks
            LIMIT %s
            ) AS unique_picks
            ON CONFLICT DO NOTHING
            """,
            [
                organisation.pk,
                int(supports * 1.1),
                organisation.pk,
                organisation.pk,
                supports,
            ],
        )
        cursor.execute(
            """
            UPDATE ideas_idea SET support_count = s.n
            FROM (SELECT idea_id, count(*) AS n FROM ideas_support GROUP BY idea_id) s
            WHERE s.idea_id = ideas_idea.id AND ideas_idea.organisation_id = %s
            """,
            [organisation.pk],
        )
        print(f"supports seeded in {time.perf_counter() - started:.0f} s", flush=True)
        cursor.execute(
            """
            INSERT INTO ideas_comment (organisation_id, idea_id, author_id, body,
                                       is_hidden, hidden_reason, created_at)
            SELECT organisation_id, id, author_id, 'Hyvä idea, kannatan.', false,
                   '', now()
            FROM ideas_idea WHERE organisation_id = %s AND id %% 2 = 0
            """,
            [organisation.pk],
        )
    Idea.objects.filter(organisation=organisation).refresh_search()
    print(f"seeded in {time.perf_counter() - started:.0f} s", flush=True)
    assert Comment.objects.exists()
    return organisation


def _manager(organisation):
    """A person with an organisation-wide manager role (sees staff-only ideas)."""
    from tuuma.accounts.models import User
    from tuuma.organisation.models import Membership
    from tuuma.organisation.roles import Role

    person = User.objects.filter(organisation=organisation).order_by("pk").first()
    Membership.objects.get_or_create(
        organisation=organisation, user=person, role=Role.MANAGER
    )
    return person


def _time(client, paths: list[str]) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, queries = [], []
    for path in paths:
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(path, HTTP_HOST="bench.testserver")
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        queries.append(len(captured))
    timings.sort()
    return {
        "requests": len(paths),
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
        "max_queries": max(queries),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="tuuma_bench")
    parser.add_argument("--ideas", type=int, default=100_000)
    parser.add_argument("--supports", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--reseed", action="store_true")
    args = parser.parse_args()
    _setup(args.database)
    organisation = _seed(ideas=args.ideas, supports=args.supports, reseed=args.reseed)
    from django.db import connection

    with connection.cursor() as cursor:
        # What autovacuum does after a bulk load: statistics and the visibility
        # map (index-only scans for the counts).
        for table in ("ideas_idea", "ideas_support", "ideas_comment"):
            cursor.execute(f"VACUUM ANALYZE {table}")

    from django.test import Client

    from tuuma.ideas.models import Idea, Support

    rng = random.Random(7)
    public_ids = list(
        Idea.objects.filter(organisation=organisation)
        .public()
        .values_list("pk", flat=True)[:20000]
    )
    n = args.requests
    sorts = ["newest", "supported", "answered"]
    lists = [
        f"/ideat/?sort={rng.choice(sorts)}&page={rng.randint(1, 50)}"
        + rng.choice(["", "&kind=feedback", "&status=answered", "&area="])
        for _ in range(n)
    ]
    searches = [
        f"/ideat/?q={rng.choice(WORDS)}+{rng.choice(WORDS)}&sort={rng.choice(sorts)}"
        for _ in range(n)
    ]
    details = [f"/ideat/{rng.choice(public_ids)}/" for _ in range(n)]
    client = Client()
    client.get("/ideat/", HTTP_HOST="bench.testserver")  # warm up templates
    staff = Client()
    staff.force_login(_manager(organisation))
    results = {
        "ideas": Idea.objects.filter(organisation=organisation).count(),
        "supports": Support.objects.filter(idea__organisation=organisation).count(),
        "list": _time(client, lists),
        "search": _time(client, searches),
        "detail": _time(client, details),
        "api_list": _time(
            client, [f"/api/v1/ideas?page={i % 20 + 1}" for i in range(n)]
        ),
        "staff_list": _time(staff, lists),
        "triage_list": _time(
            staff, [f"/ideat/hallinta/kasittely/?page={i % 20 + 1}" for i in range(n)]
        ),
    }
    print(json.dumps(results, indent=2))
    out = Path(__file__).with_name("results.json")
    out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
