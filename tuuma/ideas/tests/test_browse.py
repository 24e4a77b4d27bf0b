"""Browsing: search, filters, sorting, pagination, a bounded number of queries,
and the ideas block on the front page."""

import pytest
from django.utils import translation

from tuuma.ideas import actions
from tuuma.ideas.models import Idea
from tuuma.ideas.tests.factories import answered_idea, make_idea

pytestmark = pytest.mark.django_db


@pytest.fixture
def ideas(org, area, cast):
    made = {
        "bench": make_idea(
            org, cast.resident, title="Penkkejä rantapuistoon", service_area=area
        ),
        "library": make_idea(
            org,
            cast.resident,
            title="Kirjaston aukioloajat",
            body="Kirjasto auki sunnuntaisin.",
            kind="feedback",
        ),
        "answered": answered_idea(
            org, cast.resident, cast.manager, title="Katuvalot Torikadulle"
        ),
    }
    for person in (cast.employee, cast.moderator):
        actions.idea_support(idea=made["library"], user=person)
    return made


def _titles(client, **params) -> list[str]:
    response = client.get("/api/v1/ideas", params)
    assert response.status_code == 200
    return [row["title"] for row in response.json()["results"]]


def test_search_filters_and_sorts(client, ideas, area):
    assert _titles(client, q="kirjasto") == ["Kirjaston aukioloajat"]
    assert _titles(client, q="sunnuntaisin") == ["Kirjaston aukioloajat"]
    assert _titles(client, kind="feedback") == ["Kirjaston aukioloajat"]
    assert _titles(client, area=area.pk) == ["Penkkejä rantapuistoon"]
    assert _titles(client, status="answered") == ["Katuvalot Torikadulle"]
    assert _titles(client, sort="supported")[0] == "Kirjaston aukioloajat"
    assert _titles(client, sort="answered") == ["Katuvalot Torikadulle"]
    assert _titles(client)[0] == "Katuvalot Torikadulle"


@pytest.mark.parametrize(
    "params",
    [
        {"q": "') OR 1=1 --"},
        {"q": "a & | ! :* <->"},
        {"sort": "author__password"},
        {"status": "draft"},
        {"area": "x"},
        {"page": "999"},
    ],
)
def test_hostile_parameters_give_normal_results_never_an_error(client, ideas, params):
    """The page ignores a bad filter; the API refuses it, naming the parameter."""
    assert client.get("/ideat/", params).status_code == 200
    response = client.get("/api/v1/ideas", params)
    if set(params) & {"sort", "status", "area"}:
        assert response.status_code == 400
        assert list(response.json()) == list(params)
    else:
        assert response.status_code in (200, 404)


def test_the_list_page_filters_with_htmx_and_without(client, ideas):
    page = client.get("/ideat/", {"kind": "feedback"}).content.decode()
    assert "Kirjaston aukioloajat" in page and "Penkkejä" not in page
    partial = client.get(
        "/ideat/", {"q": "penkkejä"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Penkkejä rantapuistoon" in partial and "<html" not in partial


def test_pagination_keeps_the_filters(client, org, cast):
    for n in range(23):
        make_idea(org, cast.resident, title=f"Idea numero {n:02d}")
    page = client.get("/ideat/", {"kind": "idea"}).content.decode()
    assert "kind=idea&amp;page=2" in page
    second = client.get("/ideat/", {"kind": "idea", "page": 2}).content.decode()
    assert "Idea numero 00" in second and "Idea numero 22" not in second


def test_list_and_detail_use_a_bounded_number_of_queries(
    client, org, cast, django_assert_max_num_queries
):
    for n in range(30):
        idea = make_idea(org, cast.resident, title=f"Idea numero {n:02d}")
        actions.comment_create(idea=idea, author=cast.employee, body="Hyvä")
        reply_to = actions.comment_create(idea=idea, author=cast.manager, body="Jep")
        actions.comment_create(
            idea=idea, author=cast.resident, body="Kiitos", parent=reply_to
        )
    client.force_login(cast.resident)
    # Pages include the navigation's "My work" badge (its queries once a minute,
    # see tuuma/web/my_work.py) and the unread-notification count. The cache is
    # the shared database cache: storing the badge on a cold cache costs 4 more
    # (count, look-up, insert and a savepoint), a warm one a single look-up.
    with django_assert_max_num_queries(12 + 7 + 4):
        client.get("/ideat/")
    with django_assert_max_num_queries(12):
        client.get("/api/v1/ideas")
    # +2: the panels higher apps add to an idea (its processes, training needs).
    with django_assert_max_num_queries(22 + 3 + 4 + 2):  # answer statistics stored
        client.get(f"/ideat/{idea.pk}/")
    with django_assert_max_num_queries(14 + 3 + 4):
        client.get("/")


def test_the_front_page_shows_latest_ideas_and_answer_times(client, ideas):
    page = client.get("/").content.decode()
    assert "Uusimmat ideat" in page and "Kirjaston aukioloajat" in page
    assert "Vastausajan mediaani" in page
    assert 'href="/ideat/"' in page
    assert "Idéer" in client.get("/sv/").content.decode()


def test_each_idea_has_a_stable_public_page_in_every_language(client, ideas):
    idea = ideas["bench"]
    with translation.override("fi"):
        assert idea.get_absolute_url() == f"/ideat/{idea.pk}/"
    for prefix, word in (("", "Kannata ideaa"), ("/sv", "Logga in"), ("/en", "Log in")):
        page = client.get(f"{prefix}/ideat/{idea.pk}/").content.decode()
        assert idea.title in page
        assert word in page or prefix == ""
    assert Idea.objects.count() == 3


def test_counts_stop_at_the_cap_and_say_so(client, org, cast, monkeypatch):
    from tuuma.ideas.pagination import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "cap", 3)
    for n in range(5):
        make_idea(org, cast.resident, title=f"Idea numero {n}")
    page = client.get("/ideat/").content.decode()
    assert "Yli 3 ideaa" in page
