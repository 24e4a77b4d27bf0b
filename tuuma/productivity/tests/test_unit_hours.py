"""A unit's working hours are never shown for fewer than five people: not on the
area page, not in the XLSX, not in the API."""

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tuuma.organisation.models import Unit
from tuuma.productivity import actions, figures

pytestmark = pytest.mark.django_db


def test_units_of_five_or_more_are_shown_and_the_rest_merged_or_hidden():
    everyone = figures.unit_hours([("a", 5, 10.0), ("b", 12, 20.0)])
    assert [row[0] for row in everyone.shown] == ["a", "b"] and not everyone.merged
    # Two small units are five together: merged, the big one shown.
    merged = figures.unit_hours([("a", 2, 1.0), ("b", 3, 2.0), ("c", 9, 30.0)])
    assert [row[0] for row in merged.shown] == ["c"]
    assert (merged.merged, merged.merged_staff, merged.merged_hours) == (2, 5, 3.0)
    # One small unit alone would be the total less the others: the smallest
    # shown unit joins it.
    joined = figures.unit_hours([("a", 3, 1.0), ("b", 6, 2.0), ("c", 9, 30.0)])
    assert [row[0] for row in joined.shown] == ["c"]
    assert (joined.merged, joined.merged_hours) == (2, 3.0)
    # Unknown size counts as under five; all together under five: hidden.
    hidden = figures.unit_hours([("a", None, 1.0), ("b", 4, 2.0)])
    assert hidden.shown == [] and hidden.merged == 2 and hidden.merged_hours is None


@pytest.fixture
def staffed(org, area, cast, products):
    """2025: Iso has 8 people, Keski 6 but 3 in March, Pieni 2; hours on A."""
    units = {
        name: Unit.objects.create(organisation=org, service_area=area, name=name)
        for name in ("Iso", "Keski", "Pieni")
    }
    sizes = {"Iso": 8, "Keski": 6, "Pieni": 2}
    for month in (1, 2, 3):
        counts = {units[n]: s for n, s in sizes.items()}
        if month == 3:
            counts[units["Keski"]] = 3
        actions.month_enter(
            organisation=org, by=cast.manager,
            entered=actions.MonthFigures(
                period=date(2025, month, 1),
                hours={u: {products["A"]: Decimal(100 + s)} for u, s in counts.items()},
                hours_products=list(products.values()),
                headcounts=counts,
            ),
        )  # fmt: skip
    return units


def test_the_area_page_shows_only_units_of_five_or_more(client, cast, area, staffed):
    client.force_login(cast.employee)
    text = client.get(f"/en/tuottavuus/alueet/{area.pk}/").content.decode()
    section = text[text.index('id="unit-hours"') :]
    assert "<td>Iso</td>" in section
    assert "Keski" not in section and "Pieni" not in section
    assert "2 units counted together" in section


def test_the_xlsx_shows_only_units_of_five_or_more(client, cast, area, staffed):
    client.force_login(cast.employee)
    for path in (
        f"/en/tuottavuus/alueet/{area.pk}/luvut.xlsx",
        "/en/tuottavuus/tuotteet.xlsx",
    ):
        response = client.get(path)
        book = load_workbook(io.BytesIO(response.content), read_only=True)
        rows = list(book["Working hours by unit"].values)
        assert [row[2] for row in rows[1:]] == [
            "Iso",
            "2 units counted together, because a unit under five people is not "
            "shown alone.",
        ]
        assert rows[1][3:] == (8, 324)
    client.logout()
    book = load_workbook(
        io.BytesIO(client.get("/en/tuottavuus/tuotteet.xlsx").content), read_only=True
    )
    assert "Working hours by unit" not in book.sheetnames  # residents: no hours


def test_the_api_returns_only_units_of_five_or_more(client, cast, area, staffed):
    client.force_login(cast.employee)
    years = client.get(f"/api/v1/productivity/areas/{area.pk}/unit-hours").json()
    assert [(u["name"], u["staff"], u["hours"]) for u in years[0]["units"]] == [
        ("Iso", 8, 324.0)
    ]
    assert (
        years[0]["merged_units"] == 2
        and years[0]["merged_hours"] == 3 * 102 + 2 * 106 + 103
    )
    client.force_login(cast.resident)
    response = client.get(f"/api/v1/productivity/areas/{area.pk}/unit-hours")
    assert response.status_code == 403


def test_units_together_under_five_are_hidden_everywhere(
    client, cast, org, area, products
):
    small = Unit.objects.create(organisation=org, service_area=area, name="Pieni")
    actions.month_enter(
        organisation=org, by=cast.manager,
        entered=actions.MonthFigures(
            period=date(2025, 1, 1), hours={small: {products["A"]: Decimal(50)}},
            hours_products=list(products.values()), headcounts={small: 4},
        ),
    )  # fmt: skip
    client.force_login(cast.employee)
    text = client.get(f"/en/tuottavuus/alueet/{area.pk}/").content.decode()
    assert "together they are fewer than five" in text
    api = client.get(f"/api/v1/productivity/areas/{area.pk}/unit-hours").json()
    assert api[0]["units"] == [] and api[0]["merged_hours"] is None
    response = client.get(f"/en/tuottavuus/alueet/{area.pk}/luvut.xlsx")
    rows = list(
        load_workbook(io.BytesIO(response.content))["Working hours by unit"].values
    )
    assert rows[1][4] is None
