"""The catalogue, cost centres, shares and surveys kept in Tuuma's own pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tuuma.audit.models import AuditEntry
from tuuma.organisation.models import Unit
from tuuma.productivity import actions
from tuuma.productivity.models import (
    CostCentre,
    Driver,
    DriverShare,
    Product,
    ProductGroup,
    Survey,
)

pytestmark = pytest.mark.django_db


def test_a_lead_adds_a_group_and_a_product_in_their_area_and_it_is_audited(
    client, cast, area
):
    client.force_login(cast.productivity_lead)
    response = client.post(
        "/en/tuottavuus/ryhmat/uusi/", {"service_area": area.pk, "name": "Luvat"}
    )
    assert response.status_code == 302
    group = ProductGroup.objects.get(name="Luvat")
    response = client.post(
        "/en/tuottavuus/tuotteet/uusi/",
        {
            "group": group.pk,
            "code": "L1",
            "name": "Rakennuslupa",
            "output_unit": "lupapäätös",
            "case_types": "uusi, muutos ,",
            "is_published": "on",
        },
    )
    assert response.status_code == 302
    product = Product.objects.get(code="L1")
    assert product.service_area == area and product.case_types == ["uusi", "muutos"]
    actions_logged = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"productivity.productgroup_create", "productivity.product_create"} <= (
        actions_logged
    )


def test_a_change_is_audited_with_the_fields_that_changed(client, cast, products):
    client.force_login(cast.manager)
    product = products["A"]
    form = {
        "group": product.group_id,
        "code": "A",
        "name": "Uusi nimi",
        "output_unit": product.output_unit,
        "owner": cast.productivity_lead.pk,
    }
    response = client.post(f"/en/tuottavuus/tuotteet/{product.pk}/muokkaa/", form)
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="productivity.product_update")
    assert entry.details["fields"] == ["is_published", "name"]


def test_an_area_lead_cannot_choose_another_area_or_keep_an_organisation_wide_centre(
    client, cast, other_area, products
):
    client.force_login(cast.productivity_lead)
    response = client.post(
        "/en/tuottavuus/ryhmat/uusi/", {"service_area": other_area.pk, "name": "X"}
    )
    assert response.status_code == 400
    assert not ProductGroup.objects.filter(name="X").exists()
    response = client.post(
        "/en/tuottavuus/kustannuspaikat/uusi/",
        {"code": "Y9", "name": "Hallinto", "driver": Driver.HOURS},
    )
    assert response.status_code == 400  # the area is required of them
    shared = CostCentre.objects.get(code="Y1")
    assert client.get(f"/tuottavuus/kustannuspaikat/{shared.pk}/").status_code == 403


def test_a_cost_centre_form_refuses_a_taken_code_and_a_direct_centre_without_product(
    client, cast, products
):
    client.force_login(cast.productivity_lead)
    response = client.post(
        "/en/tuottavuus/kustannuspaikat/uusi/",
        {"code": "KA", "name": "Kopio", "driver": Driver.DIRECT},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Another cost centre has this code." in page
    assert "A direct cost centre belongs to a product." in page


def test_square_metres_of_a_support_centre_replace_the_earlier_ones(
    client, cast, area, products
):
    centre = CostCentre.objects.create(
        organisation=area.organisation,
        service_area=area,
        code="T1",
        name="Tilat",
        driver=Driver.AREA,
    )
    client.force_login(cast.manager)
    url = f"/en/tuottavuus/kustannuspaikat/{centre.pk}/osuudet/"
    a, b = products["A"].pk, products["B"].pk
    client.post(url, {f"p{a}": "120,5", f"p{b}": "30"})
    client.post(url, {f"p{a}": "100", f"p{b}": ""})
    assert dict(DriverShare.objects.values_list("product", "value")) == {a: 100}
    response = client.post(url, {f"p{a}": "-1"})
    assert response.status_code == 400


def test_a_lead_prepares_a_survey_and_its_statements_freeze_at_the_first_answer(
    client, cast, org, area
):
    client.force_login(cast.productivity_lead)
    today = timezone.localdate()
    form = {
        "title": "Pulssi 1/2027",
        "opens_on": today.isoformat(),
        "closes_on": (today + timedelta(days=14)).isoformat(),
        "statements-TOTAL_FORMS": "3",
        "statements-INITIAL_FORMS": "0",
        "statements-0-text": "Työni on merkityksellistä.",
        "statements-0-text_en": "My work is meaningful.",
        "statements-1-text": "",
        "statements-2-text": "Saan tukea esihenkilöltä.",
    }
    response = client.post("/en/tuottavuus/kyselyt/uusi/", form)
    assert response.status_code == 302
    survey = Survey.objects.get(title="Pulssi 1/2027")
    assert [s.text_en for s in survey.statements.all()] == [
        "My work is meaningful.",
        "",
    ]
    unit = Unit.objects.create(organisation=org, service_area=area, name="Kirjasto")
    actions.survey_answer(
        survey=survey,
        person=cast.employee,
        unit=unit,
        values={s.pk: 4 for s in survey.statements.all()},
        recommendation=None,
    )
    with pytest.raises(actions.SurveyAnswerError, match="cannot change"):
        actions.survey_update(
            survey=survey,
            by=cast.productivity_lead,
            title="X",
            opens_on=today,
            closes_on=today,
            statements=[("Uusi", "", "")],
        )
    edit = client.get(f"/en/tuottavuus/kyselyt/{survey.pk}/muokkaa/").content.decode()
    assert "can no longer change" in edit


def test_a_survey_without_statements_or_closing_before_it_opens_is_refused(
    client, cast
):
    client.force_login(cast.productivity_lead)
    today = timezone.localdate()
    response = client.post(
        "/en/tuottavuus/kyselyt/uusi/",
        {
            "title": "Tyhjä",
            "opens_on": today.isoformat(),
            "closes_on": (today - timedelta(days=1)).isoformat(),
            "statements-TOTAL_FORMS": "1",
            "statements-INITIAL_FORMS": "0",
            "statements-0-text": "",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "The survey closes after it opens." in page
    assert "Write at least one statement." in page
