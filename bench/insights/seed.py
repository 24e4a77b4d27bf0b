"""The insights benchmark's organisation, loaded fast.

The 100,000 ideas go in with one PostgreSQL ``COPY`` (no model instances, no
per-row INSERT, no signals); the few thousand other rows with ``bulk_create``.
Everything is drawn from one seeded ``random.Random``, so a reseed gives the same
figures. Besides ideas and measures the organisation has what the dashboard's
other sections count: units and staff memberships, idea–measure links, indicator
values, and three years of productivity figures and working-life answers.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

AREAS, UNITS_PER_AREA, STAFF = 8, 2, 200
PRODUCTS_PER_AREA, CHANNELS = 4, ("counter", "e_service")
ANSWERS_PER_UNIT = 12


def copy_rows(model: Any, rows: list[dict[str, Any]]) -> None:
    """``COPY`` ``rows`` (attname → value) into ``model``'s table; a field a row
    does not name takes the field's default, as ``Model()`` would give it."""
    from django.db import connection

    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    defaults = {f.attname: f.get_default() for f in fields}
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(
                    [
                        f.get_db_prep_save(row.get(f.attname, defaults[f.attname]),
                                           connection)
                        for f in fields
                    ]
                )  # fmt: skip


def seed(ideas: int, measures: int) -> Any:
    """Load the organisation ``bench-insights`` in one transaction."""
    from django.db import transaction
    from django.utils import timezone

    from tuuma.organisation.models import Domain, Organisation

    rng = random.Random(2026)
    started = time.perf_counter()
    with transaction.atomic():
        organisation = Organisation.objects.create(name="Bench", slug="bench-insights")
        Domain.objects.create(organisation=organisation, host="bench.testserver")
        areas, units, staff, manager = _people(organisation, rng)
        idea_ids = _ideas(organisation, ideas, areas, staff, rng, timezone.now())
        _programme(organisation, measures, areas, manager, idea_ids, rng)
        _productivity(organisation, areas, units, rng, timezone.localdate())
    print(f"seeded in {time.perf_counter() - started:.0f} s", flush=True)
    return organisation


def _people(organisation, rng: random.Random):
    from tuuma.accounts.models import User
    from tuuma.organisation.models import Membership, ServiceArea, Unit
    from tuuma.organisation.roles import Role

    areas = ServiceArea.objects.bulk_create(
        ServiceArea(organisation=organisation, name=f"Alue {n}", slug=f"a{n}")
        for n in range(AREAS)
    )
    units = Unit.objects.bulk_create(
        Unit(organisation=organisation, service_area=area, name=f"{area.name}/{n}")
        for area in areas
        for n in range(UNITS_PER_AREA)
    )
    manager = User.objects.create_user(
        "manager@bench.example", "x", organisation=organisation, full_name="M"
    )
    Membership.objects.create(
        organisation=organisation, user=manager, role=Role.MANAGER
    )
    staff = User.objects.bulk_create(
        User(email=f"s{n}@bench.example", organisation=organisation,
             full_name=f"S {n}", password="!")  # noqa: S106  (nobody logs in)
        for n in range(STAFF)
    )  # fmt: skip
    placed = [rng.choice(units) for _ in staff]
    Membership.objects.bulk_create(
        Membership(organisation=organisation, user=user, role=Role.EMPLOYEE,
                   service_area_id=unit.service_area_id, unit=unit)
        for user, unit in zip(staff, placed, strict=True)
    )  # fmt: skip
    return areas, units, staff, manager


def _ideas(organisation, count: int, areas, staff, rng, now) -> list[int]:
    """Ideas over two years, 85 % answered (within 1–60 days), by COPY."""
    from tuuma.ideas.models import Idea, IdeaOutcome, IdeaStatus

    outcomes = list(IdeaOutcome.values)[:4]
    rows = []
    for n in range(count):
        published = now - timedelta(days=rng.uniform(1, 730))
        answered = rng.random() < 0.85
        rows.append(
            {
                "organisation_id": organisation.pk, "kind": "idea",
                "title": f"Idea {n}", "body": "-",
                "author_id": rng.choice(staff).pk,
                "service_area_id": rng.choice(areas).pk,
                "status": IdeaStatus.ANSWERED if answered else IdeaStatus.PUBLISHED,
                "outcome": rng.choice(outcomes) if answered else "",
                "submitted_at": published, "published_at": published,
                "answer_published_at": (
                    published + timedelta(days=rng.uniform(1, 60)) if answered else None
                ),
                "created_at": published, "updated_at": published,
            }
        )  # fmt: skip
    copy_rows(Idea, rows)
    return list(
        Idea.objects.filter(organisation=organisation)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _programme(organisation, count: int, areas, manager, idea_ids, rng) -> None:
    """Measures of every class and state, an indicator each, three ideas each,
    and two indicator values for every done measure."""
    from django.utils import timezone

    from tuuma.programme.models import (
        FocusArea,
        Goal,
        Indicator,
        IndicatorValue,
        Measure,
        MeasureClass,
        MeasureIdea,
        MeasureStatus,
    )

    now, today = timezone.now(), timezone.localdate()
    focus = FocusArea.objects.create(organisation=organisation, name="F")
    goal = Goal.objects.create(organisation=organisation, focus_area=focus, title="G")
    statuses, classes = list(MeasureStatus.values), list(MeasureClass.values)
    made = Measure.objects.bulk_create(
        Measure(
            organisation=organisation, goal=goal, title=f"Measure {n}", description="-",
            measure_class=classes[n % len(classes)],
            service_area=rng.choice(areas), owner=manager,
            start_date=today - timedelta(days=400),
            due_date=today - timedelta(days=rng.randint(-300, 300)),
            status=statuses[n % len(statuses)],
            done_at=(now - timedelta(days=rng.randint(1, 300))
                     if statuses[n % len(statuses)] == MeasureStatus.DONE else None),
        )
        for n in range(count)
    )  # fmt: skip
    indicators = Indicator.objects.bulk_create(
        Indicator(
            organisation=organisation, measure=m, name="I", unit="pv",
            direction="decrease", baseline_value=30, baseline_date=m.start_date,
            target_value=20, target_date=m.due_date,
        )
        for m in made
    )  # fmt: skip
    MeasureIdea.objects.bulk_create(
        MeasureIdea(organisation=organisation, measure=m, idea_id=idea)
        for m in made
        for idea in rng.sample(idea_ids, 3)
    )
    IndicatorValue.objects.bulk_create(
        IndicatorValue(organisation=organisation, indicator=indicator,
                       date=today - timedelta(days=days),
                       value=Decimal(rng.randint(15, 32)))
        for indicator, m in zip(indicators, made, strict=True)
        if m.status == MeasureStatus.DONE
        for days in (200, 20)
    )  # fmt: skip


def _productivity(organisation, areas, units, rng, today: date) -> None:
    """Per area four products with three years of monthly volumes in two
    channels, their direct ledger and hours; a price index; a closed
    working-life survey each year with twelve answers per unit."""
    from tuuma.productivity.models import (
        CostCentre,
        CostLine,
        Driver,
        HoursLine,
        PriceIndex,
        Product,
        ProductGroup,
        Statement,
        Survey,
        SurveyAnswer,
        SurveyResponse,
        Volume,
    )

    years = [today.year - 2, today.year - 1, today.year]
    months = [date(year, month, 1) for year in years for month in range(1, 13)]
    months = [month for month in months if month <= today]
    PriceIndex.objects.bulk_create(
        PriceIndex(organisation=organisation, year=year, value=Decimal(100 + 3 * step))
        for step, year in enumerate(years)
    )
    volumes, lines, hours = [], [], []
    for area in areas:
        unit = next(u for u in units if u.service_area_id == area.pk)
        group = ProductGroup.objects.create(
            organisation=organisation, service_area=area, name=f"{area.name} G"
        )
        for n in range(PRODUCTS_PER_AREA):
            product = Product.objects.create(
                organisation=organisation, service_area=area, group=group,
                code=f"{area.slug}-{n}", name=f"Tuote {area.slug}-{n}",
                output_unit="suorite", is_published=True,
            )  # fmt: skip
            centre = CostCentre.objects.create(
                organisation=organisation, code=f"K-{product.code}", name="K",
                driver=Driver.DIRECT, product=product,
            )  # fmt: skip
            base = rng.randint(100, 2000)
            for step, month in enumerate(months):
                digital = min(0.9, 0.2 + step / 60)
                volumes += [
                    Volume(organisation=organisation, product=product, period=month,
                           channel=channel, source="import",
                           quantity=Decimal(round(base * share)))
                    for channel, share in zip(CHANNELS, (1 - digital, digital),
                                              strict=True)
                ]  # fmt: skip
                lines.append(CostLine(organisation=organisation, period=month,
                                      centre=centre, account="4000",
                                      amount=Decimal(base * rng.randint(8, 12))))  # fmt: skip
                hours.append(HoursLine(organisation=organisation, period=month,
                                       unit=unit, product=product,
                                       hours=Decimal(rng.randint(20, 60))))  # fmt: skip
    Volume.objects.bulk_create(volumes)
    CostLine.objects.bulk_create(lines)
    HoursLine.objects.bulk_create(hours)
    for year in years:
        closes = min(date(year, 10, 31), today - timedelta(days=30))
        survey = Survey.objects.create(
            organisation=organisation, title=f"Pulssi {year}",
            opens_on=closes - timedelta(days=21), closes_on=closes,
        )  # fmt: skip
        statements = Statement.objects.bulk_create(
            Statement(organisation=organisation, survey=survey, order=n, text=f"V{n}")
            for n in range(5)
        )
        responses = SurveyResponse.objects.bulk_create(
            SurveyResponse(organisation=organisation, survey=survey, unit=unit,
                           recommendation=rng.randint(3, 10))
            for unit in units
            for _ in range(ANSWERS_PER_UNIT)
        )  # fmt: skip
        SurveyAnswer.objects.bulk_create(
            SurveyAnswer(organisation=organisation, response=response,
                         statement=statement, value=rng.randint(2, 5))
            for response in responses
            for statement in statements
        )  # fmt: skip
