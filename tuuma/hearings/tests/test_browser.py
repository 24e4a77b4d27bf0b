"""Real Chromium: a visitor comments on the open hearing with and without htmx;
the hearing, report and matter pages have no axe violations and fit a phone."""

import pytest
from django.urls import reverse

from conftest import PASSWORD, axe_violations
from tuuma.hearings import actions
from tuuma.hearings.models import Comment
from tuuma.hearings.tests.conftest import make_hearing

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_accessible(page) -> None:
    assert axe_violations(page) == []
    assert page.csp_errors == []


def fits_a_phone(page) -> bool:
    page.set_viewport_size({"width": 390, "height": 844})
    return page.evaluate("document.documentElement.scrollWidth") <= 390


def log_in(page, user) -> None:
    page.goto("/en/tili/kirjaudu/")
    page.fill("#id_email", user.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/")


def test_a_visitor_comments_and_supports_on_an_anonymous_hearing(page, org, cast):
    hearing = make_hearing(org, cast.productivity_lead, identity="anonymous")
    actions.hearing_publish(hearing=hearing, by=cast.productivity_lead)
    section = hearing.sections.get()
    actions.comment_create(hearing=hearing, user=cast.employee, body="Hyvä alku")
    page.goto(hearing.get_absolute_url())
    block = page.locator(f"#section-{section.pk}")
    block.get_by_label("Your comment").fill("<b>Lähikirjasto</b> on tärkeä")
    block.get_by_label("Name or nickname").fill("Kyläläinen")
    block.get_by_role("button", name="Publish the comment").click()
    page.locator(".hr-comment", has_text="Lähikirjasto").wait_for()
    assert page.locator(".hr-comment b").count() == 0  # text, not markup
    page.locator("#whole").get_by_role("button", name="Support").click()
    page.locator("#whole").get_by_role("button", name="Supported").wait_for()
    assert Comment.objects.count() == 2
    assert_accessible(page)
    assert fits_a_phone(page)


def test_the_report_and_matter_pages_are_accessible_on_a_phone(page, org, cast):
    from datetime import date

    lead = cast.productivity_lead
    hearing = make_hearing(org, lead)
    actions.hearing_publish(hearing=hearing, by=lead)
    section = hearing.sections.get()
    actions.comment_create(
        hearing=hearing, user=cast.resident, body="Tärkeä asia", section=section
    )
    actions.hearing_close(hearing=hearing, by=lead)
    theme = actions.theme_create(hearing=hearing, section=section, title="Lähipalvelut")
    actions.comment_assign(comment=hearing.comments.get(), theme=theme)
    actions.theme_respond(theme=theme, response="partly", reason="Osin.")
    actions.report_publish(hearing=hearing, by=lead)
    matter = actions.matter_create(
        organisation=org,
        by=lead,
        title="Kirjastoverkko",
        description="Kuvaus",
        started_on=date(2026, 1, 1),
    )
    actions.matter_publish(matter=matter, by=lead)
    actions.matter_link_hearing(matter=matter, hearing=hearing)
    for url in (
        reverse("hearings:report", args=[hearing.pk]),
        matter.get_absolute_url(),
        reverse("hearings:list"),
    ):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(url)
        assert_accessible(page)
        assert fits_a_phone(page), url
    log_in(page, lead)
    page.goto(reverse("hearings:workspace", args=[hearing.pk]))
    assert_accessible(page)
    assert fits_a_phone(page)


def test_a_document_link_and_a_visitors_edit_link_are_accessible(page, org, cast):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tuuma.ideas.forms import CheckedUpload

    lead = cast.productivity_lead
    hearing = make_hearing(org, lead, identity="anonymous")
    section = hearing.sections.get()
    pdf = SimpleUploadedFile("luonnos.pdf", b"%PDF-1.7\n%%EOF\n")
    actions.attachment_add(
        section=section,
        by=lead,
        document=CheckedUpload(pdf, "application/pdf", "luonnos.pdf"),
        title="Koko luonnos",
    )
    actions.hearing_publish(hearing=hearing, by=lead)
    page.goto(hearing.get_absolute_url())
    block = page.locator(f"#section-{section.pk}")
    assert "(PDF, " in block.locator(".hr-attachments").inner_text()
    block.get_by_label("Your comment").fill("Aukioloajat")
    block.get_by_role("button", name="Publish the comment").click()
    block = page.locator(f"#section-{section.pk}")
    block.get_by_role("link", name="Edit or withdraw").click()
    page.wait_for_url("**/muokkaa/**")
    assert_accessible(page)
    page.locator("textarea[name=body]").fill("Pidemmät aukioloajat")
    page.get_by_role("button", name="Save").click()
    page.locator(".hr-comment", has_text="Pidemmät aukioloajat").wait_for()
    assert_accessible(page)
    log_in(page, lead)
    page.goto(reverse("hearings:attachments", args=[section.pk]))
    assert_accessible(page)
    assert fits_a_phone(page)
