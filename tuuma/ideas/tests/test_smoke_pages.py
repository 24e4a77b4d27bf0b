import pytest

from tuuma.ideas.tests.factories import answered_idea, make_idea

pytestmark = pytest.mark.django_db


def test_pages_render(client, cast, area):
    idea = make_idea(cast.resident.organisation, cast.resident, service_area=area)
    answered_idea(idea.organisation, cast.resident, cast.manager, title="Toinen idea")
    for user in [None, cast.resident, cast.moderator, cast.manager, cast.administrator]:
        client.logout()
        if user:
            client.force_login(user)
        for url in [
            "/ideat/",
            f"/ideat/{idea.pk}/",
            "/ideat/tilastot/",
            "/",
            "/ideat/uusi/",
            "/ideat/samankaltaiset/?title=penkkejä+puistoon",
        ]:
            response = client.get(url)
            assert response.status_code in (200, 302), (url, user, response.status_code)
    client.force_login(cast.administrator)
    for url in [
        "/ideat/hallinta/moderointi/",
        "/ideat/hallinta/kasittely/",
        "/ideat/hallinta/myohassa/",
        "/ideat/hallinta/vastaukset/",
        "/ideat/hallinta/asetukset/",
        f"/ideat/{idea.pk}/kasittely/",
    ]:
        assert client.get(url).status_code == 200, url
