"""Real Chromium: a facilitator runs three steps while two phones take part."""

import time

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, axe_violations
from tuuma.ideas.models import Idea
from tuuma.workshops.models import Session, Vote

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_accessible(page) -> None:
    assert axe_violations(page) == []
    assert page.csp_errors == []


def eventually(check, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "not reached in time"
        time.sleep(0.1)


def phone(chromium, live_server, code: str, nickname: str):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}
    )
    phone = context.new_page()
    phone.set_default_timeout(15_000)
    phone.csp_errors = []
    phone.on(
        "console",
        lambda m: (
            phone.csp_errors.append(m.text)
            if "Content Security Policy" in m.text
            else None
        ),
    )
    phone.goto("/en/tyopajat/liity/")
    phone.get_by_label("Workshop code").fill(code.lower())
    phone.get_by_role("button", name="Join").click()
    phone.get_by_label("Nickname (optional)").fill(nickname)
    phone.get_by_role("button", name="Take part").click()
    return phone


def test_a_facilitator_runs_a_session_while_two_phones_join_and_vote(
    page, chromium, live_server, cast
):
    page.goto("/en/tili/kirjaudu/")
    page.fill("#id_email", cast.productivity_lead.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/")
    page.goto("/en/tyopajat/uusi/")
    page.get_by_label("Title").fill("Asiakaspalvelun pullonkaulat")
    page.get_by_role("button", name="Save").click()
    for kind, prompt in [
        ("ideate", "Mikä hidastaa?"),
        ("dots", "Mitkä ensin?"),
        ("poll", "Jatketaanko?"),
    ]:
        page.select_option("#id_kind", kind)
        page.fill("#id_prompt", prompt)
        if kind == "poll":
            page.fill("#id_options", "Kyllä\nEi")
        page.get_by_role("button", name="Add the step").click()
    assert_accessible(page)
    session = Session.objects.get()
    page.get_by_role("button", name="Start 1. Ideate").click()

    phones = [phone(chromium, live_server, session.code, n) for n in ("Anna", "Bert")]
    for index, each in enumerate(phones):
        each.get_by_label("Your note").fill(f"Jonot <b>{index}</b>")
        each.get_by_role("button", name="Add").click()
        expect(each.get_by_text(f"Jonot <b>{index}</b>")).to_be_visible()
    assert_accessible(phones[0])

    page.goto(f"/en/tyopajat/{session.pk}/esitys/")
    page.get_by_role("button", name="2. Dot voting").click()
    assert_accessible(page)
    for each in phones:  # the phone notices the new step by itself (polling)
        expect(
            each.get_by_role("heading", name="Dot voting: Mitkä ensin?")
        ).to_be_visible()
        each.get_by_role("button", name="Add a dot").first.click()
        expect(each.get_by_text("You have 4 dots left.")).to_be_visible()
    assert_accessible(phones[1])
    expect(page.locator("#vote-count")).to_have_text("2")
    page.get_by_role("button", name="Reveal results").click()
    expect(page.get_by_role("table")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="3. Poll").click()
    for each in phones:
        expect(each.get_by_role("heading", name="Poll: Jatketaanko?")).to_be_visible()
        each.get_by_label("Kyllä").check()
        each.get_by_role("button", name="Answer").click()
    eventually(lambda: Vote.objects.filter(step__kind="poll").count() == 2)

    for name in ("ryhmittely", "moderointi", "paperi"):
        page.goto(f"/en/tyopajat/{session.pk}/{name}/")
        assert_accessible(page)
    page.goto(f"/en/tyopajat/{session.pk}/")
    page.get_by_role("button", name="End the workshop").click()
    assert_accessible(page)
    page.get_by_role("button", name="Send to the backlog").click()
    expect(page.get_by_text("2 items were sent to the backlog.")).to_be_visible()
    assert Idea.objects.filter(title__startswith="Jonot").count() == 2
    _reload(phones[0])
    expect(phones[0].get_by_role("link", name="Jonot <b>0</b>")).to_be_visible()


def _reload(phone) -> None:
    """Reload a phone page; its own poll may be navigating it at that moment
    (the workshop just ended), which aborts a reload: then try again."""
    from playwright.sync_api import Error as PlaywrightError

    for _attempt in range(5):
        try:
            phone.goto(phone.url)
            return
        except PlaywrightError:
            phone.wait_for_timeout(500)
    phone.goto(phone.url)
