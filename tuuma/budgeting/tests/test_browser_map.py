"""Real Chromium, offline: the proposal maps on a 390 px phone with the tiles
refused, without accessibility violations or CSP errors; choosing the point
by clicking the map fills in the coordinate fields."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from tuuma.budgeting import actions
from tuuma.budgeting.models import Proposal
from tuuma.budgeting.tests.test_browser import _fits_the_phone, _sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _no_tiles(page) -> None:
    """Tests run offline; refuse the tile requests at once rather than wait."""
    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())


def test_the_maps_pass_axe_on_a_phone_without_tiles(page, proposals_round, cast):
    area = proposals_round.areas.first()
    proposal = actions.proposal_submit(
        budget_round=proposals_round,
        area=area,
        by=cast.resident,
        title="Laituri rantaan",
        description="Uimareille",
        location="Rantatie 3",
        latitude="61.9851",
        longitude="24.2203",
    )
    _no_tiles(page)
    page.set_viewport_size({"width": 390, "height": 844})
    base = "/en/osallistuva-budjetointi"
    for path in (
        f"{proposals_round.pk}/",
        f"alue/{area.pk}/",
        f"ehdotus/{proposal.pk}/",
    ):
        page.goto(f"{base}/{path}")
        expect(page.locator(".budgeting-map.leaflet-container")).to_be_visible()
        expect(page.locator(".budgeting-map path.leaflet-interactive")).to_have_count(1)
        expect(page.get_by_role("link", name="Laituri rantaan").first).to_be_visible()
        assert axe_violations(page) == [], path
        assert _fits_the_phone(page), path
    assert page.csp_errors == []


def test_a_resident_picks_the_point_on_the_map(page, proposals_round, cast):
    _no_tiles(page)
    page.set_viewport_size({"width": 390, "height": 844})
    _sign_in(page, cast.resident)
    page.goto(f"/en/osallistuva-budjetointi/{proposals_round.pk}/ehdota/")
    assert axe_violations(page) == []
    assert _fits_the_phone(page)
    page.get_by_label("Title").fill("Laituri")
    page.locator("#id_description").fill("Uimareille")
    page.get_by_label("Location").fill("Rantatie 3")
    page.locator("[data-pick-map]").click()
    expect(page.get_by_label("Latitude")).not_to_have_value("")
    latitude = Decimal(page.get_by_label("Latitude").input_value())
    assert 55 < latitude < 75  # the map starts on Finland
    page.get_by_role("button", name="Send the proposal").click()
    expect(page.locator(".messages")).to_contain_text("Thank you")
    proposal = Proposal.objects.get(title="Laituri")
    assert proposal.latitude == latitude.quantize(Decimal("0.000001"))
    assert axe_violations(page) == []
    assert page.csp_errors == []
