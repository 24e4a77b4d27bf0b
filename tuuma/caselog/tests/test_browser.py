"""Real Chromium: upload the WABO log, watch the import, open the map, a
deadline rule and a before/after comparison; no axe-core violations."""

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, user) -> None:
    page.goto("/en/tili/kirjaudu/")
    page.fill("#id_email", user.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/")


def assert_accessible(page) -> None:
    assert axe_violations(page) == []
    assert page.csp_errors == []


def test_an_analyst_uploads_a_log_and_explores_it(page, cast, wabo_path, run_jobs):
    log_in(page, cast.caselog_analyst)
    expect(page.get_by_role("link", name="Tapahtumalokit")).to_be_visible()
    page.goto("/en/tapahtumalokit/")
    page.get_by_role("link", name="Upload a log").click()
    assert_accessible(page)
    page.set_input_files("#id_file", str(wabo_path))
    page.fill("#id_name", "Kuittien käsittely")
    page.fill("#id_source_system", "WABO")
    page.check("#id_pseudonymise")
    page.get_by_role("button", name="Upload and import").click()

    page.wait_for_url("**/tyot/*/")
    expect(page.locator("#job-progress-bar")).to_be_visible()
    run_jobs()  # the page keeps polling and sees the job finish
    result = page.get_by_role("link", name="Open the result")
    expect(result).to_be_visible(timeout=20_000)
    expect(page.locator("#job-progress-bar")).to_have_attribute("value", "100")
    assert_accessible(page)
    result.click()
    # The result address is in the starter's language (Finnish); switch back.
    page.get_by_role("link", name="In English").click()

    expect(page.get_by_role("heading", name="Kuittien käsittely")).to_be_visible()
    expect(page.locator("#histogram-title")).to_have_count(1)
    assert_accessible(page)

    page.get_by_role("link", name="Process map").click()
    expect(page.locator("svg.process-map")).to_be_visible()
    assert_accessible(page)
    before = page.locator("svg.process-map .edge").count()
    page.select_option("#id_detail", "7")
    expect(page.locator("svg.process-map .edge")).not_to_have_count(before)
    assert "detail=7" in page.url  # the view can be shared
    page.get_by_label("waiting time").check()
    expect(page.locator("#map-desc")).to_contain_text("waiting time")

    page.get_by_role("link", name="Deadlines").click()
    page.get_by_role("link", name="Information request answered within 2 weeks").click()
    page.select_option("#id_from_activity", "Confirmation of receipt")
    page.select_option("#id_to_activity", "T02 Check confirmation of receipt")
    assert_accessible(page)
    page.get_by_role("button", name="Save the rule").click()
    expect(page.get_by_text("met the deadline", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Late cases")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Before and after").click()
    page.fill("#id_split", "2011-03-01")
    page.get_by_role("button", name="Compare").click()
    expect(page.locator(".result-text")).to_contain_text("median throughput time")
    expect(page.locator(".result-text")).to_contain_text("Mann–Whitney U")
    assert_accessible(page)


def test_a_workbook_is_mapped_on_an_accessible_columns_page(
    page, cast, run_jobs, tmp_path
):
    from tuuma.caselog.engine.tests.test_spreadsheets import XLSX_ROWS, workbook

    workbook(tmp_path / "luvat.xlsx", {"Ohje": [["Lue tämä"]], "Tapahtumat": XLSX_ROWS})
    log_in(page, cast.caselog_analyst)
    page.goto("/en/tapahtumalokit/uusi/")
    page.set_input_files("#id_file", str(tmp_path / "luvat.xlsx"))
    page.fill("#id_name", "Luvat")
    page.get_by_role("button", name="Upload and import").click()
    page.get_by_role("link", name="Tapahtumat").click()
    expect(page.locator("#id_case_column")).to_have_value("Asianumero")
    expect(page.locator("#id_timestamp_column")).to_have_value("Aika")
    page.set_viewport_size({"width": 390, "height": 800})
    assert_accessible(page)
    page.get_by_role("button", name="Import").click()
    page.wait_for_url("**/tyot/*/")
    run_jobs()
    expect(page.get_by_role("link", name="Open the result")).to_be_visible(
        timeout=20_000
    )


@pytest.mark.parametrize("suffix", ["prosessikartta/", "pullonkaulat/"])
def test_the_map_and_bottlenecks_read_on_a_phone(page, cast, wabo_log, suffix):
    log_in(page, cast.caselog_analyst)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/en/tapahtumalokit/{wabo_log.pk}/{suffix}")
    expect(page.locator("main h1")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)
    if suffix == "prosessikartta/":
        # The default map fits the desktop page's width without scrolling it.
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        expect(page.locator("svg.process-map .node")).not_to_have_count(0)
