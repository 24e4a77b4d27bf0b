"""The interactive API documentation in a real browser: axe and the CSP."""

import pytest

from conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_pass_axe_under_the_sites_csp(page, org):
    page.goto("/api/v1/docs/")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert page.evaluate("document.documentElement.lang") in {"fi", "en", "sv"}
    assert axe_violations(page) == []
    assert page.csp_errors == []


def test_the_api_docs_fit_a_phone(page, org):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/api/v1/docs/")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
