"""Real Chromium at phone width: two-factor enrolment and its confirmation page."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_manager_enrols_a_phone_at_390_px_without_accessibility_violations(
    page, cast
):
    page.set_viewport_size({"width": 390, "height": 844})
    page.set_default_timeout(60_000)  # a loaded CI machine serves slowly
    page.goto("/tili/kirjaudu/")
    page.fill("#id_email", cast.manager.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/tili/profiili/kaksivaiheinen/**")
    assert page.locator("img[src^='data:image/svg+xml']").is_visible()
    assert axe_violations(page) == []
    assert page.csp_errors == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    device = TOTPDevice.objects.get(user=cast.manager)
    page.fill("#id_code", f"{totp(device.bin_key):06d}")
    page.click("main button[type=submit]")
    page.wait_for_selector(".recovery-codes")
    assert page.locator(".recovery-codes li").count() == 10
    assert axe_violations(page) == []

    page.goto("/tili/profiili/")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
