"""A proposal's place on the map and its images: checks, pages, API, privacy."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tuuma.budgeting import actions
from tuuma.budgeting.errors import BudgetingError
from tuuma.budgeting.models import Proposal, ProposalImage
from tuuma.budgeting.privacy import personal_data

pytestmark = pytest.mark.django_db

BASE = "/osallistuva-budjetointi"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png(name="kuva.png") -> SimpleUploadedFile:
    data = io.BytesIO()
    Image.new("RGB", (4, 3), (0, 90, 160)).save(data, "PNG")
    return SimpleUploadedFile(name, data.getvalue(), content_type="image/png")


def _submit(proposals_round, cast, **extra):
    return actions.proposal_submit(
        budget_round=proposals_round,
        area=proposals_round.areas.first(),
        by=cast.resident,
        title="Penkki rantaan",
        description="Istumaan",
        **extra,
    )


def test_a_point_is_stored_rounded_and_both_coordinates_are_needed(
    proposals_round, cast
):
    proposal = _submit(
        proposals_round, cast, latitude="61,98501234", longitude=Decimal("24.22")
    )
    proposal.refresh_from_db()
    assert proposal.latitude == Decimal("61.985012") and proposal.has_point
    with pytest.raises(BudgetingError, match="both"):
        _submit(proposals_round, cast, latitude="61.9")
    with pytest.raises(BudgetingError, match="between -90 and 90"):
        _submit(proposals_round, cast, latitude="91", longitude="24")
    with pytest.raises(BudgetingError, match="numbers"):
        _submit(proposals_round, cast, latitude="pohjoinen", longitude="24")


def test_a_point_outside_the_organisations_map_area_is_refused(
    proposals_round, cast, org
):
    org.map_south, org.map_west = Decimal("61.9"), Decimal("24.05")
    org.map_north, org.map_east = Decimal("62.08"), Decimal("24.4")
    org.save()
    proposals_round.organisation.refresh_from_db()
    with pytest.raises(BudgetingError, match="outside"):
        _submit(proposals_round, cast, latitude="24.2", longitude="61.98")  # swapped
    assert _submit(proposals_round, cast, latitude="61.98", longitude="24.2")


def test_images_are_checked_by_content_described_and_at_most_five(
    proposals_round, cast
):
    before = Proposal.objects.count()
    with pytest.raises(BudgetingError, match="Describe"):
        _submit(proposals_round, cast, images=[(png(), " ")])
    fake = SimpleUploadedFile("kuva.png", b"<html><script>alert(1)</script>")
    with pytest.raises(BudgetingError, match="not an accepted image"):
        _submit(proposals_round, cast, images=[(png(), "Ranta"), (fake, "Ranta")])
    with pytest.raises(BudgetingError, match="at most 5"):
        _submit(proposals_round, cast, images=[(png(), "Ranta")] * 6)
    assert Proposal.objects.count() == before and not ProposalImage.objects.exists()
    proposal = _submit(
        proposals_round,
        cast,
        images=[(png(f"kuva{n}.png"), f"Kuva {n}") for n in range(5)],
    )
    assert [i.alt_text for i in proposal.images.all()] == [
        f"Kuva {n}" for n in range(5)
    ]
    assert {i.content_type for i in proposal.images.all()} == {"image/png"}


def test_an_image_is_served_safely_and_its_file_goes_with_the_proposal(
    client, proposals_round, cast, django_capture_on_commit_callbacks
):
    proposal = _submit(proposals_round, cast, images=[(png(), "Ranta")])
    image = proposal.images.get()
    response = client.get(f"{BASE}/ehdotus/kuva/{image.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    storage, name = image.image.storage, image.image.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        proposal.delete()
    assert not storage.exists(name)


def test_a_draft_rounds_images_and_areas_are_hidden_from_residents(client, org, cast):
    from tuuma.budgeting.builders import round_with_proposals
    from tuuma.budgeting.choices import Phase

    draft = round_with_proposals(
        organisation=org,
        lead=cast.productivity_lead,
        author=cast.resident,
        areas=[("Keskusta", 100)],
        proposals={},
        to_phase=Phase.DRAFT,
    )
    area = draft.areas.get()
    assert client.get(f"{BASE}/alue/{area.pk}/").status_code == 404
    client.force_login(cast.productivity_lead)
    assert client.get(f"{BASE}/alue/{area.pk}/").status_code == 200


def test_the_form_takes_a_place_and_several_described_images(
    client, proposals_round, cast
):
    client.force_login(cast.resident)
    url = f"{BASE}/{proposals_round.pk}/ehdota/"
    form = client.get(url)
    assert 'name="latitude"' in form.text and 'name="image_alt_5"' in form.text
    assert "data-pick-map" in form.text
    posted = {
        "area": proposals_round.areas.first().pk,
        "title": "Laituri",
        "description": "Uimareille",
        "location": "Rantatie 3",
        "latitude": "61.9851",
        "longitude": "24.2203",
        "image_1": png("a.png"),
        "image_alt_1": "Ranta nyt",
        "image_2": png("b.png"),
        "image_alt_2": "",
    }
    refused = client.post(url, posted)
    assert refused.status_code == 200 and not Proposal.objects.filter(title="Laituri")
    posted.update(image_1=png("a.png"), image_2=png("b.png"), image_alt_2="Laituri")
    sent = client.post(url, posted)
    assert sent.status_code == 302
    proposal = Proposal.objects.get(title="Laituri")
    assert proposal.images.count() == 2 and proposal.longitude == Decimal("24.2203")


def test_the_round_area_and_proposal_pages_list_the_places_beside_the_map(
    client, proposals_round, cast
):
    proposal = _submit(
        proposals_round,
        cast,
        location="Rantatie 3",
        latitude="61.9851",
        longitude="24.2203",
        images=[(png(), "Ranta")],
    )
    for url in (
        f"{BASE}/{proposals_round.pk}/",
        f"{BASE}/alue/{proposal.area_id}/",
        f"{BASE}/ehdotus/{proposal.pk}/",
    ):
        page = client.get(url)
        assert page.status_code == 200
        assert 'data-lat="61.985100"' in page.text and "Rantatie 3" in page.text
        assert "data-proposal-map" in page.text
    detail = client.get(f"{BASE}/ehdotus/{proposal.pk}/")
    assert 'alt="Ranta"' in detail.text and "/ehdotus/kuva/" in detail.text


def test_without_a_tile_server_there_is_no_map_only_the_list(
    client, proposals_round, cast, settings
):
    settings.MAP_TILE_URL = ""
    _submit(proposals_round, cast, latitude="61.9851", longitude="24.2203")
    page = client.get(f"{BASE}/{proposals_round.pk}/")
    assert "data-proposal-map" not in page.text and "leaflet" not in page.text
    assert 'data-lat="61.985100"' in page.text


def test_the_csp_admits_images_from_the_tile_host_only(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "img-src 'self' data: https://tile.openstreetmap.org;" in policy
    assert "script-src 'self';" in policy


def test_the_api_gives_the_point_and_the_images(client, proposals_round, cast):
    _submit(
        proposals_round,
        cast,
        latitude="61.9851",
        longitude="24.2203",
        images=[(png(), "Ranta")],
    )
    found = client.get(f"/api/v1/budgeting/rounds/{proposals_round.pk}/proposals")
    row = next(r for r in found.json()["results"] if r["title"] == "Penkki rantaan")
    assert row["latitude"] == pytest.approx(61.9851)
    assert row["images"][0]["alt_text"] == "Ranta"
    assert row["images"][0]["url"].startswith(f"{BASE}/ehdotus/kuva/")


def test_a_persons_download_names_the_images_of_their_proposals(proposals_round, cast):
    _submit(proposals_round, cast, location="Rantatie 3", images=[(png(), "Ranta")])
    data = personal_data(cast.resident)
    mine = next(
        p for p in data["budgeting_proposals"] if p["title"] == "Penkki rantaan"
    )
    assert mine["location"] == "Rantatie 3" and mine["images"] == ["Ranta"]


def test_erasing_a_sole_author_with_their_texts_removes_their_images(
    proposals_round, cast, django_capture_on_commit_callbacks
):
    from tuuma.budgeting.privacy import erase_person

    alone = _submit(proposals_round, cast, images=[(png(), "Ranta")])
    shared = _submit(proposals_round, cast, images=[(png(), "Tori")])
    shared.authorships.create(organisation=shared.organisation, user=cast.employee)
    with django_capture_on_commit_callbacks(execute=True):
        erase_person(cast.resident, remove_public_texts=True)
    assert not alone.images.exists() and shared.images.count() == 1


def test_a_resident_proposes_with_a_point_through_the_api(
    client, proposals_round, cast
):
    url = f"/api/v1/budgeting/rounds/{proposals_round.pk}/proposals"
    body = {
        "area": proposals_round.areas.first().pk,
        "title": "Laituri",
        "description": "Uimareille",
        "location": "Rantatie 3",
        "latitude": 61.9851,
        "longitude": 24.2203,
    }
    assert client.post(url, body, content_type="application/json").status_code in (
        401,
        403,
    )
    client.force_login(cast.resident)
    made = client.post(url, body, content_type="application/json")
    assert made.status_code == 201
    assert made.json()["latitude"] == pytest.approx(61.9851)
    assert made.json()["images"] == []
    refused = client.post(
        url,
        {**body, "latitude": None},
        content_type="application/json",
        headers={"Accept-Language": "en"},
    )
    assert refused.status_code == 400 and "both" in refused.json()["detail"]
    other = client.post(url, {**body, "area": 0}, content_type="application/json")
    assert other.status_code == 400 and "area" in other.json()
