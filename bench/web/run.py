"""Tuuma's pages under a crowd: gunicorn + PostgreSQL, measured against a bare view.

Seeds (or re-uses) the 100,000-idea database of bench/ideas (default
``bench_load``), starts ``gunicorn tuuma.wsgi`` on 127.0.0.1 with a bare view
added (bench_urls.py), then drives it with locust, headless, from its own process:

* per page, U users each sending the next request as soon as the last answers,
  for ``--seconds``; the bare view runs first and last in the same series, so
  a slow spell of this shared machine falls on both;
* a soak of the mix (anonymous browsing and searching, residents supporting and
  commenting, a lead triaging) bounded by ``--soak`` seconds and
  ``--soak-requests`` requests, with the workers' memory at its start and end.

    .venv/bin/python bench/web/run.py [--users 10,50] [--seconds 30] [--soak 600]

locust is a dev extra (pyproject.toml), never a runtime dependency.
"""

import argparse
import csv
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = Path(sys.executable).parent
PAGES = ["bare", "list", "list_later", "search", "idea", "home", "api"]
HOST = "bench.testserver"


def _ideas_bench():
    spec = importlib.util.spec_from_file_location(
        "ideas_bench", ROOT / "bench/ideas/run.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fixture(ideas_bench, database: str, path: Path) -> None:
    """Seed if needed, then the ids and sessions the locust users need."""
    ideas_bench._setup(database)
    organisation = ideas_bench._seed(ideas=100_000, supports=1_000_000, reseed=False)
    from django.db import connection
    from django.test import Client

    from tuuma.accounts.models import User
    from tuuma.ideas.models import Idea

    with connection.cursor() as cursor:
        for table in ("ideas_idea", "ideas_support", "ideas_comment"):
            cursor.execute(f"VACUUM ANALYZE {table}")

    def session(user) -> str:
        client = Client(HTTP_HOST=HOST)
        client.force_login(user)
        return client.cookies["sessionid"].value

    residents = User.objects.filter(organisation=organisation).order_by("-pk")[:50]
    fixture = {
        "host": HOST,
        "words": ideas_bench.WORDS,
        "ideas": list(
            Idea.objects.filter(organisation=organisation)
            .public()
            .values_list("pk", flat=True)[:20000]
        ),
        "residents": [session(user) for user in residents],
        "lead": session(ideas_bench._manager(organisation)),
    }
    path.write_text(json.dumps(fixture))


def _gunicorn(database: str, port: int, workers: int) -> subprocess.Popen:
    env = dict(
        os.environ,
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database}",
        DJANGO_SETTINGS_MODULE="bench_settings",
        PYTHONPATH=f"{HERE}:{ROOT}",
    )
    server = subprocess.Popen(
        [
            BIN / "gunicorn",
            "tuuma.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            # Loaded once before the fork, and a generous timeout: on a loaded
            # machine a worker's first request must not be killed as stuck.
            "--preload",
            "--timeout",
            "120",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(120):
        try:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/bench/bare/", headers={"Host": HOST}
            )
            urllib.request.urlopen(request, timeout=5)  # noqa: S310
            return server
        except OSError:
            time.sleep(1)
    server.terminate()
    raise SystemExit("gunicorn did not answer")


def _worker_rss_mib(server: subprocess.Popen) -> list[float]:
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text()
    sizes = []
    for pid in children.split():
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(round(int(line.split()[1]) / 1024, 1))
    return sizes


def _number(text: str) -> float | None:
    return None if text == "N/A" else float(text)


def _locust(
    port: int, users: int, seconds: int, page: str, fixture: Path, max_requests: int = 0
) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "run"
        subprocess.run(
            [
                BIN / "locust",
                "-f",
                HERE / "locustfile.py",
                "--headless",
                "-u",
                str(users),
                "-r",
                str(users),
                "-t",
                f"{seconds}s",
                "-H",
                f"http://127.0.0.1:{port}",
                "--csv",
                prefix,
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env=dict(
                os.environ,
                BENCH_PAGE=page,
                BENCH_FIXTURE=str(fixture),
                BENCH_MAX_REQUESTS=str(max_requests),
            ),
            check=False,
            stdout=subprocess.DEVNULL,
        )
        rows = list(csv.DictReader(open(f"{prefix}_stats.csv")))  # noqa: SIM115
    return [
        {
            "name": row["Name"],
            "requests": int(row["Request Count"]),
            "failures": int(row["Failure Count"]),
            "rps": round(float(row["Requests/s"]), 1),
            "p50": _number(row["50%"]),
            "p95": _number(row["95%"]),
            "p99": _number(row["99%"]),
        }
        for row in rows
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="bench_load")
    parser.add_argument("--users", default="10,50")
    parser.add_argument("--seconds", type=int, default=30, help="per page run")
    parser.add_argument("--soak", type=int, default=600, help="seconds")
    parser.add_argument("--soak-requests", type=int, default=200_000)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--port", type=int, default=8790)
    args = parser.parse_args()
    fixture = HERE / "fixture.json"
    _fixture(_ideas_bench(), args.database, fixture)
    server = _gunicorn(args.database, args.port, args.workers)
    results: dict = {"workers": args.workers, "pages": {}, "soak": {}}
    try:
        for users in [int(n) for n in args.users.split(",")]:
            _locust(args.port, users, 10, "list", fixture)  # warm-up
            runs = {}
            for page in [*PAGES, "bare"]:
                stats = _locust(args.port, users, args.seconds, page, fixture)[0]
                runs.setdefault(page, []).append(stats)
                print(users, page, stats, flush=True)
            results["pages"][users] = runs
        users = max(int(n) for n in args.users.split(","))
        rss_start = _worker_rss_mib(server)
        soak = _locust(args.port, users, args.soak, "mix", fixture, args.soak_requests)
        results["soak"] = {
            "users": users,
            "seconds": args.soak,
            "rss_start_mib": rss_start,
            "rss_end_mib": _worker_rss_mib(server),
            "stats": soak,
        }
        print(json.dumps(results["soak"], indent=1), flush=True)
    finally:
        server.terminate()
        server.wait()
        fixture.unlink(missing_ok=True)
    out = HERE / "results.json"
    out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
