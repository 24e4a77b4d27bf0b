import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tuuma.programme import actions
from tuuma.programme.models import Indicator

pytestmark = pytest.mark.django_db


def indicator_data(**overrides) -> dict:
    return {
        "name": "Luvan käsittelyaika",
        "unit": "pv",
        "direction": "decrease",
        "baseline_value": "30",
        "baseline_date": "2026-01-01",
        "target_value": "10",
        "target_date": "2026-12-31",
        **overrides,
    }


@pytest.fixture
def indicator(measure) -> Indicator:
    return actions.indicator_create(
        measure=measure,
        name="Luvan käsittelyaika",
        unit="pv",
        direction="decrease",
        baseline_value=Decimal(30),
        baseline_date=date(2026, 1, 1),
        target_value=Decimal(10),
        target_date=date(2026, 12, 31),
    )


def test_owner_adds_an_indicator(client, cast, measure):
    client.force_login(cast.process_owner)
    response = client.post(
        f"/ohjelma/toimenpiteet/{measure.pk}/mittarit/", indicator_data()
    )
    assert response.status_code == 302
    indicator = measure.indicators.get()
    assert indicator.source == "manual"
    assert indicator.organisation == measure.organisation


@pytest.mark.parametrize(
    ("prefix", "direction", "target", "text"),
    [
        (
            "",
            "decrease",
            "40",
            "Kun pienempi on parempi, tavoitteen pitää olla lähtötasoa pienempi.",
        ),
        (
            "/sv",
            "increase",
            "20",
            "När högre är bättre måste målet vara högre än utgångsläget.",
        ),
        (
            "/en",
            "decrease",
            "30",
            "When lower is better, the target must be below the baseline.",
        ),
    ],
)
def test_target_in_the_wrong_direction_is_refused(
    client, cast, measure, prefix, direction, target, text
):
    client.force_login(cast.process_owner)
    response = client.post(
        f"{prefix}/ohjelma/toimenpiteet/{measure.pk}/mittarit/",
        indicator_data(direction=direction, target_value=target),
    )
    assert response.status_code == 200
    assert text in response.content.decode()
    assert not measure.indicators.exists()


def test_the_action_refuses_a_wrong_direction_too(measure):
    with pytest.raises(ValidationError):
        actions.indicator_create(
            measure=measure,
            name="N",
            unit="kpl",
            direction="increase",
            baseline_value=Decimal(5),
            baseline_date=date(2026, 1, 1),
            target_value=Decimal(3),
            target_date=date(2026, 6, 1),
        )
    assert not measure.indicators.exists()


@pytest.mark.parametrize(
    ("prefix", "text"),
    [
        ("", "Arvon pitää olla luku."),
        ("/sv", "Värdet måste vara ett tal."),
        ("/en", "The value must be a number."),
    ],
)
def test_a_value_that_is_not_a_number_is_refused(client, cast, indicator, prefix, text):
    client.force_login(cast.process_owner)
    response = client.post(
        f"{prefix}/ohjelma/mittarit/{indicator.pk}/arvot/",
        {"date": "2026-03-01", "value": "noin 20"},
    )
    assert response.status_code == 200
    assert text in response.content.decode()
    assert not indicator.values.exists()


def test_values_accept_a_decimal_comma_and_replace_the_same_date(
    client, cast, indicator
):
    client.force_login(cast.process_owner)
    for value in ["22,5", "21"]:
        client.post(
            f"/ohjelma/mittarit/{indicator.pk}/arvot/",
            {"date": "2026-03-01", "value": value},
        )
    assert [v.value for v in indicator.values.all()] == [Decimal("21")]


@pytest.mark.parametrize("bad", ["abc", "NaN", "Infinity", "1e20", ""])
def test_record_value_action_rejects_what_is_not_a_finite_number(indicator, bad):
    with pytest.raises(ValidationError):
        actions.indicator_record_value(
            indicator=indicator, date=date(2026, 2, 1), value=bad, by=None
        )


def test_another_app_records_computed_values_with_a_source_note(indicator):
    row = actions.indicator_record_value(
        indicator=indicator,
        date=date(2026, 4, 1),
        value=18.25,
        by=None,
        source_note="Tapahtumaloki: mediaani läpimenoaika",
    )
    assert row.value == Decimal("18.25")
    assert row.recorded_by is None


def test_measure_page_shows_baseline_target_actual_as_an_accessible_chart(
    client, cast, measure, indicator
):
    actions.indicator_record_value(
        indicator=indicator, date=date(2026, 6, 1), value=20, by=cast.process_owner
    )
    assert indicator.target_reached() is False
    actions.measure_set_published(measure=measure, published=True, by=cast.manager)
    page = client.get(f"/en/ohjelma/toimenpiteet/{measure.pk}/").content.decode()
    assert 'role="img"' in page
    assert f'<title id="chart-title-{indicator.pk}">' in page
    assert f'<desc id="chart-desc-{indicator.pk}">' in page
    assert "<polyline" not in page or 'class="actual"' in page
    assert "Values of Luvan käsittelyaika" in page  # the data table's caption
    assert "Baseline 30" in page
    assert "target 10" in page
    assert "actual 20" in page
    assert "style=" not in page  # the CSP forbids inline styles
    finnish = client.get(f"/ohjelma/toimenpiteet/{measure.pk}/").content.decode()
    assert "Lähtötaso 30" in finnish
    # Coordinates stay plain numbers whatever the language (no decimal commas).
    assert not re.search(r' (x|y|cx|cy|width)="[^"]*\d,\d', finnish)
