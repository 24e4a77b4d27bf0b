"""From an accepted idea to a measure, and the idea following the measure."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tuuma.ideas.models import IdeaStatus
from tuuma.programme import actions
from tuuma.programme.models import EventKind, Measure

pytestmark = pytest.mark.django_db


def test_staff_create_a_measure_from_an_accepted_idea_in_one_step(
    client, cast, goal, area, accepted_idea
):
    client.force_login(cast.productivity_lead)
    url = f"/ohjelma/toimenpiteet/uusi/?idea={accepted_idea.pk}"
    form_page = client.get(url).content.decode()
    assert 'value="Rakennuslupa verkossa"' in form_page
    response = client.post(
        url,
        {
            "goal": goal.pk,
            "title": "Sähköinen lupa",
            "description": "Lupa verkkoon.",
            "public_summary": "Rakennuslupaa voi hakea verkossa.",
            "measure_class": "development_project",
            "service_area": area.pk,
            "owner": cast.process_owner.pk,
            "start_date": "2026-01-01",
            "due_date": "2026-06-30",
            "priority": "2",
        },
    )
    measure = Measure.objects.get()
    assert response["Location"] == measure.get_absolute_url()
    assert list(measure.ideas.all()) == [accepted_idea]
    assert measure.events.filter(kind=EventKind.IDEA_LINKED).exists()


def test_an_idea_without_an_accepted_answer_cannot_be_used(
    client, cast, org, area, make_measure
):
    from tuuma.ideas import actions as idea_actions

    idea = idea_actions.idea_create(
        organisation=org,
        author=cast.resident,
        kind="idea",
        title="Vielä käsittelyssä",
        body="…",
        service_area=area,
    )
    client.force_login(cast.productivity_lead)
    assert client.get(f"/ohjelma/toimenpiteet/uusi/?idea={idea.pk}").status_code == 404
    with pytest.raises(ValidationError):
        actions.measure_link_idea(measure=make_measure(), idea=idea, by=cast.manager)


def test_one_measure_carries_several_ideas_and_an_existing_one_is_linked(
    client, cast, org, area, measure, accepted_idea
):
    client.force_login(cast.process_owner)
    response = client.post(
        f"/ohjelma/ideat/{accepted_idea.pk}/linkita/", {"measure": measure.pk}
    )
    assert response.status_code == 302
    assert list(measure.ideas.all()) == [accepted_idea]


def test_linking_refuses_a_measure_the_person_may_not_change(
    client, cast, measure, accepted_idea
):
    client.force_login(cast.employee)
    response = client.post(
        f"/ohjelma/ideat/{accepted_idea.pk}/linkita/", {"measure": measure.pk}
    )
    assert response.status_code == 200  # the choice is refused
    assert not measure.ideas.exists()


def test_starting_and_finishing_the_measure_moves_the_idea_and_tells_its_author(
    settings, cast, make_measure, accepted_idea, run_jobs
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    measure = make_measure(
        public_summary="Rakennuslupaa voi hakea verkossa syksystä alkaen.",
        ideas=[accepted_idea],
    )
    run_jobs()
    mail.outbox.clear()

    actions.measure_change_status(
        measure=measure, to_status="in_progress", by=cast.manager
    )
    accepted_idea.refresh_from_db()
    assert accepted_idea.status == IdeaStatus.IN_PROGRESS
    event = accepted_idea.events.order_by("pk").last()
    assert event.public_text == "Rakennuslupaa voi hakea verkossa syksystä alkaen."

    actions.measure_change_status(measure=measure, to_status="done", by=cast.manager)
    accepted_idea.refresh_from_db()
    assert accepted_idea.status == IdeaStatus.IMPLEMENTED

    run_jobs()
    to_author = [m for m in mail.outbox if m.to == [cast.resident.email]]
    assert len(to_author) == 2
    assert "Rakennuslupaa voi hakea verkossa" in to_author[-1].body


def test_linking_to_a_measure_already_done_implements_the_idea(
    cast, measure, accepted_idea
):
    actions.measure_change_status(measure=measure, to_status="done", by=cast.manager)
    actions.measure_link_idea(measure=measure, idea=accepted_idea, by=cast.manager)
    accepted_idea.refresh_from_db()
    assert accepted_idea.status == IdeaStatus.IMPLEMENTED


def test_idea_page_block_lists_its_measures_and_offers_the_create_link(
    client, cast, measure, accepted_idea
):
    from django.template import Context, Template
    from django.test import RequestFactory

    actions.measure_link_idea(measure=measure, idea=accepted_idea, by=cast.manager)
    actions.measure_post_progress(
        measure=measure, by=cast.manager, date=measure.start_date, percent=30, text="…"
    )
    request = RequestFactory().get("/")
    request.organisation = measure.organisation
    template = Template('{% load tuuma_panels %}{% app_panels "idea" idea %}')

    request.user = cast.productivity_lead
    html = template.render(Context({"request": request, "idea": accepted_idea}))
    assert measure.title in html
    assert "30 %" in html
    assert f"/ohjelma/toimenpiteet/uusi/?idea={accepted_idea.pk}" in html

    request.user = cast.resident  # the measure is not published
    html = template.render(Context({"request": request, "idea": accepted_idea}))
    assert measure.title not in html
    assert "?idea=" not in html


def test_one_measure_carries_several_ideas_and_moves_them_all(
    cast, org, area, measure, accepted_idea
):
    from tuuma.ideas import actions as idea_actions

    second = idea_actions.idea_create(
        organisation=org,
        author=cast.employee,
        kind="idea",
        title="Lupaneuvonta chatissa",
        body="…",
        service_area=area,
    )
    idea_actions.idea_answer(
        idea=second, by=cast.manager, outcome="accepted", text="Ok"
    )
    idea_actions.idea_publish_answer(idea=second, by=cast.manager)
    for idea in (accepted_idea, second):
        actions.measure_link_idea(measure=measure, idea=idea, by=cast.manager)
    actions.measure_change_status(
        measure=measure, to_status="in_progress", by=cast.manager
    )
    statuses = set(measure.ideas.values_list("status", flat=True))
    assert statuses == {IdeaStatus.IN_PROGRESS}
    assert measure.ideas.count() == 2
