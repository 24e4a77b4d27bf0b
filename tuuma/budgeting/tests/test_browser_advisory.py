"""Real Chromium: answering a ranking advisory vote on a 390 px phone with the
keyboard alone; the vote, its result and the form without axe violations."""

import datetime

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from tuuma.budgeting import advisory
from tuuma.budgeting.tests.test_browser import _fits_the_phone, _sign_in
from tuuma.hearings.models import Matter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_resident_ranks_on_a_phone_with_the_keyboard_and_reads_the_result(
    page, org, cast
):
    matter = Matter.objects.create(
        organisation=org,
        title="Uimahalli",
        description="-",
        phase="decision",
        is_published=True,
    )
    vote = advisory.advisory_create(
        matter=matter,
        by=cast.manager,
        question="Missä järjestyksessä?",
        options=["Korjaus", "Uusi halli"],
        kind="ranking",
        closes_on=datetime.date(2026, 12, 31),
    )
    advisory.advisory_open(vote=vote, by=cast.manager)
    page.set_viewport_size({"width": 390, "height": 844})
    _sign_in(page, cast.resident)
    page.goto(f"/en/osallistuva-budjetointi/neuvoa-antavat/{vote.pk}/")
    assert axe_violations(page) == []
    assert _fits_the_phone(page)
    page.get_by_label("Uusi halli").focus()
    page.keyboard.press("ArrowDown")  # "1"
    page.get_by_label("Your age").focus()
    page.keyboard.type("34")
    page.get_by_label("I live in the municipality").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Send my answer").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("Your answer is counted")
    advisory.advisory_close(vote=vote, by=cast.manager)
    page.reload()
    expect(page.locator("table")).to_contain_text("Uusi halli")
    assert axe_violations(page) == []
    assert _fits_the_phone(page)
    _sign_in(page, cast.manager)
    page.goto(f"/en/osallistuva-budjetointi/neuvoa-antavat/uusi/?asia={matter.pk}")
    assert axe_violations(page) == []
