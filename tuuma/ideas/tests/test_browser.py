"""Real Chromium: a resident submits, a moderator publishes, a manager answers,
the author gets the e-mail and reads the answer; axe-core on every page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from conftest import PASSWORD, axe_violations
from tuuma.ideas.models import Idea, IdeaSettings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, user) -> None:
    page.goto("/tili/kirjaudu/")
    page.fill("#id_email", user.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    expect(page.get_by_text("Tervetuloa")).to_be_visible()


def _log_out(page) -> None:
    page.get_by_role("button", name="Kirjaudu ulos").click()


def _accessible(page) -> None:
    assert axe_violations(page) == []
    assert page.csp_errors == []


def test_idea_goes_from_resident_to_published_answer(
    page, org, area, cast, settings, run_jobs
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    IdeaSettings.objects.create(organisation=org, pre_moderation=True)

    _log_in(page, cast.resident)
    page.goto("/ideat/")
    _accessible(page)
    page.get_by_role("link", name="Lähetä idea").click()
    page.get_by_label("Otsikko").fill("Penkkejä Rantapuiston reitille")
    page.get_by_label("Kuvaus").fill("Reitillä ei ole yhtään penkkiä.")
    page.locator("#id_service_area").select_option(str(area.pk))
    _accessible(page)
    page.locator("main form button[name=submit]").click()
    expect(page.get_by_text("julkaistaan moderoinnin jälkeen")).to_be_visible()
    idea = Idea.objects.get()
    _log_out(page)

    _log_in(page, cast.moderator)
    page.goto("/ideat/hallinta/moderointi/")
    _accessible(page)
    page.get_by_role("button", name=re.compile("Julkaise Penkkejä")).click()
    expect(page.get_by_text("Idea on julkaistu.")).to_be_visible()
    _log_out(page)

    _log_in(page, cast.manager)
    page.goto(f"/ideat/{idea.pk}/kasittely/")
    _accessible(page)
    page.get_by_label("Ratkaisu").select_option("accepted")
    page.get_by_label("Virallinen vastaus").fill("Penkit asennetaan keväällä.")
    page.get_by_role("button", name="Tallenna vastaus").click()
    expect(page.get_by_text("Vastaus on tallennettu.")).to_be_visible()
    page.get_by_role("button", name="Julkaise vastaus").click()
    expect(page.get_by_role("heading", name="Virallinen vastaus")).to_be_visible()
    _log_out(page)

    mail.outbox.clear()
    run_jobs()
    to_author = {m.subject: m for m in mail.outbox if m.to == [cast.resident.email]}
    assert set(to_author) == {
        "Penkkejä Rantapuiston reitille: Julkaistu",
        "Penkkejä Rantapuiston reitille: Vastattu",
    }
    answer = to_author["Penkkejä Rantapuiston reitille: Vastattu"]
    assert "Penkit asennetaan keväällä." in answer.body
    assert f"/ideat/{idea.pk}/" in answer.body

    _log_in(page, cast.resident)
    page.goto(f"/ideat/{idea.pk}/")
    expect(page.get_by_text("Penkit asennetaan keväällä.")).to_be_visible()
    expect(page.get_by_text("Hyväksytty").first).to_be_visible()
    _accessible(page)


def test_idea_pages_with_comments_and_staff_tools_are_accessible(page, org, cast):
    from tuuma.ideas import actions
    from tuuma.ideas.tests.factories import answered_idea, make_idea

    idea = answered_idea(org, cast.resident, cast.manager, title="Katuvalot kuntoon")
    comment = actions.comment_create(idea=idea, author=cast.employee, body="Hyvä!")
    actions.comment_create(
        idea=idea, author=cast.resident, body="Kiitos", parent=comment
    )
    actions.report_create(
        idea=idea, comment=comment, reporter=cast.resident, reason="?"
    )
    waiting = make_idea(org, cast.resident, title="Vastaus odottaa julkaisua")
    actions.idea_answer(idea=waiting, by=cast.manager, outcome="accepted", text="Ok")
    for path in (f"/ideat/{idea.pk}/", f"/en/ideat/{idea.pk}/", "/ideat/tilastot/"):
        page.goto(path)
        _accessible(page)
    _log_in(page, cast.administrator)
    for path in (
        f"/ideat/{idea.pk}/",
        "/ideat/hallinta/kasittely/",
        "/ideat/hallinta/moderointi/",
        "/ideat/hallinta/vastaukset/",
        "/ideat/hallinta/myohassa/",
        "/ideat/hallinta/asetukset/",
        "/ideat/omat/",
        "/sv/ideat/",
    ):
        page.goto(path)
        _accessible(page)
    page.goto("/ideat/uusi/")
    page.locator("main form button[name=submit]").click()
    expect(page.get_by_text("Tämä kenttä vaaditaan.").first).to_be_visible()
    _accessible(page)
    page.goto("/ideat/")
    filters = page.locator("form.filters")
    filters.get_by_label("Hae", exact=True).fill("katuvalot")
    filters.get_by_role("button", name="Hae", exact=True).click()
    expect(page.get_by_role("link", name="Katuvalot kuntoon")).to_be_visible()
