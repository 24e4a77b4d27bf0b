"""Real Chromium: the insights pages are accessible at desktop and phone width."""

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


@pytest.mark.parametrize("width", [1280, 390])
def test_insights_pages_are_accessible_and_fit_a_phone(
    page, dataset, productivity, cast, area, width
):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, cast.manager)
    for path in (
        "/en/tilannekuva/",
        f"/en/tilannekuva/?service_area={area.pk}",
        "/en/tilannekuva/riskit/",
        "/en/tilannekuva/mittarit/",
        "/en/tilannekuva/tulokset/",
        "/en/tilannekuva/kokouspaketit/",
    ):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert axe_violations(page) == [], path
        assert page.csp_errors == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
