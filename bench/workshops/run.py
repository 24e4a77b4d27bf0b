"""300 phones in one live workshop: real HTTP against gunicorn on PostgreSQL.

Creates its own database (default ``tuuma_bench_ws``, dropped and made again each
run), a session with an ideation step and a dot-voting step, starts gunicorn on
127.0.0.1 only, then drives ``--participants`` simulated phones through the
participant API: join, post a note, and (once the facilitator opens voting) spend
the dot budget with extra taps beyond it, two taps at a time from each phone so
that a person's requests really race. It then checks that every accepted dot is
one row, that no budget or per-item maximum was exceeded, and reports p95 times
per endpoint and the time for a vote to appear on the presenter's numbers.

    .venv/bin/python bench/workshops/run.py [--participants 300] [--workers 4]

Bounded: at most participants × (3 + budget + 3) requests and ``--timeout`` s.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
BUDGET, MAX_PER_ITEM = 5, 2
TIMES: dict[str, list[float]] = {}
LOCK = threading.Lock()


def _setup(database: str) -> None:
    os.environ.update(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database}",
        DEBUG="false",
        SECRET_KEY="bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",  # noqa: S106
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        DJANGO_SETTINGS_MODULE="tuuma.settings",
        WORKSHOPS_JOIN_LIMIT="100000",
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


def _seed():
    from tuuma.accounts.models import ApiToken, User
    from tuuma.organisation.models import Domain, Membership, Organisation
    from tuuma.organisation.roles import Role
    from tuuma.workshops import actions

    organisation = Organisation.objects.create(name="Bench", slug="bench")
    Domain.objects.create(organisation=organisation, host="127.0.0.1")
    lead = User.objects.create_user(
        "lead@bench.example", "x" * 20, organisation=organisation, full_name="Lead"
    )
    Membership.objects.create(
        organisation=organisation, user=lead, role=Role.PRODUCTIVITY_LEAD
    )
    session = actions.session_create(
        organisation=organisation, by=lead, title="Bench", anonymity="nickname"
    )
    ideate = actions.step_add(session=session, kind="ideate", prompt="Ideas?")
    dots = actions.step_add(
        session=session,
        kind="dots",
        prompt="Vote",
        budget=BUDGET,
        max_per_item=MAX_PER_ITEM,
    )
    actions.step_open(step=ideate, by=lead)
    _token, key = ApiToken.issue(user=lead, name="bench")
    return session, ideate, dots, lead, key


def _call(base: str, name: str, path: str, data=None, headers=None) -> tuple[int, dict]:
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(  # noqa: S310 - our own http://127.0.0.1 URL
        base + path,
        data=body,
        headers={"Content-Type": "application/json", **(headers or {})},
        method="POST" if body is not None else "GET",
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            status, payload = response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        status, payload = error.code, json.loads(error.read() or b"{}")
    with LOCK:
        TIMES.setdefault(name, []).append(time.perf_counter() - started)
    return status, payload


def _serve(workers: int, port: int) -> subprocess.Popen:
    server = subprocess.Popen(  # noqa: S603
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "tuuma.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=os.environ.copy(),
    )
    for _attempt in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/", timeout=2)  # noqa: S310
            return server
        except urllib.error.HTTPError:
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def _phone_vote(base: str, token: str, items: list[str], rng: random.Random) -> int:
    """Spend the budget and three taps more, two taps racing at a time."""
    headers = {"X-Workshop-Token": token}
    taps = [rng.choice(items) for _n in range(BUDGET + 3)]
    accepted = 0
    with ThreadPoolExecutor(2) as pair:
        for first, second in zip(taps[::2], taps[1::2] + [None], strict=False):
            jobs = [
                pair.submit(
                    _call,
                    base,
                    "vote (dot)",
                    "/api/v1/workshops/participant/act",
                    {"action": "dot", "item": item},
                    headers,
                )
                for item in (first, second)
                if item
            ]
            accepted += sum(1 for job in jobs if job.result()[0] == 200)
    return accepted


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=300)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--database", default="tuuma_bench_ws")
    parser.add_argument("--timeout", type=int, default=600)
    args = parser.parse_args()
    deadline = time.monotonic() + args.timeout
    _setup(args.database)
    session, _ideate, dots, lead, key = _seed()
    base = f"http://127.0.0.1:{args.port}"
    server = _serve(args.workers, args.port)
    try:
        report = _run(args, base, session, dots, lead, key, deadline)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(json.dumps(report, indent=2))
    (Path(__file__).parent / "results.json").write_text(json.dumps(report, indent=2))


def _run(args, base, session, dots, lead, key, deadline) -> dict:
    from django.db.models import Count

    from tuuma.workshops import actions
    from tuuma.workshops.models import Vote

    rng = random.Random(7)  # noqa: S311
    started = time.monotonic()
    with ThreadPoolExecutor(args.concurrency) as pool:
        tokens = list(
            pool.map(
                lambda n: _call(
                    base,
                    "join",
                    "/api/v1/workshops/join",
                    {"code": session.code, "nickname": f"P{n}"},
                )[1]["token"],
                range(args.participants),
            )
        )
        list(
            pool.map(
                lambda t: _call(
                    base,
                    "note",
                    "/api/v1/workshops/participant/act",
                    {"action": "note", "text": f"Idea {rng.randint(1, 10**6)}"},
                    {"X-Workshop-Token": t},
                ),
                tokens,
            )
        )
        actions.step_open(step=dots, by=lead)
        status, step = _call(
            base,
            "current step",
            "/api/v1/workshops/participant/step",
            headers={"X-Workshop-Token": tokens[0]},
        )
        items = [i["key"] for i in step["items"]][:40]
        accepted = sum(pool.map(lambda t: _phone_vote(base, t, items, rng), tokens))
        if time.monotonic() > deadline:
            raise SystemExit("over the time bound")
    elapsed = time.monotonic() - started
    rows = Vote.objects.filter(step=dots)

    worst = rows.values("participant").annotate(n=Count("id")).order_by("-n").first()
    per_item = (
        rows.values("participant", "item")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    assert rows.count() == accepted, (rows.count(), accepted)
    assert worst["n"] <= BUDGET and per_item["n"] <= MAX_PER_ITEM
    assert accepted == BUDGET * args.participants
    latency = _time_to_presenter(base, session, dots, key, tokens, items)
    return {
        "participants": args.participants,
        "gunicorn_workers": args.workers,
        "requests": sum(len(v) for v in TIMES.values()),
        "seconds": round(elapsed, 1),
        "dots_counted": rows.count(),
        "dot_taps_refused": sum(
            len(v) for k, v in TIMES.items() if k.startswith("vote")
        )
        - accepted,
        "p50_ms": {k: round(1000 * statistics.median(v), 1) for k, v in TIMES.items()},
        "p95_ms": {
            k: round(1000 * statistics.quantiles(v, n=20)[-1], 1)
            for k, v in TIMES.items()
            if len(v) > 1
        },
        "time_to_presenter_ms": latency,
    }


def _time_to_presenter(base, session, dots, key, tokens, items) -> float:
    """One more phone votes; how long until the facilitator's numbers show it."""
    _status, joined = _call(
        base, "join", "/api/v1/workshops/join", {"code": session.code}
    )
    auth = {"Authorization": f"Token {key}"}
    path = f"/api/v1/workshops/{session.pk}/steps/{dots.pk}/results"
    before = _call(base, "presenter numbers", path, headers=auth)[1]["counts"]["votes"]
    started = time.perf_counter()
    _call(
        base,
        "vote (dot)",
        "/api/v1/workshops/participant/act",
        {"action": "dot", "item": items[0]},
        {"X-Workshop-Token": joined["token"]},
    )
    while (
        _call(base, "presenter numbers", path, headers=auth)[1]["counts"]["votes"]
        == before
    ):
        time.sleep(0.01)
    return round(1000 * (time.perf_counter() - started), 1)


if __name__ == "__main__":
    main()
