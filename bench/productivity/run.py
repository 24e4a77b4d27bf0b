"""The figures of one service area: 30 products × 36 months × 5 channels.

Creates its own PostgreSQL database (default ``tuuma_bench_prod``, dropped and
made again each run; ``--sqlite`` uses a file under ``var/`` instead), loads one
organisation with one service area of 30 products, three years of monthly volumes
in five channels (5,400 rows), the direct ledger (1,080 lines), hours (1,080
lines) and two support centres, then times ``area_figures`` (the product page,
the area page and the API all read it) ``--repeat`` times in-process.

    .venv/bin/python bench/productivity/run.py [--repeat 30] [--sqlite]

Target (issue 24): under 200 ms. Bounded: a fixed amount of data and repeats.
"""

import argparse
import json
import os
import statistics
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
CHANNELS = ("counter", "phone", "post", "e_service", "self_service")


def _setup(database: str, sqlite: bool) -> None:
    os.environ.update(
        DEBUG="false",
        SECRET_KEY="bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",  # noqa: S106
        ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SETTINGS_MODULE="tuuma.settings",
    )
    if sqlite:
        path = ROOT / "var" / f"{database}.sqlite3"
        path.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    else:
        import psycopg

        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{database}"
        with psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
        ) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{database}"')
            c.execute(f'CREATE DATABASE "{database}"')
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _load():
    from tuuma.organisation.models import Organisation, ServiceArea, Unit
    from tuuma.productivity.models import (
        CostCentre,
        CostLine,
        Driver,
        DriverShare,
        HoursLine,
        Product,
        ProductGroup,
        Volume,
    )  # fmt: skip

    org = Organisation.objects.create(slug="bench", name="Bench")
    area = ServiceArea.objects.create(organisation=org, slug="a", name="Alue")
    unit = Unit.objects.create(organisation=org, service_area=area, name="Yksikkö")
    group = ProductGroup.objects.create(organisation=org, service_area=area, name="G")
    months = [date(2024 + m // 12, m % 12 + 1, 1) for m in range(36)]
    volumes, lines, hours = [], [], []
    for n in range(30):
        product = Product.objects.create(
            organisation=org, service_area=area, group=group, code=f"P{n}",
            name=f"Tuote {n}", output_unit="suorite",
        )  # fmt: skip
        centre = CostCentre.objects.create(
            organisation=org, code=f"K{n}", name=f"K{n}", driver=Driver.DIRECT,
            product=product,
        )  # fmt: skip
        for month in months:
            volumes += [
                Volume(organisation=org, product=product, period=month,
                       channel=channel, quantity=100 + n, source="import")
                for channel in CHANNELS
            ]  # fmt: skip
            lines.append(CostLine(organisation=org, period=month, centre=centre,
                                  account="4000", amount=Decimal(1000 + n)))  # fmt: skip
            hours.append(HoursLine(organisation=org, period=month, unit=unit,
                                   product=product, hours=Decimal(20)))  # fmt: skip
    for code, driver in (("Y1", Driver.HOURS), ("Y2", Driver.AREA)):
        centre = CostCentre.objects.create(
            organisation=org, code=code, name=code, driver=driver
        )
        lines += [
            CostLine(organisation=org, period=month, centre=centre, account="4500",
                     amount=Decimal(5000))
            for month in months
        ]  # fmt: skip
        if driver == Driver.AREA:
            DriverShare.objects.bulk_create(
                DriverShare(organisation=org, centre=centre, product=p, value=10)
                for p in Product.objects.filter(organisation=org)
            )
    Volume.objects.bulk_create(volumes)
    CostLine.objects.bulk_create(lines)
    HoursLine.objects.bulk_create(hours)
    return org, area, len(volumes), len(lines), len(hours)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--database", default="tuuma_bench_prod")
    parser.add_argument("--sqlite", action="store_true")
    args = parser.parse_args()
    _setup(args.database, args.sqlite)
    from tuuma.productivity.results import area_figures

    org, area, volumes, lines, hours = _load()
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        found = area_figures(org, area)
        times.append((time.perf_counter() - started) * 1000)
    assert found.areas[0].volume_index == 100.0 and len(found.years) == 3
    result = {
        "database": "sqlite" if args.sqlite else "postgresql",
        "rows": {"volumes": volumes, "ledger": lines, "hours": hours},
        "median_ms": round(statistics.median(times), 1),
        "p95_ms": round(sorted(times)[int(0.95 * (len(times) - 1))], 1),
        "max_ms": round(max(times), 1),
        "load_average": os.getloadavg()[0],
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
