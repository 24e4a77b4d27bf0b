"""The front page per role: its first action, and it works signed out."""

import re

import pytest

pytestmark = pytest.mark.django_db

FIRST_ACTION = re.compile(r"<a [^>]*data-first-action[^>]*>(.*?)</a>", re.S)


def _first_action(client, person=None) -> str:
    if person is not None:
        client.force_login(person)
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    return re.sub(r"<[^>]+>", "", FIRST_ACTION.search(page).group(1)).strip()


def test_signed_out_people_first_see_submit_an_idea_and_a_search_box(client, org):
    assert _first_action(client) == "Lähetä idea"
    assert 'role="search"' in client.get("/").content.decode()


def test_a_resident_first_sees_submit_an_idea(client, cast):
    assert _first_action(client, cast.resident) == "Lähetä idea"


@pytest.mark.parametrize("role", ["employee", "moderator", "process_owner"])
def test_staff_first_see_their_work(client, cast, role):
    assert _first_action(client, getattr(cast, role)).startswith("Kaikki omat työni")


@pytest.mark.parametrize("role", ["manager", "productivity_lead", "administrator"])
def test_managers_first_see_the_programmes_state(client, cast, role):
    page = client.get("/").content.decode()  # signed out, for contrast
    assert "Ohjelman tilanne" not in page
    first = _first_action(client, getattr(cast, role))
    assert first == "Vastausaikatavoitteen ylittäneet ideat"
    page = client.get("/").content.decode()
    assert page.index("Ohjelman tilanne") < page.index("Oma työ</h2>")
    assert "Ohjelman raportti" in page
