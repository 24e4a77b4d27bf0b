"""Pages and API for every role: residents see published figures only, staff the
costs and the allocation, leads import, and another organisation sees nothing."""

import pytest

from tuuma.organisation.models import Unit

pytestmark = pytest.mark.django_db


def test_residents_see_published_unit_costs_but_no_costs_or_hidden_products(
    client, cast, figures
):
    client.force_login(cast.resident)
    page = client.get("/en/tuottavuus/").content.decode()
    assert "Tuote A" in page and "Tuote B" not in page
    assert "10.00 €" in page  # 400 € / 40
    detail = client.get(f"/en/tuottavuus/tuotteet/{figures['A'].pk}/").content.decode()
    assert "How the cost was allocated" not in detail
    assert client.get(f"/tuottavuus/tuotteet/{figures['B'].pk}/").status_code == 404
    api = client.get(f"/api/v1/productivity/products/{figures['A'].pk}").json()
    assert set(api["years"][0]) == {"year", "volume", "unit_cost", "digital_share"}


def test_staff_see_the_allocation_and_the_area_indices(client, cast, figures, area):
    client.force_login(cast.employee)
    detail = client.get(f"/en/tuottavuus/tuotteet/{figures['B'].pk}/")
    assert detail.status_code == 200
    page = client.get(f"/en/tuottavuus/tuotteet/{figures['A'].pk}/").content.decode()
    assert "How the cost was allocated" in page and "KA" in page
    api = client.get(f"/api/v1/productivity/products/{figures['A'].pk}").json()
    assert api["years"][0]["lines"][0]["centre"] == "KA"
    indices = client.get(f"/api/v1/productivity/areas/{area.pk}").json()
    assert indices[0]["volume_index"] == 100.0
    assert client.get(f"/en/tuottavuus/alueet/{area.pk}/").status_code == 200


def test_only_leads_import_and_a_bad_file_is_a_400_that_names_the_row(
    client, cast, products
):
    client.force_login(cast.employee)
    assert client.get("/tuottavuus/tuonti/").status_code == 403
    client.force_login(cast.productivity_lead)
    bad = b"kuukausi;tuote;maara\n"
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        "/en/tuottavuus/tuonti/",
        {
            "kind": "volumes",
            "file": SimpleUploadedFile(
                "v.csv", b"kuukausi;tuote;m\xe4\xe4r\xe4\n1.2025;A;x\n"
            ),
        },
    )
    assert response.status_code == 400
    assert "Row 2: “x” is not a number." in response.content.decode()
    api = client.post(
        "/api/v1/productivity/imports",
        {"kind": "volumes", "file": SimpleUploadedFile("v.csv", bad)},
    )
    assert api.status_code == 400 and "file" in api.json()


def test_another_organisation_sees_nothing(client, outsider, figures, area):
    client.force_login(outsider)
    other = "pori.testserver"
    product = figures["A"]
    assert (
        client.get(f"/tuottavuus/tuotteet/{product.pk}/", HTTP_HOST=other).status_code
        == 404
    )
    assert (
        client.get(f"/tuottavuus/alueet/{area.pk}/", HTTP_HOST=other).status_code == 404
    )
    api = client.get(f"/api/v1/productivity/products/{product.pk}", HTTP_HOST=other)
    assert api.status_code == 404


def test_a_survey_is_answered_on_its_page_and_its_results_hide_small_groups(
    client, cast, open_survey, org, area
):
    unit = Unit.objects.create(organisation=org, service_area=area, name="Kirjasto")
    client.force_login(cast.employee)
    form = {"unit": unit.pk, "recommendation": "8"}
    form |= {f"s{s.pk}": "4" for s in open_survey.statements.all()}
    response = client.post(f"/en/tuottavuus/kyselyt/{open_survey.pk}/", form)
    assert response.status_code == 302
    again = client.get(f"/en/tuottavuus/kyselyt/{open_survey.pk}/", follow=True)
    assert "already answered" in again.content.decode()
    results = client.get(
        f"/api/v1/productivity/surveys/{open_survey.pk}/results"
    ).json()
    assert results["overall"]["suppressed"] is True
    assert results["overall"]["responses"] is None
    client.force_login(cast.resident)
    assert client.get(f"/tuottavuus/kyselyt/{open_survey.pk}/").status_code == 403
