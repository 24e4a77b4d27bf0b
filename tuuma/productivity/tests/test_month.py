"""One month's figures entered by hand: the page and the API replace what they
name in one transaction, refuse bad input whole, and are audited."""

from datetime import date
from decimal import Decimal

import pytest

from tuuma.audit.models import AuditEntry
from tuuma.organisation.models import Unit
from tuuma.productivity import actions
from tuuma.productivity.imports import ImportRefusedError
from tuuma.productivity.models import (
    CostCentre,
    CostLine,
    Driver,
    Headcount,
    HoursLine,
    Product,
    ProductGroup,
    Volume,
)

pytestmark = pytest.mark.django_db

JANUARY = date(2025, 1, 1)


@pytest.fixture
def units(org, area):
    return {
        name: Unit.objects.create(organisation=org, service_area=area, name=name)
        for name in ("Iso", "Pieni")
    }


def _page(area) -> str:
    return f"/en/tuottavuus/hallinta/kuukausi/?area={area.pk}&month=2025-01"


def _filled(response) -> dict:
    """The form as the page filled it (inputs with values, the ledger's
    management fields)."""
    form = response.context["form"]
    data = {
        name: form[name].value()
        for name in form.fields
        if form[name].value() not in (None, "")
    }
    ledger = form.ledger
    data |= {
        f"ledger-{key}": value for key, value in ledger.management_form.initial.items()
    }
    for number, line in enumerate(ledger.forms):
        for name in ("centre", "account", "amount"):
            value = line[name].value()
            if value not in (None, ""):
                data[f"ledger-{number}-{name}"] = value
    return data


def test_a_lead_corrects_a_month_on_the_page_and_only_that_month_changes(
    client, cast, area, figures, units
):
    actions.figures_import(
        organisation=area.organisation, by=cast.productivity_lead, kind="volumes",
        data="kuukausi;tuote;kanava;määrä\n2.2025;A;verkko;70\n".encode(),
        filename="v.csv",
    )  # fmt: skip
    client.force_login(cast.productivity_lead)
    page = client.get(_page(area))
    assert page.status_code == 200
    data = _filled(page)
    assert data[f"v{figures['A'].pk}_e_service"] == Decimal("40")
    data[f"v{figures['A'].pk}_e_service"] = "45.5"
    data[f"s{units['Iso'].pk}"] = "12"
    data[f"h{units['Iso'].pk}_{figures['A'].pk}"] = "160"
    data["ledger-1-centre"] = CostCentre.objects.get(code="KB").pk
    data["ledger-1-account"] = "4100"
    data["ledger-1-amount"] = "-20"
    response = client.post(_page(area), data)
    assert response.status_code == 302, response.context["rows"]["errors"]
    january = Volume.objects.filter(period=JANUARY)
    assert {(v.product.code, v.channel, v.quantity, v.source) for v in january} == {
        ("A", "e_service", Decimal("45.50"), "manual"),
        ("B", "post", Decimal("10.00"), "manual"),
    }
    assert Volume.objects.get(period=date(2025, 2, 1)).quantity == 70
    assert sorted(
        CostLine.objects.filter(period=JANUARY).values_list("account", "amount")
    ) == [("4000", Decimal("400.00")), ("4100", Decimal("-20.00"))]
    assert HoursLine.objects.get(unit=units["Iso"]).hours == 160
    assert Headcount.objects.get(unit=units["Iso"]).staff == 12
    entry = AuditEntry.objects.get(action="productivity.month_entered")
    assert entry.details == {
        "month": "2025-01",
        "rows": {"volumes": 2, "ledger": 2, "hours": 1, "headcounts": 1},
    }


def test_bad_figures_are_refused_with_clear_errors_and_nothing_is_written(
    client, cast, area, figures, units
):
    client.force_login(cast.manager)
    data = _filled(client.get(_page(area)))
    data[f"v{figures['A'].pk}_e_service"] = "neljäkymmentä"
    data[f"v{figures['B'].pk}_post"] = "-3"
    data[f"s{units['Iso'].pk}"] = "2,5"
    data["ledger-1-account"] = "4100"
    response = client.post(_page(area), data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Nothing was saved" in text
    assert "Tuote A: E-service: Enter a number." in text
    assert "greater than or equal to 0" in text
    assert "A ledger line needs its cost centre, account and amount." in text
    assert Volume.objects.get(product=figures["A"]).quantity == 40
    assert not Headcount.objects.exists()
    assert not AuditEntry.objects.filter(action="productivity.month_entered").exists()


def test_hours_of_a_unit_under_five_are_not_shown_and_kept_unless_reentered(
    client, cast, org, area, figures, units
):
    small, big = units["Pieni"], units["Iso"]
    actions.month_enter(
        organisation=org, by=cast.manager,
        entered=actions.MonthFigures(
            period=JANUARY,
            hours={small: {figures["A"]: Decimal(33)}, big: {figures["A"]: Decimal(90)}},
            hours_products=list(figures.values()),
            headcounts={small: 3, big: 8},
        ),
    )  # fmt: skip
    client.force_login(cast.productivity_lead)
    page = client.get(_page(area))
    text = page.content.decode()
    assert "Under five people: hours not shown" in text
    assert 'value="90' in text and 'value="33' not in text
    data = _filled(page)
    client.post(_page(area), data)
    assert HoursLine.objects.get(unit=small).hours == 33  # left empty: kept
    data[f"h{small.pk}_{figures['B'].pk}"] = "5"
    client.post(_page(area), data)
    assert list(
        HoursLine.objects.filter(unit=small).values_list("hours", flat=True)
    ) == [5]


def test_an_area_lead_enters_only_their_own_areas(
    client, cast, org, other_area, figures
):
    client.force_login(cast.productivity_lead)
    response = client.get(
        f"/en/tuottavuus/hallinta/kuukausi/?area={other_area.pk}&month=2025-01"
    )
    assert response.status_code == 400
    assert b"ledger-TOTAL_FORMS" not in response.content
    client.force_login(cast.employee)
    assert client.get(_page(other_area)).status_code == 403


def test_the_api_enters_a_month_through_the_same_action(
    client, cast, org, area, figures, units
):
    client.force_login(cast.productivity_lead)
    body = {
        "month": "2025-01",
        "volumes": [
            {"product": figures["A"].pk, "channel": "counter", "quantity": "12"}
        ],
        "ledger": [
            {"centre": CostCentre.objects.get(code="KA").pk, "account": "4000",
             "amount": "380.00"}
        ],
        "hours": [{"unit": units["Iso"].pk, "product": figures["B"].pk, "hours": "7.5"}],
        "headcounts": [{"unit": units["Iso"].pk, "staff": 6}],
    }  # fmt: skip
    response = client.post(
        "/api/v1/productivity/months",
        body,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 201, response.json()
    assert response.json() == {
        "month": "2025-01",
        "rows": {"volumes": 1, "ledger": 1, "hours": 1, "headcounts": 1},
    }
    # Product B was not named: its volume stays.
    assert {
        (v.product.code, v.channel, v.source)
        for v in Volume.objects.filter(period=JANUARY)
    } == {("A", "counter", "manual"), ("B", "post", "import")}
    assert CostLine.objects.get(centre__code="KA").amount == Decimal("380.00")
    assert AuditEntry.objects.filter(action="productivity.month_entered").exists()


def test_the_api_refuses_what_the_caller_does_not_keep_and_writes_nothing(
    client, cast, org, other_org, other_area, figures
):
    group = ProductGroup.objects.create(
        organisation=org, service_area=other_area, name="Muu"
    )
    elsewhere = Product.objects.create(
        organisation=org, service_area=other_area, group=group, code="Z",
        name="Muualla", output_unit="kpl",
    )  # fmt: skip
    client.force_login(cast.productivity_lead)
    for product, problem in ((elsewhere.pk, "not known"), (999999, "not known")):
        response = client.post(
            "/api/v1/productivity/months",
            {
                "month": "2025-01",
                "volumes": [
                    {"product": figures["A"].pk, "channel": "post", "quantity": "1"},
                    {"product": product, "channel": "post", "quantity": "1"},
                ],
            },
            content_type="application/json",
            HTTP_ACCEPT_LANGUAGE="en",
        )
        assert response.status_code == 400 and problem in str(response.json())
    twice = {"product": figures["A"].pk, "channel": "post", "quantity": "1"}
    response = client.post(
        "/api/v1/productivity/months",
        {"month": "13.2025", "volumes": [twice, twice]},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"month"}
    response = client.post(
        "/api/v1/productivity/months",
        {"month": "1.2025", "volumes": [twice, twice]},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400 and "given twice" in str(response.json())
    assert Volume.objects.get(product=figures["A"]).quantity == 40
    centre = CostCentre.objects.create(
        organisation=org, code="Y9", name="Y", driver=Driver.FIXED
    )
    response = client.post(
        "/api/v1/productivity/months",
        {"month": "2025-01",
         "ledger": [{"centre": centre.pk, "account": "1", "amount": "1"}]},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )  # fmt: skip
    assert response.status_code == 400  # an organisation-wide centre: not the lead's


def test_the_month_entry_is_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    operations = {
        op["operationId"]
        for path in schema["paths"].values()
        for op in path.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert {"productivity_month_enter", "productivity_area_unit_hours"} <= operations


def test_staff_counts_are_imported_from_a_file(org, cast, units):
    count = actions.figures_import(
        organisation=org, by=cast.productivity_lead, kind="headcounts",
        data="kuukausi;yksikkö;henkilöstö\n1.2025;Iso;12\n1.2025;Pieni;3\n".encode(),
        filename="h.csv",
    )  # fmt: skip
    assert count == 2
    assert Headcount.objects.get(unit=units["Pieni"]).staff == 3
    with pytest.raises(ImportRefusedError) as refused:
        actions.figures_import(
            organisation=org, by=cast.productivity_lead, kind="headcounts",
            data="kuukausi;yksikkö;henkilöstö\n2.2025;Iso;1,5\n".encode(),
            filename="h.csv",
        )  # fmt: skip
    assert refused.value.problems == ["Row 2: “1,5” is not a number of people."]
