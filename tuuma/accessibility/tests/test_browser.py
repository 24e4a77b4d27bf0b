"""Real Chromium: the accessibility statement and its feedback form pass
axe-core, work at 390 px and send feedback into the ideas pipeline."""

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from tuuma.ideas.models import Idea, IdeaSettings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _accessible_and_narrow(page) -> None:
    assert axe_violations(page) == []
    assert page.csp_errors == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_statement_and_feedback_form_are_accessible_on_a_phone(page, org):
    IdeaSettings.objects.create(organisation=org, allow_anonymous=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    page.get_by_role("link", name="Saavutettavuusseloste").click()
    expect(page.get_by_role("heading", name="Valvontaviranomainen")).to_be_visible()
    _accessible_and_narrow(page)
    page.get_by_role("link", name="Anna saavutettavuuspalautetta").click()
    _accessible_and_narrow(page)
    page.get_by_label("Palautteesi").fill(
        "Lomakkeen virheilmoitus ei näy ruudunlukijalla."
    )
    page.get_by_label("Sähköpostiosoitteesi vastausta varten").fill("a@example.fi")
    page.get_by_role("button", name="Lähetä palaute").click()
    expect(page.get_by_text("Palautteesi on vastaanotettu")).to_be_visible()
    assert Idea.objects.get().kind == "feedback"
