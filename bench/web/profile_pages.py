"""In-process cost of the pages the load bench drives, for before/after tables.

Runs against the code tree given by ``--tree`` (default: this checkout), so an
export of an older commit can be measured in the same session on the same
seeded database (``bench_load`` from run.py). For each page it times
``--requests`` requests with Django's test client, reports the p50 wall time, the
CPU time per request, the share spent in template rendering and the SQL queries.

    .venv/bin/python bench/web/profile_pages.py [--tree DIR] [--requests 100]
"""

import argparse
import cProfile
import json
import os
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

HOST = "bench.testserver"


def _paths(rng: random.Random, ids: list[int], words: list[str]) -> dict:
    return {
        "list": lambda: "/ideat/",
        "list_later": lambda: f"/ideat/?sort=supported&page={rng.randint(2, 50)}",
        "search": lambda: f"/ideat/?q={rng.choice(words)}+{rng.choice(words)}",
        "idea": lambda: f"/ideat/{rng.choice(ids)}/",
        "home": lambda: "/",
        "api": lambda: f"/api/v1/ideas?page={rng.randint(1, 20)}",
    }


def _measure(client, make_path, n: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    walls, cpus, queries = [], [], []
    profile = cProfile.Profile()
    for _ in range(n):
        path = make_path()
        with CaptureQueriesContext(connection) as captured:
            wall, cpu = time.perf_counter(), time.process_time()
            profile.enable()
            response = client.get(path, HTTP_HOST=HOST)
            profile.disable()
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        queries.append(len(captured))
    stats = pstats.Stats(profile)
    total = stats.total_tt or 1
    # Template.render is the outermost of base.py's render functions, so its
    # cumulative time (recursion counted once by cProfile) is all the rendering.
    render = max(
        [
            row[3]
            for (file, _line, name), row in stats.stats.items()
            if name == "render" and file.endswith("django/template/base.py")
        ]
        or [0]
    )
    return {
        "p50_ms": round(statistics.median(walls), 1),
        "cpu_ms": round(statistics.median(cpus), 1),
        "render_share": round(min(render, total) / total, 2),
        "queries": max(queries),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", default=str(Path(__file__).resolve().parents[2]))
    parser.add_argument("--database", default="bench_load")
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    sys.path.insert(0, args.tree)
    os.chdir(args.tree)
    os.environ.update(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{args.database}",
        DEBUG="false",
        SECRET_KEY="bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",  # noqa: S106
        ALLOWED_HOSTS="*",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        DJANGO_SETTINGS_MODULE="tuuma.settings",
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from tuuma.ideas.models import Idea

    call_command("createcachetable", verbosity=0)
    ids = list(
        Idea.objects.filter(organisation__slug="bench")
        .public()
        .values_list("pk", flat=True)[:20000]
    )
    words = "penkki puisto kirjasto koulu katuvalo pyörätie lumityöt bussi".split()
    client = Client()
    for _ in range(3):  # templates compiled, caches filled
        for make_path in _paths(random.Random(1), ids, words).values():
            client.get(make_path(), HTTP_HOST=HOST)
    rng = random.Random(7)
    results = {
        page: _measure(client, make_path, args.requests)
        for page, make_path in _paths(rng, ids, words).items()
    }
    print(json.dumps({"tree": args.tree, "pages": results}))


if __name__ == "__main__":
    main()
