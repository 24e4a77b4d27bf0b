"""Real Chromium: voting on a 390 px phone with the keyboard alone, and the
pages of a round and its results without accessibility violations."""

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, axe_violations
from tuuma.budgeting import voting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, person) -> None:
    page.goto("/en/tili/kirjaudu/")
    page.fill("#id_email", person.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/")


def _fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_resident_votes_on_a_phone_with_the_keyboard_alone(
    page, voting_round, centre, titles, cast
):
    page.set_viewport_size({"width": 390, "height": 844})
    _sign_in(page, cast.resident)
    page.goto(f"/en/osallistuva-budjetointi/{voting_round.pk}/aanesta/")
    assert axe_violations(page) == []
    assert _fits_the_phone(page)
    page.get_by_label("Penkit").focus()
    page.keyboard.press("Space")
    expect(page.locator("#remaining")).to_contain_text("left 40 €")
    page.keyboard.press("Tab")  # the proposal's "Read more" link
    page.keyboard.press("Tab")  # Valot
    page.keyboard.press("Space")
    expect(page.locator("#remaining")).to_contain_text("over the budget")
    page.keyboard.press("Space")
    expect(page.locator("#remaining")).to_contain_text("left 40 €")
    page.get_by_label("Your age").focus()
    page.keyboard.type("34")
    page.get_by_label("I live in the municipality").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Cast my vote").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("Your vote is counted")
    assert voting.own_ballot(centre, cast.resident) == [titles["Penkit"]]
    assert axe_violations(page) == []
    assert _fits_the_phone(page)


def test_the_round_and_its_results_pass_axe_on_a_phone(
    page, voting_round, centre, titles, cast
):
    voting.ballot_cast(
        area=centre,
        by=cast.employee,
        proposal_ids=[titles["Valot"]],
        age=40,
        is_resident=True,
    )
    voting.round_close_vote(budget_round=voting_round, by=cast.manager)
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("", "tulokset/"):
        page.goto(f"/en/osallistuva-budjetointi/{voting_round.pk}/{path}")
        assert axe_violations(page) == []
        assert _fits_the_phone(page)
    page.goto(f"/en/osallistuva-budjetointi/ehdotus/{titles['Valot']}/")
    assert axe_violations(page) == []


def test_the_staff_pages_pass_axe(page, voting_round, cast):
    _sign_in(page, cast.manager)
    for path in ("hallinta/", "paperiliput/"):
        page.goto(f"/en/osallistuva-budjetointi/{voting_round.pk}/{path}")
        assert axe_violations(page) == []
