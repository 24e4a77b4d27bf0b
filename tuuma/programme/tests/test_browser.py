"""Real Chromium: from an accepted idea to a measured result seen by residents."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from conftest import PASSWORD, axe_violations
from tuuma.ideas.models import IdeaStatus

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


def test_accepted_idea_becomes_a_measure_with_a_result_residents_can_follow(
    page, settings, cast, goal, area, published_idea, run_jobs
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    accepted_idea = published_idea
    log_in(page, cast.productivity_lead)

    page.goto(f"/en/ideat/{accepted_idea.pk}/kasittely/")
    page.get_by_label("Outcome").select_option("accepted")
    page.get_by_label("Official answer").fill("Hyvä idea: toteutamme sen.")
    page.get_by_role("button", name="Save the answer").click()
    page.get_by_role("button", name="Publish the answer").click()
    run_jobs()
    mail.outbox.clear()

    page.goto(f"/en/ideat/{accepted_idea.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Create a measure from this idea or link one").click()

    expect(page.get_by_role("heading", name="New measure")).to_be_visible()
    assert page.input_value("#id_title") == "Rakennuslupa verkossa"
    page.select_option("#id_goal", str(goal.pk))
    page.select_option("#id_measure_class", "development_project")
    page.select_option("#id_service_area", str(area.pk))
    page.fill("#id_public_summary", "Rakennuslupaa voi nyt hakea verkossa.")
    page.fill("#id_start_date", "2026-01-01")
    page.fill("#id_due_date", "2026-06-30")
    page.check("#id_management_participates")
    page.check("#id_staff_participate")
    assert_accessible(page)
    page.get_by_role("button", name="Create the measure").click()

    expect(page.get_by_role("heading", name="Rakennuslupa verkossa")).to_be_visible()
    page.select_option("#status-status", "in_progress")
    page.get_by_role("button", name="Change status").click()
    expect(page.get_by_text("Status is now: In progress.")).to_be_visible()

    page.fill("#progress-date", "2026-03-01")
    page.fill("#progress-percent", "60")
    page.fill("#progress-text", "Sähköinen lomake pilotissa.")
    page.get_by_role("button", name="Post the update").click()
    expect(page.get_by_text("Sähköinen lomake pilotissa.")).to_be_visible()

    page.select_option("#status-status", "done")
    page.get_by_role("button", name="Change status").click()
    page.fill("#result-aim", "Lupahakemus kokonaan verkossa.")
    page.fill("#result-achieved", "80 % hakemuksista tulee verkossa.")
    page.get_by_role("button", name="Save the result").click()
    page.get_by_role("button", name="Publish to residents").click()
    expect(page.get_by_text("The measure is now public.")).to_be_visible()
    assert_accessible(page)
    measure_url = page.url

    page.context.clear_cookies()
    page.goto(measure_url)
    ideas = page.get_by_role("region", name="Ideas behind this measure")
    expect(ideas).to_contain_text("Rakennuslupa verkossa – Implemented")
    expect(page.get_by_role("region", name="Result")).to_contain_text(
        "80 % hakemuksista tulee verkossa."
    )
    assert_accessible(page)

    page.goto(f"/en/ideat/{accepted_idea.pk}/")
    block = page.get_by_role("region", name="In the development programme")
    expect(block).to_contain_text("Done")
    assert_accessible(page)
    page.goto("/en/ohjelma/")
    assert_accessible(page)

    accepted_idea.refresh_from_db()
    assert accepted_idea.status == IdeaStatus.IMPLEMENTED
    run_jobs()
    to_author = [m for m in mail.outbox if m.to == [cast.resident.email]]
    assert to_author, "the author is told"
    assert "Rakennuslupaa voi nyt hakea verkossa." in to_author[-1].body


@pytest.mark.parametrize(
    "path",
    [
        "/ohjelma/",
        "/en/ohjelma/aikajana/",
        "/sv/ohjelma/strategia/",
        "/ohjelma/raportti/",
    ],
)
def test_programme_pages_have_no_accessibility_violations(page, cast, measure, path):
    from datetime import date

    from tuuma.programme import actions

    actions.indicator_create(
        measure=measure,
        name="Käsittelyaika",
        unit="pv",
        direction="decrease",
        baseline_value=30,
        baseline_date=date(2026, 1, 1),
        target_value=10,
        target_date=date(2026, 12, 1),
    )
    actions.milestone_add(measure=measure, title="Pilotti", due_date=date(2026, 4, 1))
    log_in(page, cast.manager)
    page.goto(path)
    assert_accessible(page)
    page.goto(f"/ohjelma/toimenpiteet/{measure.pk}/")
    assert_accessible(page)
