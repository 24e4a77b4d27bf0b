"""Real Chromium at phone width: the matrix page is usable and passes axe."""

import pytest

from conftest import PASSWORD, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_matrix_page_at_390_px_has_no_axe_violations(page, team):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/en/tili/kirjaudu/")
    page.fill("#id_email", team.boss.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/")
    page.goto(f"/en/osaaminen/yksikot/{team.unit.pk}/")
    table = page.get_by_role("region", name="Tasks and levels")
    table.focus()
    assert page.get_by_role("rowheader", name="Registering").count() == 1
    assert axe_violations(page) == []
    assert page.csp_errors == []


def _log_in(page, email):
    page.goto("/en/tili/kirjaudu/")
    page.fill("#id_email", email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/")


def _fits_and_passes_axe(page, axe_violations):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width
    assert axe_violations(page) == []
    assert page.csp_errors == []


def test_the_lead_pages_at_390_px_fit_and_pass_axe(page, team, cast, tmp_path):
    page.set_viewport_size({"width": 390, "height": 844})
    _log_in(page, cast.productivity_lead.email)
    for name in ("", "suunnitelma/", "tyokierto/", "tuonti/", "poissaolot/"):
        page.goto(f"/en/osaaminen/yksikot/{team.unit.pk}/{name}")
        _fits_and_passes_axe(page, axe_violations)
    page.goto(f"/en/osaaminen/tehtavat/{team.registry.pk}/")
    _fits_and_passes_axe(page, axe_violations)
    matrix = tmp_path / "matrix.csv"
    matrix.write_text(f"email;Registering\n{team.workers[4].email};9\n")
    page.goto(f"/en/osaaminen/yksikot/{team.unit.pk}/tuonti/")
    page.set_input_files("#id_file", str(matrix))
    page.click("main button[type=submit]")
    alert = page.get_by_role("alert")
    assert "Row 2" in alert.inner_text() and "not a level 0–4" in alert.inner_text()
    _fits_and_passes_axe(page, axe_violations)


def test_the_team_page_and_the_measure_panel_at_390_px_pass_axe(
    page, team, cast, measure, to_be
):
    page.set_viewport_size({"width": 390, "height": 844})
    _log_in(page, team.boss.email)
    page.goto(
        f"/en/osaaminen/yksikot/{team.unit.pk}/tiimi/?person={team.workers[1].pk}"
    )
    page.get_by_label("Task", exact=True).select_option(label="Registering")
    page.get_by_label("Level", exact=True).select_option("3")
    page.get_by_role("button", name="Approve as agreed").click()
    assert "approved" in page.get_by_role("main").inner_text()
    _fits_and_passes_axe(page, axe_violations)
    page.context.clear_cookies()
    _log_in(page, cast.productivity_lead.email)
    page.goto(f"/en{measure.get_absolute_url()}")
    page.get_by_text("Add the new steps to a unit").click()
    _fits_and_passes_axe(page, axe_violations)
