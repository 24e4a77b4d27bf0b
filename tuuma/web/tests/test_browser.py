"""Real Chromium: keyboard-only log-in and axe-core on the foundation's pages."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _tab_to(page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element matching ``selector`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "s => document.activeElement === document.querySelector(s)", selector
        ):
            return
    raise AssertionError(f"could not reach {selector} with the keyboard")


def test_person_logs_in_with_the_keyboard_only(page, cast):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    _tab_to(page, "a[href='/tili/kirjaudu/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tili/kirjaudu/")
    # The e-mail field has the focus on arrival.
    expect(page.locator("#id_email")).to_be_focused()
    page.keyboard.type(cast.employee.email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Tervetuloa, Employee.")).to_be_visible()
    assert urlparse(page.url).path == "/"


def test_bad_login_shows_the_error_to_assistive_tech(page, cast):
    page.goto("/en/tili/kirjaudu/")
    page.fill("#id_email", cast.employee.email)
    page.fill("#id_password", "wrong password")
    page.click("button[type=submit]")
    alert = page.get_by_role("alert")
    assert "The e-mail address or password is wrong." in alert.inner_text()


@pytest.mark.parametrize(
    "path",
    ["/", "/sv/", "/en/", "/tili/kirjaudu/", "/tili/salasana/", "/ei-ole/"],
)
def test_public_pages_have_no_accessibility_violations(page, org, path):
    page.goto(path)
    assert axe_violations(page) == []
    assert page.csp_errors == []


def test_profile_page_has_no_accessibility_violations(page, cast):
    page.goto("/tili/kirjaudu/")
    page.fill("#id_email", cast.manager.email)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.get_by_text("Tervetuloa")).to_be_visible()
    page.goto("/tili/profiili/")
    assert axe_violations(page) == []
    page.fill("#id_name", "raportit")
    page.click("text=Luo avain")
    assert page.locator("#token-key").input_value()
    assert axe_violations(page) == []
