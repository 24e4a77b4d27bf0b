"""The closed loop in a real browser: what the proposer sees at the end, and the
new pages at 390 px without accessibility violations."""

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, axe_violations
from tuuma.programme import actions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, person) -> None:
    page.goto("/tili/kirjaudu/")
    page.fill("#id_email", person.email)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.get_by_role("link", name="Oma työ")).to_be_visible()


def test_the_proposer_sees_what_changed_on_a_phone(
    page, make_measure, accepted_idea, cast
):
    measure = make_measure(public_summary="Rakennuslupaa voi hakea verkossa.")
    actions.measure_link_idea(measure=measure, idea=accepted_idea, by=cast.manager)
    actions.measure_set_published(measure=measure, published=True, by=cast.manager)
    indicator = actions.indicator_create(
        measure=measure,
        name="Käsittelyaika",
        unit="päivää",
        direction="decrease",
        baseline_value=Decimal(21),
        baseline_date=date(2026, 1, 1),
        target_value=Decimal(10),
        target_date=date(2026, 12, 31),
    )
    actions.measure_change_status(measure=measure, to_status="done", by=cast.manager)
    actions.indicator_record_value(
        indicator=indicator, date=date(2026, 9, 1), value=9, by=cast.manager
    )
    page.set_viewport_size({"width": 390, "height": 844})
    _log_in(page, cast.resident)
    for path in (accepted_idea.get_absolute_url(), "/oma/", "/haku/?q=lupa", "/"):
        page.goto(path)
        assert axe_violations(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    page.goto(accepted_idea.get_absolute_url())
    block = page.locator("section.what-changed")
    expect(block).to_contain_text("Käsittelyaika (päivää)")
    expect(block).to_contain_text("21")
    expect(block).to_contain_text("9")
    expect(block).to_contain_text("tavoite on saavutettu")
