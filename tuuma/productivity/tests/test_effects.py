"""A measure's page shows the before/after of the products it names, and the
realised saving against the expected one."""

from datetime import date
from decimal import Decimal

import pytest

from tuuma.productivity import actions
from tuuma.productivity.effects import measure_effects
from tuuma.productivity.models import MeasureProduct

pytestmark = pytest.mark.django_db

# A: 100 outputs for 1000 € in 2024, 125 for 1000 € in 2026 (unit cost 10 -> 8).
VOLUMES = "kuukausi;tuote;kanava;määrä\n1.2024;A;posti;100\n1.2026;A;verkko;125\n"
LEDGER = "kausi;kustannuspaikka;tili;summa\n1.2024;KA;4000;1000\n1.2026;KA;4000;1000\n"


@pytest.fixture
def measure(org, area, cast):
    from tuuma.programme import actions as programme

    focus = programme.focus_area_create(organisation=org, name="Uudistuva kunta")
    goal = programme.goal_create(focus_area=focus, title="Palvelut verkkoon")
    return programme.measure_create(
        organisation=org, by=cast.productivity_lead, goal=goal,
        title="Sähköinen asiointi", description="Asiointi verkkoon.",
        measure_class="technology_investment", service_area=area,
        owner=cast.productivity_lead, start_date=date(2025, 3, 1),
        due_date=date(2025, 12, 31), is_published=True,
    )  # fmt: skip


def test_the_saving_is_the_unit_cost_change_times_the_volume_after(
    org, cast, products, measure
):
    for kind, text in (("volumes", VOLUMES), ("ledger", LEDGER)):
        actions.figures_import(
            organisation=org, by=cast.productivity_lead, kind=kind,
            data=text.encode(), filename="f.csv",
        )  # fmt: skip
    link = actions.measure_product_link(
        measure=measure, by=cast.productivity_lead, product=products["A"],
        expected_unit_cost=Decimal("9"), expected_digital_share=Decimal("50"),
    )  # fmt: skip
    effect = measure_effects(measure, [link])[0]
    assert (effect.before_year, effect.after_year) == (2024, 2026)
    assert effect.before.unit_cost == 10.0 and effect.after.unit_cost == 8.0
    assert effect.realised_saving == 250.0  # (10 − 8) × 125
    assert effect.expected_saving == 125.0  # (10 − 9) × 125
    assert effect.after.digital_share == 1.0


def test_the_measure_page_shows_the_panel_and_leads_link_products(
    client, cast, products, measure
):
    client.force_login(cast.productivity_lead)
    page = client.get(f"/en/ohjelma/toimenpiteet/{measure.pk}/").content.decode()
    assert "Name a service product this measure should change" in page
    response = client.post(
        f"/tuottavuus/toimenpiteet/{measure.pk}/tuotteet/",
        {"product": products["A"].pk, "expected_unit_cost": "9,5"},
    )
    assert response.status_code == 302
    assert MeasureProduct.objects.get().product == products["A"]
    client.force_login(cast.resident)
    page = client.get(f"/en/ohjelma/toimenpiteet/{measure.pk}/").content.decode()
    assert "Effect on service products" in page and "Realised saving" not in page
    client.force_login(cast.employee)
    refused = client.post(
        f"/tuottavuus/toimenpiteet/{measure.pk}/tuotteet/",
        {"product": products["B"].pk},
    )
    assert refused.status_code == 403
