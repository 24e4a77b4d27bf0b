"""Esimerkkilä's service products with three years of volumes, costs and hours,
and two working-life surveys (runs after the case-log and process demos).

The story: e-invoicing and the library's self-service machines raise the
digital share and lower unit costs in group services and culture, while
building permits (counted from the case log) get faster after their measure;
the working-life index of the finance unit dips in the changeover year and
recovers. One small unit has fewer than five answers, so its result is hidden;
it also has four staff, so its working hours are counted with a neighbour's.
January's customer-service volumes of this year were corrected by hand.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from tuuma.caselog.models import CaseLog
from tuuma.organisation.models import Unit
from tuuma.processes.models import Process
from tuuma.productivity import actions
from tuuma.productivity.demo_catalogue import CATALOGUE, STATEMENTS, SUPPORT
from tuuma.productivity.models import (
    CostCentre,
    CostLine,
    Driver,
    DriverShare,
    Headcount,
    HoursLine,
    PriceIndex,
    Product,
    ProductGroup,
    SurveyAnswer,
    SurveyRemark,
    SurveyResponse,
    Volume,
)
from tuuma.programme.models import Measure

PRICE_INDEX = {0: Decimal("100.0"), 1: Decimal("103.1"), 2: Decimal("105.6")}


def seed(demo) -> None:
    organisation = demo.organisation
    if Product.objects.filter(organisation=organisation).exists():
        return
    rng = random.Random(24)
    this_year = timezone.localdate().year
    years = [this_year - 2, this_year - 1, this_year]
    products = _catalogue(demo)
    for offset, year in enumerate(years):
        PriceIndex.objects.create(
            organisation=organisation, year=year, value=PRICE_INDEX[offset]
        )
    _figures(demo, products, years, rng)
    _headcounts(organisation, years)
    _month_by_hand(demo, products, years[-1])
    _support(demo, products, years)
    _count_permits(organisation, products)
    _surveys(demo, years, rng)
    _effects(demo, products)


def _catalogue(demo) -> dict[str, tuple[Product, dict]]:
    organisation = demo.organisation
    processes = {p.name: p for p in Process.objects.filter(organisation=organisation)}
    products = {}
    for slug, groups in CATALOGUE.items():
        area = demo.areas[slug]
        for group_name, items in groups:
            group = ProductGroup.objects.create(
                organisation=organisation, service_area=area, name=group_name
            )
            for code, name, output, profile in items:
                products[code] = (
                    Product.objects.create(
                        organisation=organisation,
                        service_area=area,
                        group=group,
                        code=code,
                        name=name,
                        output_unit=output,
                        owner=demo.people.get("lead"),
                        process=processes.get(profile.get("process", "")),
                        is_published=True,
                    ),
                    profile,
                )
    return products


def _month(year: int, month: int) -> date:
    return date(year, month, 1)


def _figures(demo, products, years, rng) -> None:
    """Monthly volumes by channel, the direct cost centre's ledger, unit hours."""
    organisation = demo.organisation
    units = list(Unit.objects.filter(organisation=organisation))
    volumes, lines, hours = [], [], []
    for code, (product, profile) in products.items():
        centre = CostCentre.objects.create(
            organisation=organisation,
            service_area=product.service_area,
            code=f"K{code.replace('.', '')}",
            name=product.name,
            driver=Driver.DIRECT,
            product=product,
        )
        for step, year in enumerate(years):
            digital = min(0.95, profile["digital"] + step * profile.get("shift", 0.0))
            for month in range(1, 13):
                period = _month(year, month)
                total = profile["volume"] / 12 * rng.uniform(0.85, 1.15)
                for channel, share in (
                    ("e_service", digital * 0.8),
                    ("self_service", digital * 0.2),
                    ("counter", (1 - digital) * 0.6),
                    ("phone", (1 - digital) * 0.4),
                ):
                    if share > 0 and not profile.get("from_log"):
                        volumes.append(
                            Volume(
                                organisation=organisation, product=product,
                                period=period, channel=channel,
                                quantity=round(Decimal(total * share), 0),
                                source=Volume.Source.IMPORT,
                            )
                        )  # fmt: skip
                saving = 1 - step * profile.get("saving", 0.0)
                cost = profile["volume"] * profile["cost"] / 12 * saving
                lines.append(
                    CostLine(
                        organisation=organisation, period=period, centre=centre,
                        account="4000", amount=round(Decimal(cost * rng.uniform(0.95, 1.05)), 2),
                    )
                )  # fmt: skip
                hours.append(
                    HoursLine(
                        organisation=organisation, period=period,
                        unit=_unit_of(product, units), product=product,
                        hours=round(Decimal(cost / 55), 1),
                    )
                )  # fmt: skip
    Volume.objects.bulk_create(volumes)
    CostLine.objects.bulk_create(lines)
    HoursLine.objects.bulk_create(hours)


def _unit_of(product: Product, units: list[Unit]) -> Unit:
    """The unit named like the product's group (the demo's groups follow the
    units), else the area's first."""
    in_area = [u for u in units if u.service_area_id == product.service_area_id]
    prefix = product.group.name[:6].lower()
    return next((u for u in in_area if u.name.lower().startswith(prefix)), in_area[0])


# The units' staff: Nuorisopalvelut is under five, so on the area page its hours
# are counted together with Liikuntapalvelut's; the rest are shown unit by unit.
STAFF = {
    "Nuorisopalvelut": 4, "Liikuntapalvelut": 9, "Digipalvelut": 6,
    "Kaavoitus": 7, "Kirjasto- ja kulttuuripalvelut": 31, "Ikäihmisten palvelut": 26,
}  # fmt: skip


def _headcounts(organisation, years) -> None:
    Headcount.objects.bulk_create(
        Headcount(
            organisation=organisation, period=_month(year, month), unit=unit,
            staff=STAFF.get(unit.name, 14),
        )
        for unit in Unit.objects.filter(organisation=organisation)
        for year in years
        for month in range(1, 13)
    )  # fmt: skip


def _month_by_hand(demo, products, year: int) -> None:
    """The lead corrected January's customer-service volumes by hand."""
    product = products["K07"][0]
    actions.month_enter(
        organisation=demo.organisation,
        by=demo.people.get("lead"),
        entered=actions.MonthFigures(
            period=_month(year, 1),
            volumes={product: {"counter": Decimal(430), "phone": Decimal(260),
                               "e_service": Decimal(95), "self_service": Decimal(12)}},
        ),
    )  # fmt: skip


def _support(demo, products, years) -> None:
    """Administration by hours, premises by square metres."""
    organisation = demo.organisation
    lines = []
    for code, name, driver, yearly in SUPPORT:
        centre = CostCentre.objects.create(
            organisation=organisation, code=code, name=name, driver=driver
        )
        if driver == Driver.AREA:
            for product, profile in products.values():
                DriverShare.objects.create(
                    organisation=organisation,
                    centre=centre,
                    product=product,
                    value=Decimal(profile.get("m2", 50)),
                )
        for year in years:
            for month in range(1, 13):
                lines.append(
                    CostLine(
                        organisation=organisation, period=_month(year, month),
                        centre=centre, account="4500",
                        amount=round(Decimal(yearly / 12), 2),
                    )
                )  # fmt: skip
    CostLine.objects.bulk_create(lines)


def _count_permits(organisation, products) -> None:
    """Building permits are counted from the demo case log (closed cases)."""
    log = CaseLog.objects.filter(organisation=organisation).first()
    for product, profile in products.values():
        if profile.get("from_log") and log is not None:
            product.caselog = log
            product.case_type_attribute = "asiaryhmä"
            product.case_types = ["rakennuslupa"]
            product.save()
            actions.volumes_count_from_caselog(product=product)


EFFECTS = [
    # measure title, product code, expected unit cost (€), expected digital share (%)
    ("Kirjaston omatoimiaika", "S05", Decimal("2.95"), Decimal("70")),
    ("Liikuntapaikkojen sähköinen ajanvaraus", "H01", Decimal("7.90"), Decimal("75")),
    ("Sähköinen rakennuslupaprosessi", "T01", None, None),
]


def _effects(demo, products) -> None:
    measures = {
        m.title: m for m in Measure.objects.filter(organisation=demo.organisation)
    }
    for title, code, unit_cost, digital in EFFECTS:
        if title in measures:
            actions.measure_product_link(
                measure=measures[title],
                by=demo.people.get("lead"),
                product=products[code][0],
                expected_unit_cost=unit_cost,
                expected_digital_share=digital,
            )


def _surveys(demo, years, rng) -> None:
    """An autumn survey each year (the last one closed a month ago) and an open one."""
    organisation = demo.organisation
    today = timezone.localdate()
    for step, year in enumerate(years):
        closes = date(year, 10, 31) if year < today.year else today - timedelta(days=30)
        survey = actions.survey_create(
            organisation=organisation,
            by=demo.people.get("lead"),
            title=f"Työelämän laatu {year}",
            opens_on=closes - timedelta(days=21),
            closes_on=closes,
            statements=STATEMENTS,
        )
        _responses(organisation, survey, step, rng)
    _remarks(demo, survey)
    actions.survey_create(
        organisation=organisation,
        by=demo.people.get("lead"),
        title="Työelämän laatu, joulukuun pulssi",
        opens_on=today - timedelta(days=3),
        closes_on=today + timedelta(days=25),
        statements=STATEMENTS,
    )


REMARKS = (
    ("Sähköiset laskut vapauttivat aikaa, mutta käyttöönotto oli raskas.", False),
    (
        "Tiimien viikkopalaverit voisi koota yhteen, niin päällekkäisiä kokouksia "
        "olisi vähemmän.",
        True,
    ),
    ("Perehdytys uusiin järjestelmiin kannattaisi tehdä ennen käyttöönottoa.", True),
)


def _remarks(demo, survey) -> None:
    """Remarks of the latest closed survey; the lead has made one an idea."""
    for text, allowed in REMARKS:
        SurveyRemark.objects.create(
            organisation=demo.organisation,
            survey=survey,
            text=text,
            may_become_idea=allowed,
        )
    actions.survey_remark_to_idea(
        remark=SurveyRemark.objects.get(survey=survey, text=REMARKS[1][0]),
        by=demo.people.get("lead"),
        title="Päällekkäiset kokoukset yhteen viikkopalaveriin",
        service_area=None,
        is_staff_only=True,
    )


# The finance unit's mood by year: e-invoicing arrives in the middle year.
FINANCE_MOOD = (3.5, 2.6, 3.4)


def _responses(organisation, survey, step, rng) -> None:
    statements = list(survey.statements.all())
    for unit in Unit.objects.filter(organisation=organisation):
        count = 3 if unit.name == "Nuorisopalvelut" else rng.randint(6, 14)
        finance = unit.name.startswith("Talous")
        mood = FINANCE_MOOD[step] if finance else rng.uniform(3.2, 4.1)
        for _ in range(count):
            response = SurveyResponse.objects.create(
                organisation=organisation,
                survey=survey,
                unit=unit,
                recommendation=max(0, min(10, round(rng.gauss(mood * 2, 1.8)))),
            )
            SurveyAnswer.objects.bulk_create(
                SurveyAnswer(
                    organisation=organisation,
                    response=response,
                    statement=statement,
                    value=max(1, min(5, round(rng.gauss(mood, 0.9)))),
                )
                for statement in statements
            )
