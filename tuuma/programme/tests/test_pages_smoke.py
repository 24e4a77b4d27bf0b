import pytest

pytestmark = pytest.mark.django_db


def test_every_page_renders_for_a_lead(client, cast, measure):
    from tuuma.programme import actions

    actions.indicator_create(
        measure=measure,
        name="Käsittelyaika",
        unit="pv",
        direction="decrease",
        baseline_value=30,
        baseline_date=measure.start_date,
        target_value=10,
        target_date=measure.due_date,
    )
    client.force_login(cast.productivity_lead)
    for url in [
        "/ohjelma/",
        "/ohjelma/aikajana/",
        "/ohjelma/strategia/",
        "/ohjelma/raportti/",
        "/ohjelma/omat/",
        "/ohjelma/huomio/",
        f"/ohjelma/toimenpiteet/{measure.pk}/",
        "/ohjelma/toimenpiteet/uusi/",
        f"/ohjelma/toimenpiteet/{measure.pk}/muokkaa/",
        "/ohjelma/ohjelma.csv",
        "/ohjelma/ohjelma.xlsx",
        "/",
        "/ohjelma/?group=class",
        "/ohjelma/?group=area",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
