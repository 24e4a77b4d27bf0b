"""Real Chromium: the process page, its VSM and the version page are accessible
at desktop and phone width (axe-core, no CSP errors)."""

from datetime import date

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, axe_violations
from tuuma.processes import actions, review_actions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, user) -> None:
    page.goto("/en/tili/kirjaudu/")
    page.fill("#id_email", user.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/")


def assert_accessible(page) -> None:
    assert axe_violations(page) == []
    assert page.csp_errors == []


@pytest.mark.parametrize("width", [1280, 390])
def test_the_process_page_and_its_vsm_are_accessible(
    page, cast, process, version, width
):
    steps = {s.name: s for s in version.steps.all()}
    for name in ("Lausuntokierros", "Päätös"):
        actions.step_save(version=version, step=steps[name], parallel_group="A")
    actions.version_create(
        process=process, by=None, name="Tavoitetila", state="to_be", copy_from=version
    )
    review = review_actions.review_create(
        process=process, year=2026, due_date=date(2026, 11, 30)
    )
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, cast.process_owner)
    page.goto(f"/en{process.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(process.name)
    expect(page.locator("svg.vsm-timeline")).to_be_visible()
    expect(
        page.get_by_role("img", name="Value stream timeline of Nykytila")
    ).to_have_count(1)
    assert_accessible(page)
    page.goto(f"/en{version.get_absolute_url()}")
    expect(page.get_by_role("link", name="Add a step")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/en/prosessit/{process.pk}/vertailu/")
    expect(page.get_by_role("table", name="Figures side by side")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/en{review.get_absolute_url()}")
    expect(page.get_by_role("heading", name="Record the review")).to_be_visible()
    assert_accessible(page)
    page.goto("/en/prosessit/")
    assert_accessible(page)


@pytest.mark.parametrize("width", [1280, 390])
def test_an_owner_links_and_unlinks_a_process_on_the_idea_page(
    page, org, cast, process, width
):
    from tuuma.ideas.tests.factories import make_idea

    idea = make_idea(org, cast.process_owner, kind="problem", title="Jonot kasvavat")
    page.set_viewport_size({"width": width, "height": 844})
    log_in(page, cast.process_owner)
    page.goto(f"/en{idea.get_absolute_url()}")
    panel = page.get_by_role("region", name="Processes")
    panel.get_by_label("Link a process").select_option(str(process.pk))
    panel.get_by_label("Note").fill("Valmistelu")
    panel.get_by_role("button", name="Link the process").click()
    expect(page.get_by_text("The process was linked.")).to_be_visible()
    expect(panel.get_by_role("link", name=str(process))).to_be_visible()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    panel.get_by_role("button", name=f"Remove the link to {process.name}").click()
    expect(page.get_by_text("The link was removed.")).to_be_visible()
    expect(panel.get_by_text("No process is linked yet.")).to_be_visible()
    assert_accessible(page)
