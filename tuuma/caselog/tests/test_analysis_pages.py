"""What the analysis pages show: map, filters, deadlines, comparison, exports."""

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tuuma.caselog import actions
from tuuma.caselog.models import DeadlineRule, Figure
from tuuma.caselog.tests.conftest import stored_upload
from tuuma.programme import actions as programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst(client, cast):
    client.force_login(cast.caselog_analyst)
    return client


def test_the_process_map_is_an_accessible_svg_with_a_table_and_htmx_partial(
    analyst, wabo_log
):
    url = f"/tapahtumalokit/{wabo_log.pk}/prosessikartta/"
    page = analyst.get(url).content.decode()
    assert '<svg class="process-map"' in page and 'role="img"' in page
    assert '<title id="map-title">' in page and 'marker-end="url(#arrow)"' in page
    assert '<select name="detail"' in page and 'hx-get=""' in page
    assert "style=" not in page.split("<main", 1)[1]  # the CSP forbids inline styles
    fragment = analyst.get(url, {"detail": 1}, HTTP_HX_REQUEST="true")
    text = fragment.content.decode()
    assert "<html" not in text and 'id="map-area"' in text
    full = analyst.get(url, {"detail": 7}).content.decode()
    assert full.count('class="edge"') > text.count('class="edge"')


def test_the_map_downloads_as_svg(analyst, wabo_log):
    response = analyst.get(
        f"/tapahtumalokit/{wabo_log.pk}/prosessikartta.svg", {"measure": "wait"}
    )
    assert response["Content-Type"].startswith("image/svg+xml")
    assert response.content.startswith(b"<?xml")


def test_the_map_downloads_as_pdf(analyst, wabo_log, client, cast):
    url = f"/tapahtumalokit/{wabo_log.pk}/prosessikartta.pdf"
    response = analyst.get(url, {"measure": "wait", "detail": 2})
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    client.force_login(cast.employee)
    assert client.get(url).status_code == 403


def test_the_map_downloads_as_png(analyst, wabo_log, client, cast):
    url = f"/tapahtumalokit/{wabo_log.pk}/prosessikartta.png"
    response = analyst.get(url, {"measure": "frequency"})
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    client.force_login(cast.employee)
    assert client.get(url).status_code == 403


def test_a_filter_in_the_url_applies_to_the_overview(analyst, wabo_log):
    url = f"/tapahtumalokit/{wabo_log.pk}/"
    whole = analyst.get(url).context["head"]["cases"]
    part = analyst.get(url, {"start": "2011-01-01", "mode": "started"})
    assert 0 < part.context["head"]["cases"] < whole
    assert "start=2011-01-01" in part.content.decode()  # links keep the filter


def test_a_statutory_template_makes_a_deadline_rule_with_compliance_and_late_cases(
    analyst, wabo_log
):
    url = f"/tapahtumalokit/{wabo_log.pk}/maaraajat/"
    form = analyst.get(url, {"template": "information-request"}).context["form"]
    assert form.initial["days"] == 14
    names = wabo_log.current_version.summary
    assert names  # the log is there
    response = analyst.post(
        url,
        {
            "name": form.initial["name"],
            "kind": "activity",
            "from_activity": "Confirmation of receipt",
            "to_activity": "T02 Check confirmation of receipt",
            "days": "14",
        },
    )
    rule = DeadlineRule.objects.get()
    assert response["Location"] == rule.get_absolute_url()
    page = analyst.get(rule.get_absolute_url())
    result = page.context["result"]
    assert result["applicable"] > 0 and result["met"] + result["late"] > 0
    assert page.context["monthly"] and page.context["chart"]


def test_an_activity_rule_needs_its_activities(analyst, wabo_log):
    response = analyst.post(
        f"/tapahtumalokit/{wabo_log.pk}/maaraajat/",
        {"name": "x", "kind": "activity"},
    )
    assert response.status_code == 422
    assert not DeadlineRule.objects.exists()


def test_before_and_after_is_explained_in_plain_words(analyst, wabo_log):
    page = analyst.get(
        f"/en/tapahtumalokit/{wabo_log.pk}/vertailu/", {"split": "2011-03-01"}
    )
    text = page.context["text"]
    assert 'class="marker"' in page.context["trend"]  # the change on the trend
    assert "median throughput time" in text
    assert re.search(r"Mann–Whitney U, p [=<] 0\.\d\d\d", text)


def test_required_attributes_list_the_cases_missing_them(analyst, wabo_log):
    url = f"/tapahtumalokit/{wabo_log.pk}/laatu/"
    attribute = wabo_log.current_version.event_attributes[0]
    analyst.post(url, {"attributes": [attribute]})
    wabo_log.refresh_from_db()
    assert wabo_log.required_attributes == [attribute]
    assert attribute in analyst.get(url).context["result"]["required"]


def test_the_figures_export_as_csv_and_xlsx(analyst, wabo_log):
    csv = analyst.get(f"/tapahtumalokit/{wabo_log.pk}/luvut.csv").content.decode()
    assert "1434" in csv
    xlsx = analyst.get(f"/tapahtumalokit/{wabo_log.pk}/luvut.xlsx").content
    book = load_workbook(io.BytesIO(xlsx))
    assert len(book.sheetnames) == 5


def test_a_log_indicator_is_recorded_and_recomputed_for_a_new_version(
    analyst, org, area, cast, wabo_log, wabo_path, run_jobs
):
    focus = programme.focus_area_create(organisation=org, name="Uudistuva kunta")
    goal = programme.goal_create(focus_area=focus, title="Prosessit")
    measure = programme.measure_create(
        organisation=org,
        by=cast.productivity_lead,
        goal=goal,
        title="Kuittaus nopeammaksi",
        description="",
        measure_class="development_project",
        service_area=area,
        owner=cast.process_owner,
        start_date=date(2011, 1, 1),
        due_date=date(2011, 12, 31),
    )
    indicator = programme.indicator_create(
        measure=measure,
        name="Kuittauksen läpimenoaika",
        unit="pv",
        direction="decrease",
        baseline_value=Decimal(20),
        baseline_date=date(2011, 1, 1),
        target_value=Decimal(5),
        target_date=date(2011, 12, 31),
    )
    url = f"/tapahtumalokit/{wabo_log.pk}/mittarit/?variant=0"
    refused = analyst.post(url, {"indicator": indicator.pk, "figure": Figure.CASES})
    assert refused.status_code == 422  # the analyst may not change the measure
    analyst.force_login(cast.productivity_lead)
    response = analyst.post(url, {"indicator": indicator.pk, "figure": Figure.CASES})
    assert response.status_code == 302
    value = indicator.values.get()
    assert value.date == wabo_log.current_version.last_event_at.date()
    assert value.recorded_by is None and "Kuitti" in value.source_note
    assert 0 < value.value < 1434  # the cases of variant 0 only

    value.delete()
    actions.caselog_upload(
        organisation=org,
        by=cast.caselog_analyst,
        upload=stored_upload(org, wabo_path),
        caselog=wabo_log,
    )
    run_jobs()
    wabo_log.refresh_from_db()
    assert wabo_log.current_version.number == 2
    assert "2" in indicator.values.get().source_note


def test_bottlenecks_are_drawn_as_bars_beside_the_tables(analyst, wabo_log):
    page = analyst.get(f"/tapahtumalokit/{wabo_log.pk}/pullonkaulat/")
    svg = str(page.context["waits"])
    assert svg.count("<rect") == len(
        page.context["result"]["activities_by_median_wait"]
    )
    assert page.context["rework"]  # WABO repeats some activities


def test_the_bottleneck_page_ranks_only_transitions_with_enough_cases(
    analyst, wabo_log
):
    url = f"/tapahtumalokit/{wabo_log.pk}/pullonkaulat/"
    response = analyst.get(url)
    result = response.context["result"]
    assert result["min_cases"] == 30
    assert all(e["cases"] >= 30 for e in result["edges_by_median_wait"])
    assert 'name="min_cases"' in response.content.decode()
    loose = analyst.get(url, {"min_cases": 1}).context["result"]
    assert loose["edges_below_minimum"] == 0
    bad = analyst.get(url, {"min_cases": "x"})
    assert bad.status_code == 200 and bad.context["result"]["min_cases"] == 30
