"""The dashboard, the risk view, the definitions, the public page and the API:
who may read them, and that they show one value per metric and filter."""

import re

import pytest

from tuuma.lib.metrics import Filters, measure

pytestmark = pytest.mark.django_db


def test_the_dashboard_and_the_api_give_the_same_value(client, dataset, org, area):
    expected = measure(
        "ideas.answered_within_target", org, Filters(service_area=area.pk)
    )
    client.force_login(dataset_manager := org.memberships.get(role="manager").user)
    page = client.get(f"/en/tilannekuva/?service_area={area.pk}").content.decode()
    assert expected.text == "50%" and expected.text in page
    api = client.get(
        f"/api/v1/metrics/ideas.answered_within_target/values?service_area={area.pk}"
    ).json()
    assert (api["value"], api["n"], api["suppressed"]) == (50.0, 2, False)
    assert dataset_manager.is_authenticated


def test_leads_read_the_dashboard_and_the_risks_others_do_not(client, org, cast, area):
    for person in (cast.manager, cast.productivity_lead):
        client.force_login(person)
        assert client.get("/tilannekuva/").status_code == 200
        assert client.get("/tilannekuva/riskit/").status_code == 200
    for person in (cast.employee, cast.resident):
        client.force_login(person)
        assert client.get("/tilannekuva/").status_code == 403
    client.logout()
    assert client.get("/tilannekuva/").status_code == 302
    assert client.get("/tilannekuva/tulokset/").status_code == 200
    assert client.get("/tilannekuva/mittarit/").status_code == 200


def test_bad_filters_get_a_translated_error_not_a_500(
    client, org, cast, area, other_org
):
    client.force_login(cast.manager)
    page = client.get("/en/tilannekuva/?start=2026-05-01&end=2026-01-01")
    assert page.status_code == 200
    assert "The end of the period is before its start." in page.content.decode()
    assert client.get("/tilannekuva/?service_area=999999").status_code == 200
    refused = client.get("/api/v1/metrics/programme.measures_open/values?unit=1")
    assert refused.status_code == 400


def test_the_api_hides_staff_metrics_from_residents_and_suppresses_small_cells(
    client, dataset, org, area, cast
):
    public_ids = {m["id"] for m in client.get("/api/v1/metrics").json()}
    assert "ideas.received" in public_ids and "staff.proposed_share" not in public_ids
    assert client.get("/api/v1/metrics/staff.proposed_share/values").status_code == 401
    assert client.get("/api/v1/metrics/no.such/values").status_code == 404
    client.force_login(cast.manager)
    small = client.get(
        f"/api/v1/metrics/staff.proposed_share/values?service_area={area.pk}"
    ).json()
    assert (small["value"], small["n"], small["suppressed"]) == (None, None, True)
    client.force_login(cast.resident)
    assert client.get("/api/v1/metrics/staff.proposed_share/values").status_code == 403


def test_the_public_page_shows_results_in_three_languages(client, dataset, org, cast):
    from tuuma.programme import actions

    m1 = dataset["measures"][0]
    actions.measure_set_published(measure=m1, published=True, by=cast.manager)
    m1.result_achieved = "Käsittelyaika lyheni."
    m1.save(update_fields=["result_achieved"])
    for prefix, heading in (
        ("", "Mitä olemme saaneet aikaan yhdessä"),
        ("/sv", "Vad vi har åstadkommit tillsammans"),
        ("/en", "What we have achieved together"),
    ):
        page = client.get(f"{prefix}/tilannekuva/tulokset/").content.decode()
        assert heading in page and "Käsittelyaika lyheni." in page


def _productivity_section(page: str) -> str:
    return page.split('id="section-productivity"')[1].split("</section>")[0]


def test_the_productivity_section_shows_the_figures_their_definitions_and_units(
    client, org, area, cast, productivity
):
    client.force_login(cast.manager)
    section = _productivity_section(client.get("/en/tilannekuva/").content.decode())
    unit_cost = measure("productivity.unit_cost", org)
    assert unit_cost.text == "8.00 €" and unit_cost.text in section
    assert "divided by their volume of outputs in the year" in section
    row = re.search(rf"<a[^>]*>{area.localized_name}</a></th>(.*?)</tr>", section)
    assert "8.00 €" in row.group(1) and "80%" in row.group(1)
    drilled = _productivity_section(
        client.get(f"/en/tilannekuva/?service_area={area.pk}").content.decode()
    )
    cells = dict(re.findall(r'<th scope="row">(\w+)</th>(.*?)</tr>', drilled))
    assert "fewer than 5" in cells["Nuoriso"] and "75" in cells["Kirjasto"]
    small = client.get(
        "/api/v1/metrics/productivity.working_life_index/values"
        f"?unit={productivity['Nuoriso'].pk}"
    ).json()
    assert (small["value"], small["n"], small["suppressed"]) == (None, None, True)
