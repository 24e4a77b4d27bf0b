import io
import zipfile

import pytest
from django.urls import reverse

from tuuma.ideas.models import Idea
from tuuma.workshops import actions, backlog, clusters
from tuuma.workshops.models import Participant, Vote
from tuuma.workshops.views.participate import cookie_name

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _join(client, session, nickname="Anna"):
    url = reverse("workshops:join", args=[session.code])
    response = client.post(url, {"nickname": nickname})
    assert response.status_code == 302, response.content
    return Participant.objects.get(
        session=session, token=client.cookies[cookie_name(session)].value
    )


def test_a_phone_joins_by_code_and_posts_a_note(client, live, ideate):
    response = client.post(reverse("workshops:join-code"), {"code": live.code.lower()})
    assert response["Location"] == reverse("workshops:join", args=[live.code])
    participant = _join(client, live)
    page = reverse("workshops:take-part", args=[live.code])
    client.post(page, {"action": "note", "text": "Jonot ovat pitkiä"})
    assert participant.notes.get().text == "Jonot ovat pitkiä"
    assert "Jonot ovat pitkiä" in client.get(page).content.decode()


def test_the_live_endpoint_answers_empty_until_the_step_changes(
    client, live, ideate, dots
):
    _join(client, live)
    version = client.get(reverse("workshops:take-part", args=[live.code])).context[
        "version"
    ]
    live_url = reverse("workshops:live", args=[live.code])
    assert client.get(live_url, {"v": version}).status_code == 204
    actions.step_open(step=dots, by=live.facilitator)
    assert client.get(live_url, {"v": version})["HX-Refresh"] == "true"


def test_dot_votes_from_the_phone_page_stop_at_the_budget(client, live, ideate, dots):
    participant = _join(client, live)
    note = actions.note_create(step=ideate, participant=participant, text="A")
    actions.step_open(step=dots, by=live.facilitator)
    page = reverse("workshops:take-part", args=[live.code])
    for _n in range(5):
        client.post(page, {"action": "dot", "item": note.key})
    assert Vote.objects.filter(step=dots).count() == 2  # max two per item
    response = client.post(page, {"action": "dot", "item": note.key}, follow=True)
    assert "maximum" in response.content.decode()


def test_guessing_codes_is_rate_limited_per_address_but_a_room_can_join(client, live):
    for _n in range(40):  # a room behind one address joins in the same minute
        client.cookies.clear()
        _join(client, live, nickname="")
    url = reverse("workshops:join", args=["WRONGCODE"])
    statuses = [client.get(url).status_code for _n in range(31)]
    assert statuses[0] == 404 and statuses[-1] == 429
    assert client.get(reverse("workshops:join", args=[live.code])).status_code == 429


def test_xss_in_notes_and_nicknames_renders_as_text(client, live, ideate, facilitator):
    participant = _join(client, live, nickname=XSS[:40])
    actions.note_create(step=ideate, participant=participant, text=XSS)
    actions.step_reveal(step=ideate, by=facilitator)
    pages = [reverse("workshops:take-part", args=[live.code])]
    staff = client.__class__()
    staff.force_login(facilitator)
    for name in ("moderation", "clustering", "presenter", "summary", "backlog"):
        pages.append(reverse(f"workshops:{name}", args=[live.pk]))
    for index, url in enumerate(pages):
        html = (client if index == 0 else staff).get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html, url
    workbook = staff.get(reverse("workshops:export-xlsx", args=[live.pk])).content
    with zipfile.ZipFile(io.BytesIO(workbook)) as book:
        strings = book.read("xl/sharedStrings.xml").decode()
    assert "&lt;script&gt;" in strings and "<script>" not in strings


def test_other_organisations_sessions_are_not_found(client, live, outsider):
    client.force_login(outsider)
    response = client.get(
        reverse("workshops:session", args=[live.pk]), HTTP_HOST="pori.testserver"
    )
    assert response.status_code == 404


def test_residents_cannot_open_the_facilitator_pages(client, live, cast):
    client.force_login(cast.resident)
    assert client.get(reverse("workshops:session", args=[live.pk])).status_code in (
        403,
        404,
    )
    client.force_login(cast.employee)
    assert client.get(reverse("workshops:session", args=[live.pk])).status_code == 403


def test_the_presenter_polls_a_small_live_fragment(client, live, ideate, facilitator):
    client.force_login(facilitator)
    url = reverse("workshops:presenter", args=[live.pk])
    html = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert html.lstrip().startswith('<div id="live"') and "<html" not in html


def test_facilitator_pages_render(client, live, ideate, dots, facilitator):
    client.force_login(facilitator)
    for name in (
        "session",
        "presenter",
        "moderation",
        "clustering",
        "paper",
        "results",
        "summary",
        "backlog",
    ):
        assert (
            client.get(reverse(f"workshops:{name}", args=[live.pk])).status_code == 200
        ), name
    response = client.get(reverse("workshops:export-xlsx", args=[live.pk]))
    assert response.content[:2] == b"PK"


@pytest.mark.django_db
def test_results_land_as_ideas_and_a_top_item_as_a_measure(
    live, ideate, dots, join, area, cast
):
    from tuuma.programme import actions as programme

    anna = join("Anna")
    a, b = (
        actions.note_create(step=ideate, participant=anna, text=t)
        for t in ("Sähköinen arkisto", "Jonot")
    )
    group = clusters.cluster_create(session=live, title="Sähköinen asiointi")
    clusters.note_move(note=a, cluster=group)
    actions.step_open(step=dots, by=live.facilitator)
    from tuuma.workshops import voting

    voting.dot_add(step=dots, participant=anna, item=group.key)
    actions.session_close(session=live, by=live.facilitator)
    outcomes = backlog.session_to_backlog(
        session=live, by=live.facilitator, choices={group.key: "new", b.key: "new"}
    )
    assert len(outcomes) == 2
    again = backlog.session_to_backlog(
        session=live, by=live.facilitator, choices={group.key: "new"}
    )
    assert again == []
    top = next(o for o in outcomes if o.item == group.key)
    assert top.votes == 1 and top.cluster == group
    idea = Idea.objects.get(pk=top.idea_id)
    assert live.title in idea.body and "Sähköinen arkisto" in idea.body
    focus = programme.focus_area_create(
        organisation=live.organisation, name="Uudistuva"
    )
    goal = programme.goal_create(focus_area=focus, title="Prosessit")
    from datetime import date

    measure = backlog.outcome_to_measure(
        outcome=top,
        by=cast.administrator,
        goal=goal,
        service_area=area,
        owner=cast.process_owner,
        start_date=date(2027, 1, 1),
        due_date=date(2027, 6, 1),
    )
    assert list(measure.ideas.all()) == [idea]


def test_a_self_paced_session_lets_a_phone_pick_any_open_step(
    client, session, ideate, facilitator
):
    actions.session_update(session=session, is_self_paced=True)
    poll = actions.step_add(
        session=session, kind="poll", prompt="Kumpi?", options="A\nB"
    )
    actions.step_open(step=ideate, by=facilitator)
    actions.step_open(step=poll, by=facilitator)
    ideate.refresh_from_db()
    assert ideate.state == "open"  # self-paced: opening one step leaves the other open
    participant = _join(client, session)
    page = reverse("workshops:take-part", args=[session.code])
    client.post(page, {"action": "poll", "item": "o1", "step": poll.pk})
    client.post(page, {"action": "note", "text": "Iltaisin", "step": ideate.pk})
    assert participant.votes.get().item == "o1"
    assert participant.notes.get().text == "Iltaisin"
    html = client.get(page, {"vaihe": poll.pk}).content.decode()
    assert "Kumpi?" in html


def test_an_upvote_counts_once_however_often_it_is_sent(client, live, facilitator):
    qa = actions.step_add(session=live, kind="qa", prompt="Kysy")
    actions.step_open(step=qa, by=facilitator)
    participant = _join(client, live)
    question = actions.note_create(step=qa, participant=participant, text="Miksi?")
    page = reverse("workshops:take-part", args=[live.code])
    for _n in range(3):
        client.post(page, {"action": "upvote", "item": question.key})
    assert Vote.objects.filter(step=qa).count() == 1
