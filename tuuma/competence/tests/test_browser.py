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
