"""Real Chromium: a resident answers a Kano survey on a phone-sized screen, and
a process owner reads the A3 sheet; axe-core finds nothing on either page."""

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, axe_violations
from tuuma.improvement import a3_actions
from tuuma.improvement.models import KanoResponse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _accessible(page) -> None:
    assert [v["id"] for v in axe_violations(page)] == []
    assert page.csp_errors == []


def test_a_resident_answers_the_survey_on_a_phone(page, survey):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/kehittaminen/kysely/{survey.pk}/")
    _accessible(page)
    for group in page.locator("fieldset").all():
        if "tärkeä" in group.inner_text():
            continue
        group.locator("input[type=radio]").first.check()
    page.get_by_role("button", name="Lähetä vastaukset").click()
    expect(page.get_by_text("Kiitos! Vastauksesi tallennettiin.")).to_be_visible()
    _accessible(page)
    assert KanoResponse.objects.count() == 1


def test_the_a3_sheet_is_accessible(page, a3, cast):
    by = cast.process_owner
    first = a3_actions.cause_add(
        a3=a3, by=by, text="Asiat odottavat", category="process"
    )
    a3_actions.cause_add(
        a3=a3,
        by=by,
        text="Ei sijaisuuksia",
        parent=first,
        category="people",
        verified=True,
        is_root=True,
    )
    page.goto("/tili/kirjaudu/")
    page.fill("#id_email", by.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.goto(a3.get_absolute_url())
    expect(
        page.get_by_role("heading", name="Juurisyyanalyysi", exact=False)
    ).to_be_visible()
    _accessible(page)


def test_an_a3_on_a_process_step_embeds_its_map_on_a_phone(page, org, area, cast):
    from tuuma.processes.tests.conftest import add_worked_example, make_process

    version = add_worked_example(make_process(org, area, owner=cast.process_owner))
    a3 = a3_actions.a3_create(
        organisation=org,
        owner=cast.process_owner,
        title="Lausunnot viipyvät",
        process_step=version.steps.get(name="Lausuntokierros"),
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/tili/kirjaudu/")
    page.fill("#id_email", cast.process_owner.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.goto(a3.get_absolute_url())
    expect(page.locator("svg.vsm-timeline")).to_have_count(1)
    expect(
        page.get_by_role("link", name="Lausuntokierros", exact=False)
    ).to_be_visible()
    _accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.goto(version.get_absolute_url())
    expect(page.get_by_role("link", name="Lausunnot viipyvät")).to_be_visible()
    _accessible(page)
