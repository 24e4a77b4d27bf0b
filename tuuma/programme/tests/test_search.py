"""The header's search: one box, results grouped by kind, visibility respected."""

import pytest

from tuuma.ideas import actions as idea_actions
from tuuma.programme import actions

pytestmark = pytest.mark.django_db


def _search(client, text: str) -> str:
    response = client.get("/haku/", {"q": text})
    assert response.status_code == 200
    return response.content.decode()


def test_ideas_and_measures_are_found_in_groups(client, published_idea, measure, cast):
    actions.measure_set_published(measure=measure, published=True, by=cast.manager)
    page = _search(client, "rakennuslupa")
    assert "<h2" in page and "Ideat" in page and "Toimenpiteet" in page
    assert published_idea.title in page and measure.title in page


def test_a_resident_never_finds_staff_only_or_unpublished_things(
    client, org, area, cast, measure
):
    idea_actions.idea_create(
        organisation=org,
        author=cast.employee,
        kind="staff_initiative",
        title="Sisäinen rakennuslupa-aloite",
        body="Vain henkilöstölle.",
        service_area=area,
        is_staff_only=True,
    )
    client.force_login(cast.resident)
    page = _search(client, "rakennuslupa")
    assert "Sisäinen" not in page
    assert measure.title not in page  # not published yet
    client.force_login(cast.manager)
    assert measure.title in _search(client, "rakennuslupa")


def test_an_empty_or_overlong_search_answers_calmly(client, org):
    assert 'role="search"' in _search(client, "")
    assert _search(client, "x" * 5000)


def test_the_header_has_the_search_box_on_every_page(client, org):
    page = client.get("/ideat/").content.decode()
    assert 'id="header-search"' in page
