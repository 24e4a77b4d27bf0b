from datetime import timedelta

import pytest
from django.utils import timezone, translation

from tuuma.productivity import actions
from tuuma.productivity.models import CostCentre, Driver, Product, ProductGroup


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (pages in fi/sv are tested separately)."""
    with translation.override("en"):
        yield


@pytest.fixture
def products(org, area, cast):
    group = ProductGroup.objects.create(organisation=org, service_area=area, name="G")

    def product(code, published=True):
        return Product.objects.create(
            organisation=org,
            service_area=area,
            group=group,
            code=code,
            name=f"Tuote {code}",
            output_unit="päätös",
            is_published=published,
            owner=cast.productivity_lead,
        )

    made = {"A": product("A"), "B": product("B", published=False)}
    for code, target in made.items():
        CostCentre.objects.create(
            organisation=org,
            service_area=area,
            code=f"K{code}",
            name=code,
            driver=Driver.DIRECT,
            product=target,
        )
    CostCentre.objects.create(
        organisation=org, code="Y1", name="Hallinto", driver=Driver.HOURS
    )
    return made


@pytest.fixture
def open_survey(org, cast):
    today = timezone.localdate()
    return actions.survey_create(
        organisation=org,
        by=cast.productivity_lead,
        title="Pulssi",
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=10),
        statements=[("Työ on mielekästä.", "", ""), ("Työmäärä on sopiva.", "", "")],
    )


VOLUMES = "kuukausi;tuote;kanava;määrä\n1.2025;A;verkko;40\n1.2025;B;posti;10\n"


@pytest.fixture
def figures(org, cast, products):
    """Products A (published, e-service) and B (post) with a month's volumes and
    A's direct cost."""
    actions.figures_import(
        organisation=org, by=cast.productivity_lead, kind="volumes",
        data=VOLUMES.encode(), filename="v.csv",
    )  # fmt: skip
    actions.figures_import(
        organisation=org, by=cast.productivity_lead, kind="ledger",
        data=b"kausi;kustannuspaikka;tili;summa\n1.2025;KA;4000;400\n",
        filename="l.csv",
    )  # fmt: skip
    return products
