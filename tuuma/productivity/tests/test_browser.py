"""Real Chromium: the product, area, import and survey pages are accessible at
desktop and phone width, and the survey can be answered on a phone."""

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, axe_violations
from tuuma.organisation.models import Unit
from tuuma.productivity import actions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, user) -> None:
    page.goto("/en/tili/kirjaudu/")
    page.fill("#id_email", user.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/")


def assert_fits_and_accessible(page, width: int) -> None:
    assert axe_violations(page) == []
    assert page.csp_errors == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [1280, 390])
def test_productivity_pages_are_accessible_and_the_survey_works_on_a_phone(
    page, org, area, cast, products, open_survey, width
):
    Unit.objects.create(organisation=org, service_area=area, name="Kirjasto")
    actions.figures_import(
        organisation=org, by=cast.productivity_lead, kind="volumes",
        data="kuukausi;tuote;kanava;määrä\n1.2024;A;tiski;30\n1.2025;A;verkko;40\n".encode(),
        filename="v.csv",
    )  # fmt: skip
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, cast.productivity_lead)
    for path in (
        "/en/tuottavuus/",
        f"/en/tuottavuus/alueet/{area.pk}/",
        f"/en/tuottavuus/tuotteet/{products['A'].pk}/",
        "/en/tuottavuus/tuonti/",
        "/en/tuottavuus/kyselyt/",
    ):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_fits_and_accessible(page, width)
    page.goto(f"/en/tuottavuus/alueet/{area.pk}/")
    expect(
        page.get_by_role("img", name="Productivity and working life")
    ).to_be_visible()
    page.goto(f"/en/tuottavuus/kyselyt/{open_survey.pk}/")
    assert_fits_and_accessible(page, width)
    page.get_by_label("Your unit", exact=True).select_option(label="Kirjasto")
    for group in page.locator("fieldset.scale-choices").all():
        group.get_by_label("4", exact=True).check()
    page.get_by_role("button", name="Send my answer").click()
    expect(page.get_by_text("Your answer was saved without your name")).to_be_visible()
    expect(page.get_by_text("Fewer than five answers: not shown")).to_have_count(2)
    assert_fits_and_accessible(page, width)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_editing_pages_are_accessible_and_a_survey_is_prepared_in_them(
    page, org, area, cast, products, width
):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, cast.manager)
    for path in (
        "/en/tuottavuus/hallinta/",
        f"/en/tuottavuus/tuotteet/{products['A'].pk}/muokkaa/",
        "/en/tuottavuus/kustannuspaikat/uusi/",
        "/en/tuottavuus/kyselyt/uusi/",
    ):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_fits_and_accessible(page, width)
    # Required labels end in an asterisk: the fields are found by their ids.
    page.fill("#id_title", "Pulssi")
    page.fill("#id_opens_on", "2027-01-04")
    page.fill("#id_closes_on", "2027-01-18")
    page.fill("#id_statements-0-text", "Työ on mielekästä.")
    page.get_by_role("button", name="Save the survey").click()
    expect(page.get_by_text("The survey was saved.")).to_be_visible()
    assert_fits_and_accessible(page, width)
    page.get_by_role("link", name="Remarks of the survey").click()
    expect(page.get_by_text("at least five answers")).to_be_visible()
    assert_fits_and_accessible(page, width)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_month_is_entered_by_hand_and_unit_hours_shown_accessibly(
    page, org, area, cast, products, width
):
    for name in ("Iso yksikkö", "Pieni yksikkö"):
        Unit.objects.create(organisation=org, service_area=area, name=name)
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, cast.manager)
    page.goto("/en/tuottavuus/hallinta/kuukausi/")
    assert_fits_and_accessible(page, width)
    page.get_by_label("Service area").select_option(label=area.localized_name)
    page.fill("#id_month", "2025-01")
    page.get_by_role("button", name="Show the month").click()
    expect(page.get_by_role("heading", name="Volumes by channel")).to_be_visible()
    assert_fits_and_accessible(page, width)
    page.get_by_label("Tuote A: E-service").fill("40")
    page.get_by_label("Staff of Iso yksikkö").fill("12")
    page.get_by_label("Staff of Pieni yksikkö").fill("3")
    page.get_by_label("Iso yksikkö: Tuote A").fill("150")
    page.get_by_label("Pieni yksikkö: Tuote A").fill("30")
    page.get_by_label("Amount (€)").first.fill("abc")
    page.get_by_role("button", name="Save the month").click()
    expect(page.get_by_text("Nothing was saved")).to_be_visible()
    assert_fits_and_accessible(page, width)
    page.get_by_label("Amount (€)").first.fill("")
    page.get_by_role("button", name="Save the month").click()
    expect(page.get_by_text("The figures of the month were saved.")).to_be_visible()
    expect(page.get_by_text("Under five people: hours not shown")).to_be_visible()
    page.goto(f"/en/tuottavuus/alueet/{area.pk}/")
    expect(page.get_by_role("heading", name="Working hours by unit")).to_be_visible()
    expect(page.get_by_text("2 units counted together")).to_be_visible()
    assert_fits_and_accessible(page, width)
