"""Real Chromium: the administrator's log pages and a person's data page pass
axe-core and fit a 390 px wide phone."""

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, axe_violations
from tuuma.audit.actions import audit_record

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, user) -> None:
    page.goto("/tili/kirjaudu/")
    page.fill("#id_email", user.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    expect(page.get_by_text("Tervetuloa")).to_be_visible()


def _accessible_and_narrow(page) -> None:
    assert axe_violations(page) == []
    assert page.csp_errors == []
    # Nothing but the table's own scroll region may be wider than the phone.
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= 390


def test_the_log_pages_are_accessible_on_a_phone(page, org, cast):
    audit_record(
        organisation=org,
        actor=cast.administrator,
        action="organisation.role_granted",
        target=cast.employee,
        details={"role": "moderator"},
    )
    page.set_viewport_size({"width": 390, "height": 844})
    _log_in(page, cast.administrator)
    for path in ("/loki/", "/loki/kaytot/", "/loki/asetukset/"):
        page.goto(path)
        _accessible_and_narrow(page)
    page.goto("/loki/")
    expect(page.get_by_role("cell", name="organisation.role_granted")).to_be_visible()
    page.goto("/loki/omat-tiedot/")
    _accessible_and_narrow(page)
